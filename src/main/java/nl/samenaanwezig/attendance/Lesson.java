package nl.samenaanwezig.attendance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import nl.samenaanwezig.lti.Course;

/** One scheduled lesson of a course; the sender's id keeps imports idempotent. */
@Entity
public class Lesson {

  /** Where a lesson came from; with the external id it identifies the lesson for re-imports. */
  public enum Source {
    MANUAL,
    CSV,
    MOODLE,
    API,
    DEMO
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "course_id")
  private Course course;

  @Column(name = "lesson_date")
  private LocalDate date;

  private short weekday;

  @Column(name = "start_time")
  private LocalTime start;

  @Column(name = "end_time")
  private LocalTime end;

  @Column(name = "scheduled_minutes")
  private int scheduledMinutes;

  @Column(name = "group_name")
  private String groupName;

  private String source;

  @Column(name = "external_id")
  private String externalId;

  @Column(name = "created_at")
  private Instant createdAt;

  protected Lesson() {}

  /**
   * A lesson from start to end; scheduled minutes default to the length and may be less (a partial
   * lesson), never more.
   */
  public Lesson(
      Course course,
      LocalDate date,
      LocalTime start,
      LocalTime end,
      Integer scheduledMinutes,
      String groupName,
      Source source,
      String externalId) {
    this.course = Objects.requireNonNull(course, "a lesson belongs to a course");
    this.date = Objects.requireNonNull(date, "a lesson needs a date");
    this.weekday = (short) date.getDayOfWeek().getValue();
    this.source = Objects.requireNonNull(source, "a lesson needs a source").name();
    this.externalId = Objects.requireNonNull(externalId, "a lesson needs an id of its sender");
    this.createdAt = Instant.now();
    reschedule(start, end, scheduledMinutes, groupName);
  }

  /** Changes times (e.g. a re-import with corrected times). */
  public void reschedule(LocalTime start, LocalTime end, Integer scheduledMinutes, String group) {
    Objects.requireNonNull(start, "a lesson needs a start time");
    Objects.requireNonNull(end, "a lesson needs an end time");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("a lesson must end after it starts");
    }
    int length = (int) Duration.between(start, end).toMinutes();
    int scheduled = scheduledMinutes == null ? length : scheduledMinutes;
    if (scheduled <= 0 || scheduled > length) {
      throw new IllegalArgumentException(
          "scheduled minutes must be between 1 and the lesson length");
    }
    this.start = start;
    this.end = end;
    this.scheduledMinutes = scheduled;
    this.groupName = group == null || group.isBlank() ? null : group.strip();
  }

  public Long id() {
    return id;
  }

  public Course course() {
    return course;
  }

  public LocalDate date() {
    return date;
  }

  public LocalTime start() {
    return start;
  }

  public LocalTime end() {
    return end;
  }

  public int scheduledMinutes() {
    return scheduledMinutes;
  }

  public String groupName() {
    return groupName;
  }

  public Source source() {
    return Source.valueOf(source);
  }

  public String externalId() {
    return externalId;
  }
}
