package nl.samenaanwezig.meetings;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.samenaanwezig.buddies.BuddyBook;
import nl.samenaanwezig.home.Frame;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.privacy.Actor;
import nl.samenaanwezig.privacy.AuditEvent.DataKind;
import nl.samenaanwezig.privacy.AuditEvent.Operation;
import nl.samenaanwezig.privacy.AuditLog;
import nl.samenaanwezig.web.BaseUrl;
import nl.samenaanwezig.web.Pages;

/**
 * One meeting as its mentor sees it: who takes part (and which buddies not, and why), the agenda,
 * booking or moving at any time (the guard time does not bind the mentor), the buddies' links, what
 * was sent, and after the talk the outcome, notes and agreements.
 */
@Path("/class/{courseId}/meetings/{meetingId: \\d+}")
@Produces(MediaType.TEXT_HTML)
public class MeetingResource {
  private static final Set<String> NOTICES =
      Set.of(
          "booking.booked",
          "booking.moved",
          "booking.released",
          "meeting.cancelled",
          "outcome.saved",
          "note.saved",
          "agreement.saved",
          "agreement.done",
          "link.revoked",
          "link.renewed");

  @Inject Sessions sessions;
  @Inject Memberships memberships;
  @Inject MeetingBook meetings;
  @Inject Slots slots;
  @Inject Bookings bookings;
  @Inject BuddyLinks links;
  @Inject Outcomes outcomes;
  @Inject Notifications notifications;
  @Inject BuddyBook buddies;
  @Inject AuditLog audit;
  @Inject BaseUrl baseUrl;
  @Inject Clock clock;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  /** A buddy as a participant (or not). */
  public record ParticipantLine(String name, String relationship, boolean allowed, String reason) {}

  /** One of the buddies' links. */
  public record LinkLine(
      long id,
      long buddyId,
      String buddy,
      String state,
      boolean active,
      String url,
      String opened) {}

  /** A note, with its visibility. */
  public record NoteLine(String body, boolean confidential, String by, String when) {}

  /** An agreement. */
  public record AgreementLine(long id, String body, String owner, String due, boolean done) {}

  @GET
  public String page(
      @PathParam("courseId") long courseId,
      @PathParam("meetingId") long meetingId,
      @QueryParam("notice") String notice,
      @QueryParam("refused") String refused) {
    Session session = sessions.require(request);
    Course course = mentorCourse(session, courseId);
    Meeting m = meetings.inCourse(courseId, meetingId).orElseThrow(NotFoundException::new);
    List<String> problems = new ArrayList<>();
    if (refused != null && refused.matches("[a-zA-Z.]{1,40}") && refused.startsWith("booking.")) {
      problems.add(Pages.text(session.locale(), refused));
    }
    return render(
        session, course, m, notice != null && NOTICES.contains(notice) ? notice : null, problems);
  }

  @POST
  @Path("book")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response book(
      @PathParam("courseId") long courseId,
      @PathParam("meetingId") long meetingId,
      MultivaluedMap<String, String> form) {
    Meeting m = mine(courseId, meetingId);
    Optional<Long> slot = Views.id(Views.text(form, "slot"));
    if (slot.isEmpty()) {
      return back(m, "refused=booking.noSlot");
    }
    Bookings.Result r = bookings.book(m.id(), slot.get(), Who.MENTOR);
    return back(m, (r.done() ? "notice=" : "refused=") + r.messageKey());
  }

  @POST
  @Path("release")
  public Response release(
      @PathParam("courseId") long courseId, @PathParam("meetingId") long meetingId) {
    Meeting m = mine(courseId, meetingId);
    Bookings.Result r = bookings.release(m.id(), Who.MENTOR);
    return back(m, (r.done() ? "notice=" : "refused=") + r.messageKey());
  }

  @POST
  @Path("cancel")
  public Response cancel(
      @PathParam("courseId") long courseId, @PathParam("meetingId") long meetingId) {
    Meeting m = mine(courseId, meetingId);
    Bookings.Result r = bookings.cancel(m.id());
    return back(m, (r.done() ? "notice=" : "refused=") + r.messageKey());
  }

