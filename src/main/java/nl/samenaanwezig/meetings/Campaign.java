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
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Person;

/**
 * One round of invitations for a whole class ("plan kennismakingsgesprekken voor deze klas"): every
 * student gets a meeting to book, and the buddies the consent rules allow get a personal link.
 */
@Entity
@Table(name = "meeting_campaign")
public class Campaign {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "course_id")
  private Course course;

  @ManyToOne(optional = false)
  @JoinColumn(name = "mentor_id")
  private Person mentor;

  @Enumerated(EnumType.STRING)
  private MeetingKind kind;

  @Column(name = "created_at")
  private Instant createdAt;

  protected Campaign() {}

  public Campaign(Course course, Person mentor, MeetingKind kind, Instant now) {
    this.course = Objects.requireNonNull(course);
    this.mentor = Objects.requireNonNull(mentor);
    this.kind = Objects.requireNonNull(kind);
    this.createdAt = now;
  }

  public Long id() {
    return id;
  }

  public Course course() {
    return course;
  }

  public Person mentor() {
    return mentor;
  }

  public MeetingKind kind() {
    return kind;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
