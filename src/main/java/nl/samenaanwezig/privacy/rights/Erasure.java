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
 * Erases one student (AVG art. 17): their buddies, consents, contact log and date of birth are
 * deleted, their sessions ended and memberships closed, and the person is anonymised (names and
 * e-mail gone, the platform's user id replaced). The audit log stays, with the same, now anonymous,
 * ids; attendance marks stay as records of an anonymous person.
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
          for (String sql :
              new String[] {
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
