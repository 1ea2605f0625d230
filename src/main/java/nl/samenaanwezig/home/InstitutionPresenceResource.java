package nl.samenaanwezig.home;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.samenaanwezig.attendance.InstitutionPresence;
import nl.samenaanwezig.attendance.PresenceRate;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.protocol.Signals;
import nl.samenaanwezig.web.Csv;
import nl.samenaanwezig.web.ErrorPages;
import nl.samenaanwezig.web.Pages;

/**
 * "Aanwezigheid per klas": the administrator's view of every class of the institution, lowest
 * presence over the last four school weeks first, with the class page's hint where a whole class is
 * missing a lot (an evening for parents and buddies). Read-only; the class itself is the mentor's.
 */
@Path("/admin/presence")
public class InstitutionPresenceResource {
  static final List<String> SORTS = List.of("presence", "name");

  @Inject Sessions sessions;
  @Inject InstitutionPresence presence;
  @Inject Signals signals;
  @Inject Database db;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  /** One class as the table shows it. */
  public record Row(
      long courseId,
      String title,
      long students,
      PresenceRate week,
      PresenceRate fourWeeks,
      PresenceRate year,
      double unexcusedHours,
      boolean absenceHigh) {}

  @GET
  public Response page(@QueryParam("sort") String sort) {
    Session session = administrator();
    Locale locale = session.locale();
    String order = order(sort);
    if (order == null) {
      return ErrorPages.page(pages, 400, "presence.admin.badSort", locale);
    }
    List<InstitutionPresence.ClassPresence> classes =
        presence.of(session.platform().institution().id(), signals.today());
    List<Row> rows = rows(classes, order);
    long attended = 0;
    long scheduled = 0;
    for (InstitutionPresence.ClassPresence c : classes) {
      attended += c.fourWeeks().attendedMinutes();
      scheduled += c.fourWeeks().scheduledMinutes();
    }
    Map<String, Object> vars = Frame.of(session, "/admin/presence");
    vars.put("institution", session.platform().institution().name());
    vars.put("rows", rows);
    vars.put("sort", order);
    vars.put("sorts", SORTS);
    vars.put("csvHref", "/admin/presence/csv?sort=" + order);
    vars.put("total", new PresenceRate(attended, scheduled));
    vars.put("highCount", rows.stream().filter(Row::absenceHigh).count());
    vars.put("threshold", ClassSummary.HIGH_ABSENCE_BELOW_PERCENT);
    return Response.ok(pages.render("institution-presence", locale, vars))
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .build();
  }

  /** The same table for Excel: percentages as numbers, unexcused time in hours. */
  @GET
  @Path("csv")
  public Response csv(@QueryParam("sort") String sort) {
    Session session = administrator();
    Locale locale = session.locale();
    String order = order(sort);
    if (order == null) {
      return ErrorPages.page(pages, 400, "presence.admin.badSort", locale);
    }
    LocalDate today = signals.today();
    List<Row> rows = rows(presence.of(session.platform().institution().id(), today), order);
    List<List<String>> table = new ArrayList<>();
    table.add(
        Pages.texts(
            locale,
            "signals.course",
            "class.col.fourWeeks",
            "class.col.week",
            "class.col.year",
            "class.col.unexcused",
            "presence.admin.col.students",
            "presence.admin.col.hint"));
    for (Row r : rows) {
      table.add(
          List.of(
              r.title(),
              r.fourWeeks().number(),
              r.week().number(),
              r.year().number(),
              String.format(Locale.ROOT, "%.1f", r.unexcusedHours()),
              String.valueOf(r.students()),
              r.absenceHigh() ? Pages.text(locale, "presence.admin.hint.high") : ""));
    }
    return Csv.download(table, locale, Pages.text(locale, "presence.admin.file", today.toString()));
  }

  private Session administrator() {
    Session session = sessions.require(request);
    if (!session.has(Role.ADMIN)) {
      throw new NotFoundException();
    }
    return session;
  }

  /** The chosen order, "presence" when none is given, null for one that is not offered. */
  private static String order(String sort) {
    String order = sort == null || sort.isBlank() ? "presence" : sort.strip();
    return SORTS.contains(order) ? order : null;
  }

  private List<Row> rows(List<InstitutionPresence.ClassPresence> classes, String order) {
    Map<Long, String> titles = new HashMap<>();
    db.read(
        em -> {
          for (InstitutionPresence.ClassPresence c : classes) {
            titles.put(c.courseId(), em.find(Course.class, c.courseId()).displayTitle());
          }
          return null;
        });
    Comparator<Row> byName = Comparator.comparing(Row::title, String.CASE_INSENSITIVE_ORDER);
    Comparator<Row> byPresence =
        Comparator.comparingInt(
                (Row r) ->
                    r.fourWeeks().percent().isPresent() ? r.fourWeeks().percent().getAsInt() : 101)
            .thenComparing(byName);
    return classes.stream()
        .map(
            c ->
                new Row(
                    c.courseId(),
                    titles.get(c.courseId()),
                    c.students(),
                    c.week(),
                    c.fourWeeks(),
                    c.year(),
                    c.unexcusedMinutesFourWeeks() / 60.0,
                    ClassSummary.absenceHigh(c.fourWeeks())))
        .sorted("name".equals(order) ? byName : byPresence)
        .toList();
  }
}
