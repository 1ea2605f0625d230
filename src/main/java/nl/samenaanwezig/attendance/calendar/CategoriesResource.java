package nl.samenaanwezig.attendance.calendar;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nl.samenaanwezig.attendance.CategoryChoices;
import nl.samenaanwezig.attendance.MarkCategory;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.web.Pages;

/**
 * Which absence counts as excused ({@code /admin/categories}): one choice per category the school
 * may decide; the fixed ones are shown with the reason. Saving recomputes the unexcused hours of
 * every day with such a mark, so signals and class pages follow at once.
 */
@Path("/admin/categories")
@Produces(MediaType.TEXT_HTML)
public class CategoriesResource {
  static final String EXCUSED = "excused";
  static final String UNEXCUSED = "unexcused";

  @Inject Sessions sessions;
  @Inject CategoryChoices choices;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  /** One category on the page. */
  public record Row(String field, String name, boolean excused, boolean choosable, String fixed) {}

  @GET
  public String page(@QueryParam("changed") String changed) {
    Session session = administrator();
    Locale l = session.locale();
    String notice = null;
    if (changed != null) {
      List<String> names = new ArrayList<>();
      for (String code : changed.split(",")) {
        MarkCategory.parse(code).ifPresent(c -> names.add(Pages.text(l, c.messageKey())));
      }
      notice =
          names.isEmpty()
              ? Pages.text(l, "categories.unchanged")
              : Pages.text(l, "categories.saved", String.join(", ", names));
    }
    return render(session, Map.of(), List.of(), notice);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response save(MultivaluedMap<String, String> form) {
    Session session = administrator();
    Locale l = session.locale();
    Map<MarkCategory, Boolean> chosen = new EnumMap<>(MarkCategory.class);
    List<String> problems = new ArrayList<>();
    for (MarkCategory c : MarkCategory.values()) {
      String value = form.getFirst(field(c));
      String name = Pages.text(l, c.messageKey());
      if (!c.choosable()) {
        if (value != null && !value.equals(c.excusedByDefault() ? EXCUSED : UNEXCUSED)) {
          problems.add(Pages.text(l, "categories.problem.fixed", name));
        }
      } else if (EXCUSED.equals(value) || UNEXCUSED.equals(value)) {
        chosen.put(c, EXCUSED.equals(value));
      } else {
        problems.add(Pages.text(l, "categories.problem.choose", name));
      }
    }
    if (!problems.isEmpty()) {
      return Response.status(400)
          .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
          .entity(render(session, chosen, problems, null))
          .build();
    }
    List<MarkCategory> changed = choices.save(session.platform().institution().id(), chosen);
    String codes = changed.stream().map(Enum::name).collect(Collectors.joining(","));
    return Response.seeOther(URI.create("/admin/categories?changed=" + codes)).build();
  }

  private String render(
      Session session, Map<MarkCategory, Boolean> typed, List<String> problems, String notice) {
    Locale l = session.locale();
    List<Row> rows = new ArrayList<>();
    for (CategoryChoices.Choice c : choices.of(session.platform().institution().id())) {
      MarkCategory m = c.category();
      rows.add(
          new Row(
              field(m),
              Pages.text(l, m.messageKey()),
              typed.getOrDefault(m, c.excused()),
              c.choosable(),
              c.choosable()
                  ? null
                  : Pages.text(l, "categories.fixed." + m.name().toLowerCase(Locale.ROOT))));
    }
    Map<String, Object> vars = Frame.of(session, "/admin/categories");
    vars.put("institution", session.platform().institution().name());
    vars.put("rows", rows);
    vars.put("problems", problems);
    vars.put("notice", notice);
    return pages.render("categories", l, vars);
  }

  private static String field(MarkCategory c) {
    return "c-" + c.name();
  }

  private Session administrator() {
    Session session = sessions.require(request);
    if (!session.has(Role.ADMIN)) {
      throw new NotFoundException();
    }
    return session;
  }
}
