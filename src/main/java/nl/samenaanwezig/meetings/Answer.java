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
import java.util.Objects;
import java.util.Optional;
import nl.samenaanwezig.buddies.Availability;
import nl.samenaanwezig.buddies.Buddy;

/**
 * "None of these times fit": when the student or a buddy can instead, as weekday parts, with a
 * short note. The latest answer of each party counts; no reply is not a lack of interest.
 */
@Entity
@Table(name = "meeting_answer")
public class Answer {
  public static final int MAX_NOTE = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "meeting_id")
  private Meeting meeting;

  @Enumerated(EnumType.STRING)
  @Column(name = "answered_by")
  private Who answeredBy;

  @ManyToOne
  @JoinColumn(name = "buddy_id")
  private Buddy buddy;

  private String availability;

  private String note;

  @Column(name = "created_at")
  private Instant createdAt;

  protected Answer() {}

  public Answer(
      Meeting meeting, Who who, Buddy buddy, Availability availability, String note, Instant now) {
    this.meeting = Objects.requireNonNull(meeting);
    this.answeredBy = Objects.requireNonNull(who);
    if ((who == Who.BUDDY) != (buddy != null)) {
      throw new IllegalArgumentException("a buddy's answer names the buddy, no one else's does");
    }
    this.buddy = buddy;
    this.availability = availability.encode();
    this.note = note == null || note.isBlank() ? null : note.strip();
    this.createdAt = now;
  }

  public Long id() {
    return id;
  }

  public Meeting meeting() {
    return meeting;
  }

  public Who answeredBy() {
    return answeredBy;
  }

  public Optional<Buddy> buddy() {
    return Optional.ofNullable(buddy);
  }

  public Availability availability() {
    return Availability.decode(availability);
  }

  public Optional<String> note() {
    return Optional.ofNullable(note);
  }

  public Instant createdAt() {
    return createdAt;
  }
}
