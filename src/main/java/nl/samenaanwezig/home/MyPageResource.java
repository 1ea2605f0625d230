package nl.samenaanwezig.home;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.samenaanwezig.attendance.MarkCategory;
import nl.samenaanwezig.attendance.SchoolCalendar;
import nl.samenaanwezig.attendance.StudentAttendance;
import nl.samenaanwezig.buddies.BuddyBook;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.meetings.MyTalks;
import nl.samenaanwezig.protocol.Duties;
import nl.samenaanwezig.protocol.Protocol;
import nl.samenaanwezig.protocol.ProtocolSettings;
import nl.samenaanwezig.protocol.StepText;
import nl.samenaanwezig.web.Pages;

/**
 * The student's own page ("mijn pagina"): only their own data — their presence in the course they
 * opened it from, framed as presence first, their next talk with the mentor and open agreements,
 * and the school's rules in plain words.
 */
@Path("/me")
public class MyPageResource {
  @Inject Sessions sessions;
  @Inject Memberships memberships;
  @Inject StudentAttendance attendance;
  @Inject ProtocolSettings protocolSettings;
  @Inject Duties duties;
  @Inject Clock clock;
  @Inject Pages pages;
  @Inject BuddyBook buddyBook;
  @Inject MyTalks talks;
  @Context HttpServletRequest request;

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String page() {
    Session session = sessions.require(request);
    if (!session.has(Role.STUDENT)) {
      throw new NotFoundException();
    }
    Person me = session.person();
    Locale locale = session.locale();
    long institutionId = session.platform().institution().id();
    LocalDate today = LocalDate.now(clock.withZone(ClassResource.SCHOOL_ZONE));
    Map<String, Object> vars = Frame.of(session, "/me");
    vars.put("buddyOverview", buddyBook.overview(session.person().id(), buddyBook.today()));
    vars.put("talks", talks.of(me.id(), locale));
    vars.put("courseTitle", session.course().map(Course::displayTitle).orElse(null));
    Optional<Course> course =
        session.course().filter(c -> memberships.rolesIn(me, c).contains(Role.STUDENT));
    if (course.isPresent()) {
      long courseId = course.get().id();
      vars.put("infocardUrl", "/infocard/" + courseId);
      List<SchoolCalendar.Week> weeks =
          attendance.calendar(institutionId).lastSchoolWeeks(today, 4);
      LocalDate fourWeeksFrom = weeks.isEmpty() ? today : weeks.get(weeks.size() - 1).monday();
      vars.put("fourWeeks", attendance.rate(courseId, me.id(), fourWeeksFrom, today));
      vars.put("month", attendance.rate(courseId, me.id(), today.withDayOfMonth(1), today));
      Map<MarkCategory, Long> counts =
          attendance.counts(courseId, me.id(), SchoolCalendar.schoolYearStart(today), today);
      List<String> lines = new ArrayList<>();
      for (MarkCategory c : MarkCategory.values()) {
        long n = counts.getOrDefault(c, 0L);
        if (n > 0) {
          lines.add(Pages.text(locale, "me.count." + c.name().toLowerCase(Locale.ROOT), n));
        }
      }
      vars.put("counts", lines);
    }
    Protocol protocol = protocolSettings.of(institutionId);
    vars.put(
        "rules",
        protocol.stepsFor(duties.of(me.id())).stream()
            .map(s -> StepText.of(s, protocol.setting(s.rule()), locale).forStudent())
            .toList());
    return pages.render("me", locale, vars);
  }
}