  @POST
  @Path("outcome")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response outcome(
      @PathParam("courseId") long courseId,
      @PathParam("meetingId") long meetingId,
      MultivaluedMap<String, String> form) {
    Session session = sessions.require(request);
    Course course = mentorCourse(session, courseId);
    Meeting m = meetings.inCourse(courseId, meetingId).orElseThrow(NotFoundException::new);
    Locale l = session.locale();
    Optional<MeetingStatus> status =
        parseEnum(MeetingStatus.class, Views.text(form, "status")).filter(MeetingStatus::isOutcome);
    String next = Views.text(form, "nextEvaluation");
    Optional<LocalDate> nextDay = next.isEmpty() ? Optional.empty() : date(next);
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
      return Views.html(400, render(session, course, m, null, problems));
    }
    outcomes.record(m.id(), status.get(), session.person().id(), nextDay.orElse(null));
    return back(m, "notice=outcome.saved");
  }

  @POST
  @Path("notes")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response note(
      @PathParam("courseId") long courseId,
      @PathParam("meetingId") long meetingId,
      MultivaluedMap<String, String> form) {
    Session session = sessions.require(request);
    Course course = mentorCourse(session, courseId);
    Meeting m = meetings.inCourse(courseId, meetingId).orElseThrow(NotFoundException::new);
    String body = Views.text(form, "body");
    Optional<MeetingNote.Visibility> visibility =
        parseEnum(MeetingNote.Visibility.class, Views.text(form, "visibility"));
    List<String> problems = new ArrayList<>();
    if (body.isEmpty() || body.length() > MeetingNote.MAX_LENGTH) {
      problems.add(Pages.text(session.locale(), "note.problem.body", MeetingNote.MAX_LENGTH));
    }
    if (visibility.isEmpty()) {
      problems.add(Pages.text(session.locale(), "note.problem.visibility"));
    }
    if (!problems.isEmpty()) {
      return Views.html(400, render(session, course, m, null, problems));
    }
    outcomes.addNote(m.id(), visibility.get(), body, session.person().id());
    return back(m, "notice=note.saved#notes");
  }

  @POST
  @Path("agreements")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response agreement(
      @PathParam("courseId") long courseId,
      @PathParam("meetingId") long meetingId,
      MultivaluedMap<String, String> form) {
    Session session = sessions.require(request);
    Course course = mentorCourse(session, courseId);
    Meeting m = meetings.inCourse(courseId, meetingId).orElseThrow(NotFoundException::new);
    Locale l = session.locale();
    String body = Views.text(form, "body");
    Optional<Who> owner = parseEnum(Who.class, Views.text(form, "owner"));
    String due = Views.text(form, "due");
    Optional<LocalDate> dueDay = due.isEmpty() ? Optional.empty() : date(due);
    List<String> problems = new ArrayList<>();
    if (body.isEmpty() || body.length() > Agreement.MAX_LENGTH) {
      problems.add(Pages.text(l, "agreement.problem.body", Agreement.MAX_LENGTH));
    }
    if (owner.isEmpty()) {
      problems.add(Pages.text(l, "agreement.problem.owner"));
    }
    if (!due.isEmpty() && dueDay.isEmpty()) {
      problems.add(Pages.text(l, "agreement.problem.due"));
    }
    if (!problems.isEmpty()) {
      return Views.html(400, render(session, course, m, null, problems));
    }
    outcomes.addAgreement(m.id(), body, owner.get(), dueDay.orElse(null));
    return back(m, "notice=agreement.saved#agreements");
  }

  @POST
  @Path("agreements/{agreementId: \\d+}/done")
  public Response agreementDone(
      @PathParam("courseId") long courseId,
      @PathParam("meetingId") long meetingId,
      @PathParam("agreementId") long agreementId) {
    Meeting m = mine(courseId, meetingId);
    if (!outcomes.agreementDone(m.id(), agreementId)) {
      throw new NotFoundException();
    }
    return back(m, "notice=agreement.done#agreements");
  }

  @POST
  @Path("links/{linkId: \\d+}/revoke")
  public Response revoke(
      @PathParam("courseId") long courseId,
      @PathParam("meetingId") long meetingId,
      @PathParam("linkId") long linkId) {
    Meeting m = mine(courseId, meetingId);
    if (!links.revoke(m.id(), linkId)) {
      throw new NotFoundException();
    }
    return back(m, "notice=link.revoked#links");
  }

  @POST
  @Path("links/renew")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response renew(
      @PathParam("courseId") long courseId,
      @PathParam("meetingId") long meetingId,
      MultivaluedMap<String, String> form) {
    Meeting m = mine(courseId, meetingId);
    long buddyId = Views.id(Views.text(form, "buddy")).orElseThrow(NotFoundException::new);
    Participants p = participants(m);
    Optional<Long> renewed = links.renew(m.id(), buddyId, p.allowedBuddies(), baseUrl.of(request));
    if (renewed.isEmpty()) {
      throw new NotFoundException();
    }
    if (p.mailed().stream().anyMatch(r -> r.buddy().id() == buddyId)) {
      notifications.invitedBuddy(m.id(), buddyId);
    }
    return back(m, "notice=link.renewed#links");
  }

  private Participants participants(Meeting m) {
    return Participants.of(
        m,
        buddies.overview(m.student().id(), buddies.today()),
        buddies.overview(m.student().id(), m.day(buddies.today())));
  }

  private String render(
      Session session, Course course, Meeting m, String notice, List<String> problems) {
    Locale l = session.locale();
    Instant now = clock.instant();
    long mentorId = session.person().id();
    Participants p = participants(m);
    if (!p.buddies().isEmpty()) {
      audit.record(Actor.mentor(mentorId), m.student().id(), Operation.READ, DataKind.BUDDY, null);
    }
    List<ParticipantLine> buddyLines =
        p.buddies().stream()
            .map(
                r ->
                    new ParticipantLine(
                        r.buddy().details().name(),
                        nl.samenaanwezig.buddies.BuddyViews.relationship(r.buddy(), l),
                        r.allowed(),
                        r.decision().reason(l)))
            .toList();
    List<LinkLine> linkLines =
        links.of(m.id()).stream()
            .map(
                k -> {
                  BuddyLink.State state = k.stateAt(now);
                  boolean active = state == BuddyLink.State.ACTIVE;
                  return new LinkLine(
                      k.id(),
                      k.buddy().id(),
                      k.buddy().details().name(),
                      Pages.text(l, "link.state." + state.name(), Views.moment(k.expiresAt(), l)),
                      active,
                      active ? links.url(k) : null,
                      k.openedAt() == null ? null : Views.moment(k.openedAt(), l));
                })
            .toList();
    List<Views.SlotOption> choices =
        slots.upcoming(m.course().id()).stream()
            .filter(s -> s.mentor().id().equals(m.mentor().id()))
            .filter(s -> s.placesLeft() > 0)
            .filter(s -> m.slot().map(cur -> !cur.id().equals(s.id())).orElse(true))
            .map(s -> Views.option(s, l, now))
            .toList();
    List<NoteLine> notes =
        outcomes.notesForStaff(m, mentorId).stream()
            .map(
                n ->
                    new NoteLine(
                        n.body(),
                        n.confidential(),
                        n.author().displayName(),
                        Views.moment(n.createdAt(), l)))
            .toList();
    List<AgreementLine> agreements =
        outcomes.agreements(List.of(m.id())).stream().map(a -> agreementLine(a, l)).toList();
    Map<String, Object> vars = Frame.of(session, "/class/" + course.id() + "/meetings");
    vars.put("courseId", course.id());
    vars.put("courseTitle", course.displayTitle());
    vars.put("meeting", Views.line(m, l));
    vars.put("studentId", m.student().id());
    vars.put("mentor", m.mentor().displayName());
    vars.put("agenda", Views.agenda(m.kind(), l));
    vars.put("buddies", buddyLines);
    vars.put("links", linkLines);
    vars.put(
        "allowedBuddies",
        p.allowedBuddies().stream()
            .map(r -> Map.of("id", r.buddy().id(), "name", r.buddy().details().name()))
            .toList());
    vars.put("choices", choices);
    vars.put("bookable", m.status().isOpenForBooking());
    vars.put("planned", m.status() == MeetingStatus.PLANNED);
    vars.put("outcomeDue", m.outcomeDue(now));
    vars.put(
        "outcomes", List.of(MeetingStatus.HELD, MeetingStatus.NOT_HELD, MeetingStatus.NO_SHOW));
    vars.put("nextEvaluation", m.nextEvaluationOn().map(d -> Views.date(d, l)).orElse(null));
    vars.put(
        "answers",
        meetings.answers(m.id()).stream().map(a -> PlannerResource.answerText(a, l)).toList());
    vars.put("notes", notes);
    vars.put("agreements", agreements);
    vars.put("owners", Who.values());
    vars.put(
        "mails", meetings.mails(m.id()).stream().map(s -> PlannerResource.mailRow(s, l)).toList());
    vars.put("notice", notice);
    vars.put("problems", problems);
    vars.put("today", buddies.today().toString());
    return pages.render("meeting", l, vars);
  }

  static AgreementLine agreementLine(Agreement a, Locale l) {
    return new AgreementLine(
        a.id(),
        a.body(),
        Pages.text(l, "meeting.who." + a.owner().name()),
        a.dueOn().map(d -> Views.date(d, l)).orElse(null),
        a.isDone());
  }

  private Meeting mine(long courseId, long meetingId) {
    Session session = sessions.require(request);
    mentorCourse(session, courseId);
    return meetings.inCourse(courseId, meetingId).orElseThrow(NotFoundException::new);
  }

  private Response back(Meeting m, String query) {
    return Response.seeOther(
            URI.create("/class/" + m.course().id() + "/meetings/" + m.id() + "?" + query))
        .build();
  }

  private Course mentorCourse(Session session, long courseId) {
    return memberships
        .courseWhere(session.person(), courseId, Role.MENTOR)
        .orElseThrow(NotFoundException::new);
  }

  private static Optional<LocalDate> date(String value) {
    try {
      return Optional.of(LocalDate.parse(value));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static <E extends Enum<E>> Optional<E> parseEnum(Class<E> type, String value) {
    try {
      return Optional.of(Enum.valueOf(type, value));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
