package nl.samenaanwezig.meetings;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.samenaanwezig.buddies.BuddyBook;
import nl.samenaanwezig.buddies.BuddyViews;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.privacy.Actor;
import nl.samenaanwezig.privacy.AuditEvent.DataKind;
import nl.samenaanwezig.privacy.AuditEvent.Operation;
import nl.samenaanwezig.privacy.AuditLog;
import nl.samenaanwezig.web.Pages;

/**
 * One meeting's page as its mentor sees it: who takes part (and which buddies not, and why), the
 * agenda, the times to book or move to, the buddies' links, the answers, notes, agreements and the
 * mail log. Reading the buddies and the confidential notes is audited.
 */
final class MeetingPage {
  private final MeetingBook meetings;
  private final Slots slots;
  private final BuddyLinks links;
  private final Outcomes outcomes;
  private final BuddyBook buddies;
  private final AuditLog audit;
  private final Clock clock;
  private final Pages pages;

  MeetingPage(
      MeetingBook meetings,
      Slots slots,
      BuddyLinks links,
      Outcomes outcomes,
      BuddyBook buddies,
      AuditLog audit,
      Clock clock,
      Pages pages) {
    this.meetings = meetings;
    this.slots = slots;
    this.links = links;
    this.outcomes = outcomes;
    this.buddies = buddies;
    this.audit = audit;
    this.clock = clock;
    this.pages = pages;
  }

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

  Participants participants(Meeting m) {
    return Participants.of(
        m,
        buddies.overview(m.student().id(), buddies.today()),
        buddies.overview(m.student().id(), m.day(buddies.today())));
  }

  String render(Session session, Course course, Meeting m, String notice, List<String> problems) {
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
                        BuddyViews.relationship(r.buddy(), l),
                        r.allowed(),
                        r.decision().reason(l)))
            .toList();
    List<LinkLine> linkLines = links.of(m.id()).stream().map(k -> linkLine(k, l, now)).toList();
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
    Map<String, Object> vars = Frame.of(session, "/class/" + course.id() + "/meetings");
    vars.put("courseId", course.id());
    vars.put("courseTitle", course.displayTitle());
    vars.put("meeting", Views.line(m, l));
    vars.put("studentId", m.student().id());
    vars.put("meetingId", m.id());
    vars.put("studentName", m.student().displayName());
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
    List<Answer> answers = meetings.answers(m.id());
    vars.put("answers", answers.stream().map(a -> Views.answerText(a, l)).toList());
    vars.put(
        "proposals",
        m.status().isOpenForBooking()
            ? Proposals.forMeeting(m, p, answers, slots.offeredFor(m)).stream()
                .map(s -> Views.option(s, l, now))
                .toList()
            : List.of());
    vars.put("notes", notes);
    vars.put(
        "agreements",
        outcomes.agreements(List.of(m.id())).stream().map(a -> Views.agreementLine(a, l)).toList());
    vars.put("owners", Who.values());
    vars.put("mails", meetings.mails(m.id()).stream().map(s -> Views.mailRow(s, l)).toList());
    vars.put("notice", notice);
    vars.put("problems", problems);
    vars.put("today", buddies.today().toString());
    return pages.render("meeting", l, vars);
  }

  private LinkLine linkLine(BuddyLink k, Locale l, Instant now) {
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
  }
}
