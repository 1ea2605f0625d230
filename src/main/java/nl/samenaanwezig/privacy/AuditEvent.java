package nl.samenaanwezig.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit log: who read or changed which kind of data about which student, when.
 * Written once, never changed; person ids are plain numbers (no foreign key), so the log survives
 * the anonymisation of the people it names.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

  /** What was done. */
  public enum Operation {
    READ,
    CREATE,
    UPDATE,
    DELETE,
    /** Sent to someone outside the school (a mail to a buddy). */
    SEND
  }

  /** Which data it was done to. */
  public enum DataKind {
    /** The student's date of birth. */
    PROFILE,
    BUDDY,
    /**
     * How many buddies a student has and whether contact is allowed, as the class page shows it
     * (object id: the course).
     */
    BUDDY_SUMMARY,
    CONSENT,
    CONTACT,
    /** A note of a MOL-gesprek (shared with the student or confidential to staff). */
    MEETING_NOTE,
    /** Everything about the student, exported. */
    EXPORT,
    /**
     * A mail about a talk to one of the student's buddies, sent by the tool itself (object id: the
     * buddy); the mail log has its subject and whether it arrived at the mail server.
     */
    BUDDY_MAIL,
    /** The student as a whole (anonymisation). */
    STUDENT
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at")
  private Instant occurredAt;

  @Column(name = "actor_id")
  private Long actorId;

  @Enumerated(EnumType.STRING)
  @Column(name = "actor_role")
  private Actor.Role actorRole;

  @Column(name = "student_id")
  private Long studentId;

  @Enumerated(EnumType.STRING)
  private Operation operation;

  @Enumerated(EnumType.STRING)
  @Column(name = "data_kind")
  private DataKind dataKind;

  @Column(name = "object_id")
  private Long objectId;

  protected AuditEvent() {}

  AuditEvent(
      Instant at,
      Actor actor,
      long studentId,
      Operation operation,
      DataKind dataKind,
      Long objectId) {
    this.occurredAt = Objects.requireNonNull(at);
    this.actorId = actor.personId();
    this.actorRole = actor.role();
    this.studentId = studentId;
    this.operation = Objects.requireNonNull(operation);
    this.dataKind = Objects.requireNonNull(dataKind);
    this.objectId = objectId;
  }

  public Long id() {
    return id;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public Long actorId() {
    return actorId;
  }

  public Actor.Role actorRole() {
    return actorRole;
  }

  public long studentId() {
    return studentId;
  }

  public Operation operation() {
    return operation;
  }

  public DataKind dataKind() {
    return dataKind;
  }

  public Long objectId() {
    return objectId;
  }
}
