package nl.samenaanwezig.protocol;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.web.Pages;

/**
 * Saves one rule of the institution's protocol from the settings section of /admin. A refused value
 * shows the section again on its own page, with the problems and the typed values.
 */
@Path("/admin/protocol")
@Produces(MediaType.TEXT_HTML)
public class ProtocolAdminResource {
  @Inject Sessions sessions;
  @Inject ProtocolSettings settings;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  @POST
  @Path("{rule}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response save(@PathParam("rule") String ruleName, MultivaluedMap<String, String> form) {
    Session session = sessions.require(request);
    if (!session.has(Role.ADMIN)) {
      throw new NotFoundException();
    }
    Rule rule = Rule.parse(ruleName).orElseThrow(NotFoundException::new);
    long institutionId = session.platform().institution().id();
    Locale locale = session.locale();
    Protocol protocol = settings.of(institutionId);
    boolean enabled = form.getFirst("enabled") != null;
    List<String> typed = new ArrayList<>();
    List<Integer> values = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Parameter p : rule.parameters()) {
      String text = form.getFirst("value-" + p.name());
      text = text == null ? "" : text.strip();
      typed.add(text);
      try {
        values.add(Integer.parseInt(text));
      } catch (NumberFormatException e) {
        values.add(p.defaultValue());
        problems.add(
            Pages.text(
                locale,
                "protocol.problem.number",
                Pages.text(locale, protocol.setting(rule).label(p))));
      }
    }
    RuleSetting setting = new RuleSetting(rule, enabled, values);
    if (problems.isEmpty()) {
      for (RuleSetting.Problem p : setting.problems()) {
        List<Object> args = new ArrayList<>();
        if (p.labelKey() != null) {
          args.add(Pages.text(locale, p.labelKey()));
        }
        args.addAll(p.args());
        problems.add(Pages.text(locale, p.key(), args.toArray()));
      }
    }
    if (!problems.isEmpty()) {
      List<SettingForm> forms = new ArrayList<>();
      for (RuleSetting s : protocol.ordered()) {
        forms.add(
            s.rule() == rule
                ? SettingForm.of(rule, enabled, typed, s, locale)
                : SettingForm.of(s, locale));
      }
      Map<String, Object> vars = Frame.of(session, "/admin");
      vars.put("institution", session.platform().institution().name());
      vars.put("protocolForms", forms);
      vars.put("protocolProblems", problems);
      vars.put("protocolRule", rule.name());
      return Response.status(400)
          .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
          .entity(pages.render("protocol-settings", locale, vars))
          .build();
    }
    settings.save(institutionId, setting, session.person().id());
    return Response.seeOther(URI.create("/admin?notice=protocol.saved#protocol")).build();
  }
}
