package nl.samenaanwezig.privacy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
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

  /**
   * Adds the same event about each of these students inside the caller's transaction, as one JDBC
   * batch: the class page audits a line per student with buddies on every view.
   */
  public void recordEach(
      EntityManager em,
      Actor actor,
      Collection<Long> studentIds,
      AuditEvent.Operation operation,
      AuditEvent.DataKind kind,
      Long objectId) {
    Objects.requireNonNull(operation, "an audit event names its operation");
    Objects.requireNonNull(kind, "an audit event names the kind of data");
    if (studentIds.isEmpty()) {
      return;
    }
    Timestamp at = Timestamp.from(clock.instant());
    try (PreparedStatement insert =
        em.unwrap(Connection.class)
            .prepareStatement(
                "INSERT INTO audit_event (occurred_at, actor_id, actor_role, student_id,"
                    + " operation, data_kind, object_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (long studentId : studentIds) {
        insert.setTimestamp(1, at);
        insert.setObject(2, actor.personId(), Types.BIGINT);
        insert.setString(3, actor.role().name());
        insert.setLong(4, studentId);
        insert.setString(5, operation.name());
        insert.setString(6, kind.name());
        insert.setObject(7, objectId, Types.BIGINT);
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new PersistenceException("audit events not written", e);
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
