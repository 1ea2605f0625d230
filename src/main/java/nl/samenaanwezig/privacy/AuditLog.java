package nl.samenaanwezig.privacy;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import nl.samenaanwezig.db.Database;

/**
 * The append-only audit log (AVG art. 5(2), accountability). It can only add events and read them:
 * there is deliberately no way to change or remove one.
 */
public final class AuditLog {
  private final Database db;
  private final Clock clock;

  public AuditLog(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Adds an event inside the caller's transaction, so a change and its audit line go together. */
  public void record(
      EntityManager em,
      Actor actor,
      long studentId,
      AuditEvent.Operation operation,
      AuditEvent.DataKind kind,
      Long objectId) {
    em.persist(new AuditEvent(clock.instant(), actor, studentId, operation, kind, objectId));
  }

  /** Adds the same event about each of these students inside the caller's transaction. */
  public void recordEach(
      EntityManager em,
      Actor actor,
      Collection<Long> studentIds,
      AuditEvent.Operation operation,
      AuditEvent.DataKind kind,
      Long objectId) {
    for (long studentId : studentIds) {
      record(em, actor, studentId, operation, kind, objectId);
    }
  }

  /** Adds an event in a transaction of its own (for reads). */
  public void record(
      Actor actor,
      long studentId,
      AuditEvent.Operation operation,
      AuditEvent.DataKind kind,
      Long objectId) {
    db.run(em -> record(em, actor, studentId, operation, kind, objectId));
  }

  /** Every event about a student, oldest first. */
  public List<AuditEvent> about(long studentId) {
    return db.read(
        em ->
            em.createQuery(
                    "select e from AuditEvent e where e.studentId = :s order by e.occurredAt, e.id",
                    AuditEvent.class)
                .setParameter("s", studentId)
                .getResultList());
  }
}
