package nl.samenaanwezig.meetings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import nl.samenaanwezig.buddies.Buddy;

/** One line of the mail log: what was sent (or could not be) to whom, about which meeting. */
@Entity
@Table(name = "meeting_mail")
public class SentMail {

  /** Which mail. */
  public enum Kind {
    INVITATION,
    CONFIRMATION,
    UPDATE,
    REMINDER,
    CANCELLATION
  }

  /** What happened to it. */
  public enum Status {
    SENT,
    FAILED,
    /** No mail server configured: nothing left the tool. */
    NOT_CONFIGURED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "meeting_id")
  private Meeting meeting;

  @Column(name = "course_id")
  private Long courseId;

  @Enumerated(EnumType.STRING)
  private Kind kind;

  @Enumerated(EnumType.STRING)
  @Column(name = "recipient_role")
  private Who recipientRole;

  @ManyToOne
  @JoinColumn(name = "buddy_id")
  private Buddy buddy;

  @Column(name = "recipient_name")
  private String recipientName;

  private String address;

  private String subject;

  @Enumerated(EnumType.STRING)
  private Status status;

  private String detail;

  @Column(name = "ics_sequence")
  private Integer icsSequence;

  @Column(name = "sent_at")
  private Instant sentAt;

  protected SentMail() {}

  SentMail(
      Meeting meeting,
      Kind kind,
      Who role,
      Buddy buddy,
      String name,
      String address,
      String subject,
      Integer icsSequence,
      Status status,
      String detail,
      Instant at) {
    this.meeting = meeting;
    this.courseId = meeting.course().id();
    this.kind = kind;
    this.recipientRole = role;
    this.buddy = buddy;
    this.recipientName = name;
    this.address = address;
    this.subject = subject.length() > 300 ? subject.substring(0, 300) : subject;
    this.icsSequence = icsSequence;
    this.status = status;
    this.detail = detail == null || detail.length() <= 300 ? detail : detail.substring(0, 300);
    this.sentAt = at;
  }

  public Long id() {
    return id;
  }

  public Meeting meeting() {
    return meeting;
  }

  public Kind kind() {
    return kind;
  }

  public Who recipientRole() {
    return recipientRole;
  }

  public Optional<Buddy> buddy() {
    return Optional.ofNullable(buddy);
  }

  public String recipientName() {
    return recipientName;
  }

  public String address() {
    return address;
  }

  public String subject() {
    return subject;
  }

  public Status status() {
    return status;
  }

  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  public Instant sentAt() {
    return sentAt;
  }
}
