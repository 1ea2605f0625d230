package nl.samenaanwezig.attendance;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.web.Pages;

/** The class's presence pattern: a weekday x lesson period heat map as a readable table. */
@Path("/class/{courseId}/patterns")
public class ClassPatternsResource {
  static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");

  @Inject Sessions sessions;
  @Inject Memberships memberships;
  @Inject ClassPatterns patterns;
  @Inject Pages pages;
  @Inject Clock clock;
  @Context HttpServletRequest request;

  /** One heat map cell as shown: the label and a shade from 0 (all present) to 4 (often away). */
  public record Shown(String label, int shade) {}

  /** One row of the grid: a lesson period with a cell per weekday. */
  public record Row(LocalTime period, List<Shown> cells) {}

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String page(@PathParam("courseId") long courseId) {
    Session session = sessions.require(request);
    Course course =
        memberships
            .courseWhere(session.person(), courseId, Role.MENTOR)
            .orElseThrow(NotFoundException::new);
    ClassPatterns.HeatMap map =
        patterns.heatMap(course, LocalDate.now(clock.withZone(SCHOOL_ZONE)));
    List<String> days = new ArrayList<>();
    for (int d = 1; d <= 5; d++) {
      days.add(DayOfWeek.of(d).getDisplayName(TextStyle.FULL, session.locale()));
    }
    List<Row> rows = new ArrayList<>();
    for (LocalTime period : map.periods()) {
      List<Shown> cells = new ArrayList<>();
      for (int d = 1; d <= 5; d++) {
        PresenceRate rate = map.at(d, period);
        cells.add(new Shown(rate.label(), shade(rate)));
      }
      rows.add(new Row(period, cells));
    }
    Map<String, Object> vars = Frame.of(session, "/class/" + courseId + "/patterns");
    vars.put("courseId", courseId);
    vars.put("courseTitle", course.displayTitle());
    vars.put("days", days);
    vars.put("rows", rows);
    return pages.render("patterns", session.locale(), vars);
  }

  /** Darker means more absence; the percentage is always printed too (colour is never alone). */
  static int shade(PresenceRate rate) {
    if (rate.percent().isEmpty()) {
      return -1;
    }
    int p = rate.percent().getAsInt();
    return p >= 95 ? 0 : p >= 90 ? 1 : p >= 85 ? 2 : p >= 75 ? 3 : 4;
  }
}
