package nl.samenaanwezig.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.web.Pages;

/**
 * What "Mijn pagina" shows of a student's own MOL-gesprekken: the next planned talk (or that an
 * invitation waits for a time) and the agreements not yet done. Only shared things: agreements are
 * shared with the student, confidential notes never appear here.
 */
public final class MyTalks {
  private final Database db;
  private final Clock clock;

  public MyTalks(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The next talk in words. */
  public record Next(String kind, String day, String time, String place) {}

  /**
   * @param next the next planned talk, or null
   * @param invited true when an invitation waits for the student to choose a time
   */
  public record Summary(Next next, boolean invited, List<Views.AgreementLine> agreements) {
    public boolean isEmpty() {
      return next == null && !invited && agreements.isEmpty();
    }
  }

  public Summary of(long studentId, Locale l) {
    Instant now = clock.instant();
    Optional<Meeting> next =
        db.read(
            em ->
                em
                    .createQuery(
                        "select m from Meeting m where m.student.id = :s and m.status = :planned"
                            + " and m.slot.endsAt > :now order by m.slot.startsAt, m.id",
                        Meeting.class)
                    .setParameter("s", studentId)
                    .setParameter("planned", MeetingStatus.PLANNED)
                    .setParameter("now", now)
                    .setMaxResults(1)
                    .getResultList()
                    .stream()
                    .findFirst());
    long invited =
        db.read(
            em ->
                em.createQuery(
                        "select count(m) from Meeting m where m.student.id = :s"
                            + " and m.status = :open",
                        Long.class)
                    .setParameter("s", studentId)
                    .setParameter("open", MeetingStatus.OPEN)
                    .getSingleResult());
    List<Agreement> open =
        db.read(
            em ->
                em.createQuery(
                        "select a from Agreement a where a.meeting.student.id = :s"
                            + " and a.doneAt is null order by a.createdAt, a.id",
                        Agreement.class)
                    .setParameter("s", studentId)
                    .getResultList());
    return new Summary(
        next.map(m -> next(m, l)).orElse(null),
        invited > 0,
        open.stream().map(a -> Views.agreementLine(a, l)).toList());
  }

  private static Next next(Meeting m, Locale l) {
    Slot s = m.slot().orElseThrow();
    return new Next(
        Pages.text(l, m.kind().key()),
        DateTimeFormatter.ofPattern("EEEE d MMMM", l).format(s.time().start()),
        s.time().hour(),
        Pages.text(l, s.locationKind().key()));
  }
}
