package nl.samenaanwezig.meetings;

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
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.samenaanwezig.buddies.BuddyBook;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.privacy.AuditLog;
import nl.samenaanwezig.web.Pages;

/**
 * After the talk, on the meeting's page: the mentor records held / not held / no-show and the next
 * evaluation, writes notes (shared with the student or confidential to staff) and agreements with
 * owner and date. Bad input shows the page again with what to fix, and stores nothing.
 */
@Path("/class/{courseId}/meetings/{meetingId: \\d+}")
@Produces(MediaType.TEXT_HTML)
public class AfterTalkResource {
  @Inject Sessions sessions;
  @Inject Memberships memberships;
  @Inject MeetingBook meetings;
  @Inject Slots slots;
  @Inject BuddyLinks links;
  @Inject Outcomes outcomes;
  @Inject BuddyBook buddies;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  @POST
  @Path("outcome")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response outcome(
      @PathParam("courseId") long courseId,
      @PathParam("meetingId") long meetingId,
      MultivaluedMap<String, String> form) {
    Talk talk = talk(courseId, meetingId);
    Session session = talk.session();
    Course course = talk.course();
    Meeting m = talk.meeting();
    Locale l = session.locale();
    Optional<MeetingStatus> status =
        Views.parseEnum(MeetingStatus.class, Views.text(form, "status"))
            .filter(MeetingStatus::isOutcome);
    String next = Views.text(form, "nextEvaluation");
    Optional<LocalDate> nextDay = next.isEmpty() ? Optional.empty() : Views.day(next);
    List<String> problems = new ArrayList<>();
    if (status.isEmpty()) {
      problems.add(Pages.text(l, "outcome.problem.status"));
    }
    if (!next.isEmpty() && (nextDay.isEmpty() || nextDay.get().isBefore(buddies.today()))) {
      problems.add(Pages.text(l, "outcome.problem.next"));
    }
    if (!m.outcomeDue(clock.instant())) {
      problems.add(Pages.text(l, "outcome.problem.notYet"));
    }
    if (!problems.isEmpty()) {
      return Views.html(400, page().render(session, course, m, null, problems));
    }
    outcomes.record(m.id(), status.get(), session.person().id(), nextDay.orElse(null));
    return MeetingResource.back(m, "notice=outcome.saved");
  }

  @POST
  @Path("notes")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response note(
      @PathParam("courseId") long courseId,
      @PathParam("meetingId") long meetingId,
      MultivaluedMap<String, String> form) {
    Talk talk = talk(courseId, meetingId);
    Session session = talk.session();
    Course course = talk.course();
    Meeting m = talk.meeting();
    String body = Views.text(form, "body");
    Optional<MeetingNote.Visibility> visibility =
        Views.parseEnum(MeetingNote.Visibility.class, Views.text(form, "visibility"));
    List<String> problems = new ArrayList<>();
    if (body.isEmpty() || body.length() > MeetingNote.MAX_LENGTH) {
      problems.add(Pages.text(session.locale(), "note.problem.body", MeetingNote.MAX_LENGTH));
    }
    if (visibility.isEmpty()) {
      problems.add(Pages.text(session.locale(), "note.problem.visibility"));
    }
    if (!problems.isEmpty()) {
      return Views.html(400, page().render(session, course, m, null, problems));
    }
    outcomes.addNote(m.id(), visibility.get(), body, session.person().id());
    return MeetingResource.back(m, "notice=note.saved#notes");
  }

  @POST
  @Path("agreements")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response agreement(
      @PathParam("courseId") long courseId,
      @PathParam("meetingId") long meetingId,
      MultivaluedMap<String, String> form) {
    Talk talk = talk(courseId, meetingId);
    Session session = talk.session();
    Course course = talk.course();
    Meeting m = talk.meeting();
    Locale l = session.locale();
    String body = Views.text(form, "body");
    Optional<Who> owner = Views.parseEnum(Who.class, Views.text(form, "owner"));
    String due = Views.text(form, "due");
    Optional<LocalDate> dueDay = due.isEmpty() ? Optional.empty() : Views.day(due);
    List<String> problems = new ArrayList<>();
    if (body.isEmpty() || body.length() > Agreement.MAX_LENGTH) {
      problems.add(Pages.text(l, "agreement.problem.body", Agreement.MAX_LENGTH));
    }
    if (owner.isEmpty()) {
      problems.add(Pages.text(l, "agreement.problem.owner"));
    }
    if (!due.isEmpty() && dueDay.isEmpty()) {
      problems.add(Pages.text(l, "agreement.problem.due"));
    } else if (dueDay.isPresent() && dueDay.get().isBefore(buddies.today())) {
      problems.add(Pages.text(l, "agreement.problem.past"));
    }
    if (!problems.isEmpty()) {
      return Views.html(400, page().render(session, course, m, null, problems));
    }
    outcomes.addAgreement(m.id(), body, owner.get(), dueDay.orElse(null));
    return MeetingResource.back(m, "notice=agreement.saved#agreements");
  }

  @POST
  @Path("agreements/{agreementId: \\d+}/done")
  public Response agreementDone(
      @PathParam("courseId") long courseId,
      @PathParam("meetingId") long meetingId,
      @PathParam("agreementId") long agreementId) {
    Meeting m = talk(courseId, meetingId).meeting();
    if (!outcomes.agreementDone(m.id(), agreementId)) {
      throw new NotFoundException();
    }
    return MeetingResource.back(m, "notice=agreement.done#agreements");
  }

  /** The signed-in mentor's talk in one of their courses; anything else is a 404. */
  private record Talk(Session session, Course course, Meeting meeting) {}

  private Talk talk(long courseId, long meetingId) {
    Session session = sessions.require(request);
    Course course = Views.mentorCourse(memberships, session, courseId);
    Meeting m = meetings.inCourse(courseId, meetingId).orElseThrow(NotFoundException::new);
    return new Talk(session, course, m);
  }

  private MeetingPage page() {
    return new MeetingPage(meetings, slots, links, outcomes, buddies, audit, clock, pages);
  }
}
