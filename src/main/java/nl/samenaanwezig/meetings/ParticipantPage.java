package nl.samenaanwezig.meetings;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.samenaanwezig.web.Pages;

/**
 * What the student (Mijn gesprekken) and a buddy (the link page) see of a meeting: when and where,
 * the agenda, the times to choose or change while that is still possible, and after the talk the
 * shared notes and agreements. Never the confidential notes.
 */
final class ParticipantPage {
  static final Set<String> NOTICES =
      Set.of("booking.booked", "booking.moved", "booking.released", "answer.saved");
  static final Set<String> REFUSALS =
      Set.of(
          "booking.full",
          "booking.guarded",
          "booking.closed",
          "booking.notOffered",
          "booking.conflict",
          "booking.noSlot",
          "answer.problem");

  private final String who;
  private final Locale locale;
  private final MeetingBook meetings;
  private final Slots slots;
  private final Outcomes outcomes;
  private final Clock clock;

  /**
   * @param who {@code student} or {@code buddy}: whom the texts address (je or u)
   */
  ParticipantPage(
      String who,
      Locale locale,
      MeetingBook meetings,
      Slots slots,
      Outcomes outcomes,
      Clock clock) {
    this.who = who;
    this.locale = locale;
    this.meetings = meetings;
    this.slots = slots;
    this.outcomes = outcomes;
    this.clock = clock;
  }

  /** One meeting as a participant sees it. */
  public record Card(
      long id,
      String kind,
      String course,
      String mentor,
      String student,
      String status,
      String statusCode,
      String time,
      String place,
      List<String> agenda,
      List<Views.SlotOption> options,
      boolean canBook,
      boolean canChange,
      boolean guarded,
      List<String> sharedNotes,
      List<Views.AgreementLine> agreements,
      String nextEvaluation) {}

  Card card(Meeting m, List<MeetingNote> shared, List<Agreement> agreements) {
    Instant now = clock.instant();
    boolean planned = m.status() == MeetingStatus.PLANNED;
    boolean guarded = planned && m.slot().orElseThrow().guarded(now);
    boolean choosing = m.status() == MeetingStatus.OPEN || (planned && !guarded);
    return new Card(
        m.id(),
        Pages.text(locale, m.kind().key()),
        m.course().displayTitle(),
        m.mentor().displayName(),
        m.student().givenName() != null ? m.student().givenName() : m.student().displayName(),
        Pages.text(locale, "meeting.status." + m.status().name()),
        m.status().name(),
        m.slot()
            .filter(s -> m.status() != MeetingStatus.OPEN)
            .map(s -> s.time().label(locale))
            .orElse(null),
        m.slot()
            .filter(s -> m.status() != MeetingStatus.OPEN)
            .map(s -> Views.place(s, locale))
            .orElse(null),
        Views.agenda(m.kind(), locale),
        choosing
            ? slots.offeredFor(m).stream()
                .filter(s -> m.slot().map(cur -> !cur.id().equals(s.id())).orElse(true))
                .map(s -> Views.option(s, locale, now))
                .toList()
            : List.of(),
        m.status() == MeetingStatus.OPEN,
        planned && !guarded,
        guarded,
        shared.stream()
            .filter(n -> n.meeting().id().equals(m.id()))
            .map(MeetingNote::body)
            .toList(),
        agreements.stream()
            .filter(a -> a.meeting().id().equals(m.id()))
            .map(a -> Views.agreementLine(a, locale))
            .toList(),
        m.nextEvaluationOn().map(d -> Views.date(d, locale)).orElse(null));
  }

  /** The variables of the student's page. */
  Map<String, Object> forStudent(long studentId, String notice, String refused) {
    List<Meeting> mine = meetings.ofStudent(studentId, null);
    List<Long> ids = mine.stream().map(Meeting::id).toList();
    List<MeetingNote> shared = outcomes.sharedNotes(ids);
    List<Agreement> agreements = outcomes.agreements(ids);
    List<Card> cards = mine.stream().map(m -> card(m, shared, agreements)).toList();
    Map<String, Object> vars = new HashMap<>(messages(notice, refused));
    vars.put(
        "current",
        cards.stream()
            .filter(c -> c.statusCode().equals("OPEN") || c.statusCode().equals("PLANNED"))
            .toList());
    vars.put(
        "past",
        cards.stream()
            .filter(c -> !c.statusCode().equals("OPEN") && !c.statusCode().equals("PLANNED"))
            .toList());
    vars.put("grid", Views.grid());
    return vars;
  }

  Map<String, Object> messages(String notice, String refused) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("who", who);
    String noticeKey = "answer.saved".equals(notice) ? notice + "." + who : notice;
    vars.put(
        "notice",
        notice != null && NOTICES.contains(notice) ? Pages.text(locale, noticeKey) : null);
    vars.put(
        "refused",
        refused != null && REFUSALS.contains(refused) ? Pages.text(locale, refused) : null);
    return vars;
  }
}
