package nl.samenaanwezig.home;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Member;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.web.Pages;

/** The mentor's class page (the course tab): the course and its students. */
@Path("/class/{courseId}")
public class ClassResource {
  static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");

  @Inject Sessions sessions;
  @Inject Memberships memberships;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  /** One student row. */
  public record StudentRow(String name, String email, String lastLaunch) {}

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String page(@PathParam("courseId") long courseId) {
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
    List<StudentRow> students =
        memberships.members(course, Role.STUDENT).stream()
            .map(Member::person)
            .map(
                p ->
                    new StudentRow(
                        p.displayName(),
                        p.email(),
                        p.lastLaunchAt() == null ? null : when.format(p.lastLaunchAt())))
            .toList();
    List<String> mentors =
        memberships.members(course, Role.MENTOR).stream()
            .map(m -> m.person().displayName())
            .toList();
    Map<String, Object> vars = Frame.of(session, "/class/" + courseId);
    vars.put("courseTitle", course.displayTitle());
    vars.put("students", students);
    vars.put("mentors", mentors);
    return pages.render("class", session.locale(), vars);
  }
}
