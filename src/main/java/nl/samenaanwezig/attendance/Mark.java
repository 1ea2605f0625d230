package nl.samenaanwezig.attendance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import nl.samenaanwezig.lti.Person;

/**
 * A student's mark for one lesson, with who registered it last, how and when; every change is kept
 * as a {@link MarkChange} that also holds the registration it replaced.
 */
@Entity
public class Mark {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "lesson_id")
  private Lesson lesson;

  @ManyToOne(optional = false)
  @JoinColumn(name = "person_id")
  private Person student;

  private String category;

  @Column(name = "late_minutes")
  private int lateMinutes;

  @ManyToOne
  @JoinColumn(name = "registered_by")
  private Person registeredBy;

  @Column(name = "registered_via")
  private String registeredVia;

  @Column(name = "registered_at")
  private Instant registeredAt;

  protected Mark() {}

  public Mark(
      Lesson lesson, Person student, Entry entry, Person by, Lesson.Source via, Instant at) {
    this.lesson = Objects.requireNonNull(lesson, "a mark belongs to a lesson");
    this.student = Objects.requireNonNull(student, "a mark belongs to a student");
    apply(entry, by, via, at);
  }

  /** A category with its late minutes, checked against the lesson. */
  public record Entry(MarkCategory category, int lateMinutes) {
    public Entry {
      Objects.requireNonNull(category, "a mark needs a category");
      if (category == MarkCategory.LATE && lateMinutes <= 0) {
        throw new IllegalArgumentException("late needs the minutes late");
      }
      if (category != MarkCategory.LATE && lateMinutes != 0) {
        throw new IllegalArgumentException("only late has late minutes");
      }
    }

    public static Entry present() {
      return new Entry(MarkCategory.PRESENT, 0);
    }
  }

  /**
   * Changes the mark; returns the history entry when something changed (saving the same mark twice
   * changes nothing).
   */
  public Optional<MarkChange> change(Entry entry, Person by, Lesson.Source via, Instant at) {
    if (entry.equals(entry())) {
      return Optional.empty();
    }
    MarkChange change = new MarkChange(this, entry, by, via, at);
    apply(entry, by, via, at);
    return Optional.of(change);
  }

  private void apply(Entry entry, Person by, Lesson.Source via, Instant at) {
    if (entry.lateMinutes() > lesson.scheduledMinutes()) {
      throw new IllegalArgumentException("late minutes exceed the lesson");
    }
    this.category = entry.category().name();
    this.lateMinutes = entry.lateMinutes();
    this.registeredBy = by;
    this.registeredVia = via.name();
    this.registeredAt = at;
  }

  public Entry entry() {
    return new Entry(MarkCategory.valueOf(category), lateMinutes);
  }

  public Long id() {
    return id;
  }

  public Lesson lesson() {
    return lesson;
  }

  public Person student() {
    return student;
  }

  public Person registeredBy() {
    return registeredBy;
  }

  String registeredVia() {
    return registeredVia;
  }

  public Instant registeredAt() {
    return registeredAt;
  }
}
