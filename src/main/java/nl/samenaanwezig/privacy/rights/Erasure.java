package nl.samenaanwezig.privacy.rights;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.privacy.Actor;
import nl.samenaanwezig.privacy.AuditEvent;
import nl.samenaanwezig.privacy.AuditLog;

/**
 * Erases one student (AVG art. 17): their buddies, consents, contact log, date of birth, legal
 * duty, acknowledged protocol signals and MOL-gesprekken (with notes, agreements, answers, buddy
 * links and the mail log; booked places go back to their slots) are deleted, their sessions ended
 * and memberships closed, and the person is anonymised (names and e-mail gone, the platform's user
 * id replaced). The audit log stays, with the same, now anonymous, ids; attendance marks (with
 * their history and day figures) stay as records of an anonymous person. See privacy.md.
 */
public final class Erasure {

  /** Why a student was erased. */
  public enum Reason {
    /** On request (administrator). */
    REQUEST,
    /** By the retention job. */
    RETENTION
  }

  private final Database db;
  private final AuditLog audit;
  private final Clock clock;

  public Erasure(Database db, AuditLog audit, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
  }

  /** True when erased now; false when the student was erased before. */
  public boolean erase(long studentId, Actor actor, Reason reason) {
    Instant now = clock.instant();
    return db.tx(
        em -> {
          Number done =
              (Number)
                  em.createNativeQuery("SELECT COUNT(*) FROM erased_person WHERE person_id = ?")
                      .setParameter(1, studentId)
                      .getSingleResult();
          if (done.longValue() > 0) {
            return false;
          }
          String buddies = "(SELECT id FROM buddy WHERE student_id = ?)";
          String meetings = "(SELECT id FROM meeting WHERE student_id = ?)";
          // A meeting in a slot holds one of its places (planned or after the talk); give it back.
          em.createNativeQuery(
                  "UPDATE meeting_slot SET booked = booked - (SELECT COUNT(*) FROM meeting m"
                      + " WHERE m.slot_id = meeting_slot.id AND m.student_id = ?"
                      + " AND m.status IN ('PLANNED', 'HELD', 'NOT_HELD', 'NO_SHOW'))"
                      + " WHERE id IN (SELECT slot_id FROM meeting WHERE student_id = ?"
                      + " AND status IN ('PLANNED', 'HELD', 'NOT_HELD', 'NO_SHOW'))")
              .setParameter(1, studentId)
              .setParameter(2, studentId)
              .executeUpdate();
          for (String sql :
              new String[] {
                "DELETE FROM meeting_mail WHERE meeting_id IN " + meetings,
                "DELETE FROM meeting_mail WHERE buddy_id IN " + buddies,
                "DELETE FROM meeting_link WHERE meeting_id IN " + meetings,
                "DELETE FROM meeting_link WHERE buddy_id IN " + buddies,
                "DELETE FROM meeting_answer WHERE meeting_id IN " + meetings,
                "DELETE FROM meeting_answer WHERE buddy_id IN " + buddies,
                "DELETE FROM meeting_note WHERE meeting_id IN " + meetings,
                "DELETE FROM meeting_agreement WHERE meeting_id IN " + meetings,
                "DELETE FROM meeting WHERE student_id = ?",
                "DELETE FROM signal_ack WHERE person_id = ?",
                "DELETE FROM signal_snapshot WHERE person_id = ?",
                "DELETE FROM protocol_student WHERE person_id = ?",
                "DELETE FROM contact WHERE student_id = ?",
                "DELETE FROM contact WHERE buddy_id IN " + buddies,
                "DELETE FROM consent WHERE buddy_id IN " + buddies,
                "DELETE FROM buddy WHERE student_id = ?",
                "DELETE FROM student_profile WHERE person_id = ?",
                "DELETE FROM user_session WHERE person_id = ?",
                "DELETE FROM retention_watch WHERE person_id = ?",
                "UPDATE member SET active = FALSE WHERE person_id = ?"
              }) {
            em.createNativeQuery(sql).setParameter(1, studentId).executeUpdate();
          }
          em.createNativeQuery(
                  "UPDATE person SET name = NULL, given_name = NULL, family_name = NULL,"
                      + " email = NULL, locale = NULL, subject = ? WHERE id = ?")
              .setParameter(1, "erased:" + UUID.randomUUID())
              .setParameter(2, studentId)
              .executeUpdate();
          em.createNativeQuery(
                  "INSERT INTO erased_person (person_id, erased_at, reason) VALUES (?, ?, ?)")
              .setParameter(1, studentId)
              .setParameter(2, Timestamp.from(now))
              .setParameter(3, reason.name())
              .executeUpdate();
          audit.record(
              em,
              actor,
              studentId,
              AuditEvent.Operation.DELETE,
              AuditEvent.DataKind.STUDENT,
              studentId);
          return true;
        });
  }

  /** True when the student was erased before. */
  public boolean erased(long studentId) {
    return db.read(
        em ->
            ((Number)
                        em.createNativeQuery(
                                "SELECT COUNT(*) FROM erased_person WHERE person_id = ?")
                            .setParameter(1, studentId)
                            .getSingleResult())
                    .longValue()
                > 0);
  }
}
