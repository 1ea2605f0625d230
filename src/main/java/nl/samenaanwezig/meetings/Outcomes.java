package nl.samenaanwezig.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.lti.ags.MeetingGrades;
import nl.samenaanwezig.privacy.Actor;
import nl.samenaanwezig.privacy.AuditEvent.DataKind;
import nl.samenaanwezig.privacy.AuditEvent.Operation;
import nl.samenaanwezig.privacy.AuditLog;

/**
 * After the talk: held, not held or no-show (a held talk goes to the gradebook where the
 * institution wants that, in the background); notes shared with the student or confidential to
 * staff, with every staff read and write of a note in the audit log; agreements with owner and
 * date.
 */
public final class Outcomes {
  private static final Logger LOG = Logger.getLogger(Outcomes.class.getName());

  private final Database db;
  private final AuditLog audit;
  private final MeetingGrades grades;
  private final Executor background;
  private final Clock clock;

  public Outcomes(
      Database db, AuditLog audit, MeetingGrades grades, Executor background, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.grades = grades;
    this.background = background;
    this.clock = clock;
  }

  /** The mentor records how it went; false when the meeting has no outcome to record yet. */
  public boolean record(
      long meetingId, MeetingStatus outcome, long mentorId, LocalDate nextEvaluation) {
    Instant now = clock.instant();
    Meeting[] held = new Meeting[1];
    boolean recorded =
        db.tx(
            em -> {
              Meeting m = em.find(Meeting.class, meetingId);
              if (m == null || !m.outcomeDue(now)) {
                return false;
              }
              if (m.recordOutcome(outcome, em.find(Person.class, mentorId), nextEvaluation, now)) {
                held[0] = m;
              }
              return true;
            });
    if (held[0] != null) {
      long courseId = held[0].course().id();
      long studentId = held[0].student().id();
      background.execute(
          () -> {
            MeetingGrades.Outcome sent = grades.recordHeld(courseId, studentId);
            LOG.log(Level.FINE, "held meeting " + meetingId + " to the gradebook: " + sent.kind());
          });
    }
    return recorded;
  }

  public void addNote(
      long meetingId, MeetingNote.Visibility visibility, String body, long mentorId) {
    Instant now = clock.instant();
    db.run(
        em -> {
          Meeting m = em.find(Meeting.class, meetingId);
          MeetingNote note =
              new MeetingNote(m, visibility, body, em.find(Person.class, mentorId), now);
          em.persist(note);
          em.flush();
          audit.record(
              em,
              Actor.mentor(mentorId),
              m.student().id(),
              Operation.CREATE,
              DataKind.MEETING_NOTE,
              note.id());
        });
  }

  /**
   * The notes of a meeting as a mentor reads them; every note read by staff, shared or
   * confidential, is audited as {@link DataKind#MEETING_NOTE} with the note's id.
   */
  public List<MeetingNote> notesForStaff(Meeting meeting, long readerId) {
    List<MeetingNote> notes = notes(List.of(meeting.id()), false);
    for (MeetingNote n : notes) {
      audit.record(
          Actor.mentor(readerId),
          meeting.student().id(),
          Operation.READ,
          DataKind.MEETING_NOTE,
          n.id());
    }
    return notes;
  }

  /** The notes the student sees: the shared ones of these meetings. */
  public List<MeetingNote> sharedNotes(List<Long> meetingIds) {
    return notes(meetingIds, true);
  }

  private List<MeetingNote> notes(List<Long> meetingIds, boolean sharedOnly) {
    if (meetingIds.isEmpty()) {
      return List.of();
    }
    return db.read(
        em -> {
          var query =
              em.createQuery(
                      "select n from MeetingNote n where n.meeting.id in :ids"
                          + (sharedOnly ? " and n.visibility = :shared" : "")
                          + " order by n.createdAt, n.id",
                      MeetingNote.class)
                  .setParameter("ids", meetingIds);
          if (sharedOnly) {
            query.setParameter("shared", MeetingNote.Visibility.SHARED);
          }
          return query.getResultList();
        });
  }

  public void addAgreement(long meetingId, String body, Who owner, LocalDate dueOn) {
    Instant now = clock.instant();
    db.run(
        em ->
            em.persist(new Agreement(em.find(Meeting.class, meetingId), body, owner, dueOn, now)));
  }

  /** Marks an agreement of this meeting done; false when it is not one of its agreements. */
  public boolean agreementDone(long meetingId, long agreementId) {
    Instant now = clock.instant();
    return db.tx(
        em -> {
          Agreement a = em.find(Agreement.class, agreementId);
          if (a == null || !a.meeting().id().equals(meetingId)) {
            return false;
          }
          a.done(now);
          return true;
        });
  }

  /** The agreements of these meetings, by due date. */
  public List<Agreement> agreements(List<Long> meetingIds) {
    if (meetingIds.isEmpty()) {
      return List.of();
    }
    return db.read(
        em ->
            em.createQuery(
                    "select a from Agreement a where a.meeting.id in :ids"
                        + " order by a.createdAt, a.id",
                    Agreement.class)
                .setParameter("ids", meetingIds)
                .getResultList());
  }
}
