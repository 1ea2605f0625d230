package nl.samenaanwezig.contacts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import nl.samenaanwezig.buddies.Buddy;
import nl.samenaanwezig.buddies.Channel;
import nl.samenaanwezig.buddies.Topic;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Person;

/**
 * One contact a mentor had about a student: with the student or with one of their buddies, how,
 * what kind (good news too, not only worries), a short summary and maybe a follow-up date.
 */
@Entity
public class Contact {

  /** What the contact was for. */
  public enum Kind {
    /** Goed nieuws: share what goes well. */
    GOOD_NEWS,
    /** Zorg. */
    CONCERN,
    /** Afspraak. */
    AGREEMENT,
    /** Informatie. */
    INFORMATION
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "student_id")
  private Person student;

  @ManyToOne
  @JoinColumn(name = "buddy_id")
  private Buddy buddy;

  @ManyToOne(optional = false)
  @JoinColumn(name = "course_id")
  private Course course;

  @ManyToOne(optional = false)
  @JoinColumn(name = "mentor_id")
  private Person mentor;

  @Column(name = "contact_date")
  private LocalDate contactDate;

  @Enumerated(EnumType.STRING)
  private Channel channel;

  @Enumerated(EnumType.STRING)
  private Kind kind;

  @Enumerated(EnumType.STRING)
  private Topic topic;

  private String summary;

  @Column(name = "follow_up_on")
  private LocalDate followUpOn;

  @Column(name = "created_at")
  private Instant createdAt;

  protected Contact() {}

  public Contact(
      Person student,
      Buddy buddy,
      Course course,
      Person mentor,
      ContactForm.Entry entry,
      Instant now) {
    this.student = Objects.requireNonNull(student, "a contact is about a student");
    this.course = Objects.requireNonNull(course, "a contact is logged in a course");
    this.mentor = Objects.requireNonNull(mentor, "a contact is logged by a mentor");
    if (buddy != null && !buddy.student().id().equals(student.id())) {
      throw new IllegalArgumentException("the buddy belongs to another student");
    }
    this.buddy = buddy;
    this.contactDate = entry.date();
    this.channel = entry.channel();
    this.kind = entry.kind();
    this.topic = buddy == null ? null : entry.topic();
    this.summary = entry.summary();
    this.followUpOn = entry.followUpOn();
    this.createdAt = now;
  }

  public Long id() {
    return id;
  }

  public Person student() {
    return student;
  }

  /** The buddy contacted; empty for a contact with the student. */
  public Optional<Buddy> buddy() {
    return Optional.ofNullable(buddy);
  }

  public Course course() {
    return course;
  }

  public Person mentor() {
    return mentor;
  }

  public LocalDate contactDate() {
    return contactDate;
  }

  public Channel channel() {
    return channel;
  }

  public Kind kind() {
    return kind;
  }

  public Optional<Topic> topic() {
    return Optional.ofNullable(topic);
  }

  public String summary() {
    return summary;
  }

  public Optional<LocalDate> followUpOn() {
    return Optional.ofNullable(followUpOn);
  }

  public Instant createdAt() {
    return createdAt;
  }
}
