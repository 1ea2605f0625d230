package nl.samenaanwezig.meetings;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.samenaanwezig.attendance.SchoolCalendar;
import nl.samenaanwezig.buddies.BuddyBook;
import nl.samenaanwezig.contacts.MentorAccess;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.web.BaseUrl;
import nl.samenaanwezig.web.Pages;

/**
 * A student's MOL-gesprekken as a mentor of the class sees them: upcoming and past, the count
 * towards about five progress talks a year, and inviting for one talk (e.g. about attendance after
 * a protocol signal).
 */
@Path("/class/{courseId}/students/{personId}/meetings")
@Produces(MediaType.TEXT_HTML)
public class StudentMeetingsResource {
  /** The guideline: about five progress talks in a school year (seed 002). */
  public static final int PROGRESS_TALKS_A_YEAR = 5;

  private static final Set<String> NOTICES = Set.of("meeting.invited", "booking.booked");

  @Inject Sessions sessions;
  @Inject MentorAccess access;
  @Inject MeetingBook meetings;
  @Inject Slots slots;
  @Inject Campaigns campaigns;
  @Inject BuddyBook buddies;
  @Inject BaseUrl baseUrl;
  @Inject Clock clock;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  @GET
  public String page(
      @PathParam("courseId") long courseId,
      @PathParam("personId") long personId,
      @QueryParam("kind") String kind,
      @QueryParam("notice") String notice) {
    Session session = sessions.require(request);
    MentorAccess.Granted granted = access.require(session, courseId, personId);
    return render(
        session,
        granted,
        MeetingKind.of(kind).orElse(MeetingKind.VOORTGANG),
        notice != null && NOTICES.contains(notice) ? notice : null,
        List.of());
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response plan(
      @PathParam("courseId") long courseId,
      @PathParam("personId") long personId,
      MultivaluedMap<String, String> form) {
    Session session = sessions.require(request);
    MentorAccess.Granted granted = access.require(session, courseId, personId);
    Optional<MeetingKind> kind = MeetingKind.of(Views.text(form, "kind"));
    String slotValue = Views.text(form, "slot");
    Optional<Long> slot = slotValue.isEmpty() ? Optional.empty() : Views.id(slotValue);
    boolean offered =
        slot.isEmpty() || freeTimes(courseId, session).stream().anyMatch(s -> s.id() == slot.get());
    if (kind.isEmpty() || (!slotValue.isEmpty() && slot.isEmpty()) || !offered) {
      return Views.html(
          400,
          render(
              session,
              granted,
              MeetingKind.VOORTGANG,
              null,
              List.of(Pages.text(session.locale(), "plan.problem"))));
    }
    Bookings.Result r =
        campaigns.planOne(
            courseId, session.person().id(), personId, kind.get(), slot, baseUrl.of(request));
    if (!r.done()) {
      return Views.html(
          400,
          render(
              session,
              granted,
              kind.get(),
              null,
              List.of(
                  Pages.text(session.locale(), "plan.invitedAnyway"),
                  Pages.text(session.locale(), r.messageKey()))));
    }
    return Response.seeOther(
            URI.create(
                "/class/"
                    + courseId
                    + "/students/"
                    + personId
                    + "/meetings?notice="
                    + r.messageKey()))
        .build();
  }

  private String render(
      Session session,
      MentorAccess.Granted granted,
      MeetingKind kind,
      String notice,
      List<String> problems) {
    Locale l = session.locale();
    Instant now = clock.instant();
    long courseId = granted.course().id();
    long studentId = granted.student().id();
    List<Meeting> all = meetings.ofStudent(studentId, courseId);
    List<Views.MeetingLine> upcoming =
        all.stream().filter(m -> m.status().isOpenForBooking()).map(m -> Views.line(m, l)).toList();
    List<Views.MeetingLine> past =
        all.stream()
            .filter(m -> !m.status().isOpenForBooking())
            .map(m -> Views.line(m, l))
            .toList();
    long held =
        meetings.held(
            studentId, MeetingKind.VOORTGANG, SchoolCalendar.schoolYearStart(buddies.today()));
    Map<String, Object> vars =
        Frame.of(session, "/class/" + courseId + "/students/" + studentId + "/meetings");
    vars.put("courseId", courseId);
    vars.put("courseTitle", granted.course().displayTitle());
    vars.put("studentId", studentId);
    vars.put("studentName", granted.student().displayName());
    vars.put("upcoming", upcoming);
    vars.put("past", past);
    vars.put("progress", Pages.text(l, "studentMeetings.progress", held, PROGRESS_TALKS_A_YEAR));
    vars.put("kinds", MeetingKind.values());
    vars.put("kind", kind.name());
    vars.put(
        "choices",
        freeTimes(courseId, session).stream().map(s -> Views.option(s, l, now)).toList());
    vars.put("notice", notice);
    vars.put("problems", problems);
    return pages.render("student-meetings", l, vars);
  }

  /** This mentor's times in this class that still have room: the only ones to book here. */
  private List<Slot> freeTimes(long courseId, Session session) {
    return slots.upcoming(courseId).stream()
        .filter(s -> s.mentor().id().equals(session.person().id()) && s.placesLeft() > 0)
        .toList();
  }
}
