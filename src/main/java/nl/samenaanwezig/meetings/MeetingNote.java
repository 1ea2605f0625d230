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
import nl.samenaanwezig.lti.Person;

/**
 * A note after the talk: shared with the student (they see it on their page), or confidential to
 * the student's mentors, every read of which is audited.
 */
@Entity
@Table(name = "meeting_note")
public class MeetingNote {
  public static final int MAX_LENGTH = 2000;

  /** Who may read the note. */
  public enum Visibility {
    SHARED,
    CONFIDENTIAL
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "meeting_id")
  private Meeting meeting;

  @Enumerated(EnumType.STRING)
  private Visibility visibility;

  private String body;

  @ManyToOne(optional = false)
  @JoinColumn(name = "author_id")
  private Person author;

  @Column(name = "created_at")
  private Instant createdAt;

  protected MeetingNote() {}

  public MeetingNote(
      Meeting meeting, Visibility visibility, String body, Person author, Instant now) {
    this.meeting = Objects.requireNonNull(meeting);
    this.visibility = Objects.requireNonNull(visibility);
    if (body == null || body.isBlank() || body.strip().length() > MAX_LENGTH) {
      throw new IllegalArgumentException("a note has 1 to " + MAX_LENGTH + " characters");
    }
    this.body = body.strip();
    this.author = Objects.requireNonNull(author);
    this.createdAt = now;
  }

  public Long id() {
    return id;
  }

  public Meeting meeting() {
    return meeting;
  }

  public Visibility visibility() {
    return visibility;
  }

  public boolean confidential() {
    return visibility == Visibility.CONFIDENTIAL;
  }

  public String body() {
    return body;
  }

  public Person author() {
    return author;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
