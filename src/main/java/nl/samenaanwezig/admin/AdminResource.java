package nl.samenaanwezig.admin;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.samenaanwezig.api.ApiTokens;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.PlatformJson;
import nl.samenaanwezig.lti.PlatformOwnedElsewhereException;
import nl.samenaanwezig.lti.PlatformSettings;
import nl.samenaanwezig.lti.Platforms;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.lti.ToolKeys;
import nl.samenaanwezig.lti.ags.MeetingGrades;
import nl.samenaanwezig.protocol.ProtocolSettings;
import nl.samenaanwezig.web.BaseUrl;
import nl.samenaanwezig.web.Pages;

/**
 * The institution settings page for the platform's administrators: their platform registrations
 * (import, deployment ids) and the tool's keys.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminResource {
  private static final Set<String> NOTICES =
      Set.of(
          "admin.import.saved",
          "admin.deployment.saved",
          "admin.keys.rotated",
          "admin.grades.saved",
          "protocol.saved",
          "admin.apiTokens.revoked");

  @Inject Sessions sessions;
  @Inject Platforms platforms;
  @Inject ToolKeys keys;
  @Inject ApiTokens apiTokens;
  @Inject Pages pages;
  @Inject BaseUrl baseUrl;
  @Inject MeetingGrades meetingGrades;
  @Inject ProtocolSettings protocolSettings;
  @Context HttpServletRequest request;

  @GET
  public String page(@QueryParam("notice") String notice) {
    Session session = admin();
    return render(
        session, notice != null && NOTICES.contains(notice) ? notice : null, List.of(), "");
  }

  @POST
  @Path("platforms/import")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response importPlatform(@FormParam("json") String json) {
    Session session = admin();
    PlatformSettings settings;
    try {
      settings = PlatformJson.parse(json);
    } catch (ParseException e) {
      return invalid(session, List.of("admin.import.notJson"), json);
    }
    if (!settings.problems().isEmpty()) {
      return invalid(session, settings.problems(), json);
    }
    try {
      platforms.register(settings, Optional.of(session.platform().institution().id()), false);
    } catch (PlatformOwnedElsewhereException e) {
      return invalid(session, List.of("admin.import.elsewhere"), json);
    }
    return done("admin.import.saved");
  }

  @POST
  @Path("platforms/{id}/deployments")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response addDeployment(
      @PathParam("id") long platformId, @FormParam("deploymentId") String deploymentId) {
    Session session = admin();
    if (deploymentId == null || deploymentId.isBlank() || deploymentId.length() > 255) {
      return invalid(session, List.of("admin.deployment.invalid"), "");
    }
    try {
      platforms.addDeployment(platformId, session.platform().institution().id(), deploymentId);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException();
    }
    return done("admin.deployment.saved");
  }

  @POST
  @Path("keys/rotate")
  public Response rotateKeys() {
    admin();
    keys.rotate();
    return done("admin.keys.rotated");
  }

  /** The institution option "MOL-gesprek gevoerd naar het cijferboek": a checkbox, on or off. */
  @POST
  @Path("grades")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response saveGrades(@FormParam("meetingGrades") String meetingGradesBox) {
    Session session = admin();
    if (meetingGradesBox != null && !"on".equals(meetingGradesBox)) {
      return invalid(session, List.of("admin.grades.invalid"), "");
    }
    meetingGrades.enable(session.platform().institution().id(), meetingGradesBox != null);
    return done("admin.grades.saved");
  }

  private Session admin() {
    Session session = sessions.require(request);
    if (!session.has(Role.ADMIN)) {
      throw new NotFoundException();
    }
    return session;
  }

  private Response invalid(Session session, List<String> problems, String json) {
    return Response.status(400)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(render(session, null, problems, json))
        .build();
  }

  private static Response done(String notice) {
    return Response.seeOther(URI.create("/admin?notice=" + notice)).build();
  }

  private String render(Session session, String notice, List<String> problems, String json) {
    Long institutionId = session.platform().institution().id();
    Map<String, Object> vars = Frame.of(session, "/admin");
    String base = baseUrl.of(request);
    vars.put("institution", session.platform().institution().name());
    vars.put("platforms", platforms.ofInstitution(institutionId));
    vars.put("keys", keys.all());
    vars.put("apiTokens", apiTokens.rows(institutionId, session.locale()));
    vars.put("notice", notice);
    vars.put("problems", problems);
    vars.put("json", json);
    vars.put("registerUrl", base + "/lti/register");
    vars.put("jwksUrl", base + "/.well-known/jwks.json");
    vars.put("meetingGrades", meetingGrades.enabled(institutionId));
    vars.put("protocolForms", protocolSettings.forms(institutionId, session.locale()));
    return pages.render("admin", session.locale(), vars);
  }
}
