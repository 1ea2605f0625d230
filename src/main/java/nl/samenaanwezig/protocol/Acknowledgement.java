package nl.samenaanwezig.protocol;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Person;

/**
 * Someone took the step a signal asked for: who, when, with a note. For the DUO rule it records the
 * day the report was made ("melding gedaan op"), after which counting starts again.
 */
@Entity
@Table(name = "signal_ack")
public class Acknowledgement {
  /** Longest note; a note is for the step taken, never for medical details. */
  public static final int NOTE_MAX = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "institution_id")
  private Long institutionId;

  @ManyToOne(optional = false)
  @JoinColumn(name = "course_id")
  private Course course;

  @ManyToOne(optional = false)
  @JoinColumn(name = "person_id")
  private Person student;

  private String rule;

  @Column(name = "step_level")
  private int level;

  @ManyToOne(optional = false)
  @JoinColumn(name = "acknowledged_by")
  private Person acknowledgedBy;

  @Column(name = "acknowledged_at")
  private Instant acknowledgedAt;

  private String note;

  @Column(name = "reported_on")
  private LocalDate reportedOn;

  protected Acknowledgement() {}

  /**
   * Records that {@code by} handled step {@code level} of {@code rule}; a DUO acknowledgement needs
   * the day the report was made, which cannot lie in the future.
   */
  public Acknowledgement(
      Course course,
      Person student,
      Rule rule,
      int level,
      Person by,
      Instant at,
      String note,
      LocalDate reportedOn,
      ZoneId zone) {
    this.course = Objects.requireNonNull(course, "an acknowledgement belongs to a course");
    this.institutionId = course.platform().institution().id();
    this.student = Objects.requireNonNull(student, "an acknowledgement is about a student");
    this.rule = Objects.requireNonNull(rule, "an acknowledgement answers a rule").name();
    if (level < 1 || level > rule.levels()) {
      throw new IllegalArgumentException(rule + " has no step " + level);
    }
    this.level = level;
    this.acknowledgedBy = Objects.requireNonNull(by, "someone acknowledges");
    this.acknowledgedAt = Objects.requireNonNull(at, "an acknowledgement has a moment");
    String trimmed = note == null ? "" : note.strip();
    if (trimmed.length() > NOTE_MAX) {
      throw new IllegalArgumentException("a note has at most " + NOTE_MAX + " characters");
    }
    this.note = trimmed.isEmpty() ? null : trimmed;
    if (rule == Rule.DUO && reportedOn == null) {
      throw new IllegalArgumentException("a DUO acknowledgement needs the day of the report");
    }
    if (reportedOn != null && reportedOn.isAfter(at.atZone(zone).toLocalDate())) {
      throw new IllegalArgumentException("a report cannot be made in the future");
    }
    this.reportedOn = rule == Rule.DUO ? reportedOn : null;
  }

  /**
   * The last day whose attendance this acknowledgement covers: the day of the DUO report, else the
   * day it was acknowledged. Counting starts again after it.
   */
  public LocalDate coveredUntil(ZoneId zone) {
    return reportedOn != null ? reportedOn : acknowledgedAt.atZone(zone).toLocalDate();
  }

  public Long id() {
    return id;
  }

  public Long courseId() {
    return course.id();
  }

  public Long personId() {
    return student.id();
  }

  public Rule rule() {
    return Rule.valueOf(rule);
  }

  public int level() {
    return level;
  }

  public Person acknowledgedBy() {
    return acknowledgedBy;
  }

  public Instant acknowledgedAt() {
    return acknowledgedAt;
  }

  public String note() {
    return note;
  }

  public LocalDate reportedOn() {
    return reportedOn;
  }
}
