package nl.samenaanwezig.home;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.attendance.ClassFigures;
import nl.samenaanwezig.attendance.PresenceRate;
import nl.samenaanwezig.attendance.Sparkline;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Member;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.protocol.Signals;
import nl.samenaanwezig.web.Pages;

/** The mentor's class page (the course tab): the course and its students. */
@Path("/class/{courseId}")
public class ClassResource {
  static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");

  @Inject Sessions sessions;
  @Inject Memberships memberships;
  @Inject Pages pages;
  @Inject ClassFigures classFigures;
  @Inject Clock clock;
  @Inject Signals signals;
  @Context HttpServletRequest request;

  /** One student row: who, how present, and which protocol steps are due. */
  public record StudentRow(
      long personId,
      String name,
      String email,
      String lastLaunch,
      PresenceRate week,
      PresenceRate fourWeeks,
      PresenceRate year,
      long unexcusedMinutes,
      long lateCount,
      Sparkline trend,
      List<Signals.Badge> signals) {

    /** Minutes as hours with one decimal, the way the protocol counts them (16 uur). */
    public String unexcusedHours() {
      return String.format(java.util.Locale.ROOT, "%.1f", unexcusedMinutes / 60.0);
    }
  }

  static final List<String> SORTS = List.of("name", "presence", "unexcused", "late");

  /** Sorts by name, or puts the students who need attention first. */
  static Comparator<StudentRow> order(String sort) {
    Comparator<StudentRow> byName = Comparator.comparing(StudentRow::name);
    if (sort == null) {
      return byName;
    }
    return switch (sort) {
      case "presence" ->
          Comparator.comparingInt((StudentRow r) -> r.fourWeeks().percent().orElse(101))
              .thenComparing(byName);
      case "unexcused" ->
          Comparator.comparingDouble(
                  (StudentRow r) -> -Double.parseDouble(r.unexcusedHours().replace(',', '.')))
              .thenComparing(byName);
      case "late" ->
          Comparator.comparingLong((StudentRow r) -> -r.lateCount()).thenComparing(byName);
      default -> byName;
    };
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String page(@PathParam("courseId") long courseId, @QueryParam("sort") String sort) {
    Session session = sessions.require(request);
    // Not a mentor here, or no such course: the same 404, so ids cannot be probed.
    Course course =
        memberships
            .courseWhere(session.person(), courseId, Role.MENTOR)
            .orElseThrow(NotFoundException::new);
    DateTimeFormatter when =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(session.locale())
            .withZone(SCHOOL_ZONE);
    LocalDate today = LocalDate.now(clock.withZone(SCHOOL_ZONE));
    Map<Long, ClassFigures.StudentFigures> figures = classFigures.forCourse(course, today);
    Map<Long, List<Signals.Badge>> badges = signals.badges(course, today, session.locale());
    String noLessons = Pages.text(session.locale(), "class.trend.noLessons");
    List<StudentRow> students =
        memberships.members(course, Role.STUDENT).stream()
            .map(Member::person)
            .map(
                p -> {
                  ClassFigures.StudentFigures f =
                      figures.getOrDefault(p.id(), ClassFigures.StudentFigures.empty(p.id()));
                  return new StudentRow(
                      p.id(),
                      p.displayName(),
                      p.email(),
                      p.lastLaunchAt() == null ? null : when.format(p.lastLaunchAt()),
                      f.week(),
                      f.fourWeeks(),
                      f.year(),
                      f.unexcusedMinutesFourWeeks(),
                      f.lateCountYear(),
                      Sparkline.of(f.weekly(), noLessons),
                      badges.getOrDefault(p.id(), List.of()));
                })
            .sorted(order(sort))
            .toList();
    List<String> mentors =
        memberships.members(course, Role.MENTOR).stream()
            .map(m -> m.person().displayName())
            .toList();
    Map<String, Object> vars = Frame.of(session, "/class/" + courseId);
    vars.put("courseTitle", course.displayTitle());
    vars.put("courseId", course.id());
    vars.put("students", students);
    vars.put("sort", sort != null && SORTS.contains(sort) ? sort : "name");
    vars.put("mentors", mentors);
    return pages.render("class", session.locale(), vars);
  }
}
