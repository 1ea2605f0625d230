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
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Person;

/**
 * One MOL-gesprek with one student: open until someone chooses a time, then planned in a slot, then
 * held, not held or no-show. The student is always a participant; buddies take part as the consent
 * rules allow on the day of the talk ({@link Participants}).
 */
@Entity
@Table(name = "meeting")
public class Meeting {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "course_id")
  private Course course;

  @ManyToOne(optional = false)
  @JoinColumn(name = "student_id")
  private Person student;

  @ManyToOne(optional = false)
  @JoinColumn(name = "mentor_id")
  private Person mentor;

  @ManyToOne
  @JoinColumn(name = "campaign_id")
  private Campaign campaign;

  @Enumerated(EnumType.STRING)
  private MeetingKind kind;

  @Enumerated(EnumType.STRING)
  private MeetingStatus status;

  @ManyToOne
  @JoinColumn(name = "slot_id")
  private Slot slot;

  @Enumerated(EnumType.STRING)
  @Column(name = "booked_by")
  private Who bookedBy;

  @Column(name = "booked_at")
  private Instant bookedAt;

  @Column(name = "ics_uid")
  private String icsUid;

  @Column(name = "ics_sequence")
  private int icsSequence;

  @Column(name = "reminder_sent_at")
  private Instant reminderSentAt;

  @Column(name = "outcome_at")
  private Instant outcomeAt;

  @ManyToOne
  @JoinColumn(name = "outcome_by")
  private Person outcomeBy;

  @Column(name = "next_evaluation_on")
  private LocalDate nextEvaluationOn;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  /** Two parties booking the same meeting at once: the second commit fails instead of winning. */
  @Version
  @Column(name = "row_version")
  private int rowVersion;

  protected Meeting() {}

  public Meeting(
      Course course,
      Person student,
      Person mentor,
      Campaign campaign,
      MeetingKind kind,
      Instant now) {
    this.course = Objects.requireNonNull(course, "a meeting belongs to a course");
    this.student = Objects.requireNonNull(student, "a meeting is about a student");
    this.mentor = Objects.requireNonNull(mentor, "a mentor leads the meeting");
    this.campaign = campaign;
    this.kind = Objects.requireNonNull(kind, "a meeting has a kind");
    this.status = MeetingStatus.OPEN;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** The calendar entry as it stands: UID, SEQUENCE and time (RFC 5545 3.8.4.7, 3.8.7.4). */
  public record CalendarEntry(String uid, int sequence, Slot slot) {}

  /** Why a change is refused. */
  public enum Refusal {
    /** The meeting is held, cancelled or otherwise closed. */
    CLOSED,
    /** Inside the guard time: only the mentor can still change it. */
    GUARDED,
    /** The slot is another mentor's or course's, cancelled, or this meeting is already in it. */
    NOT_OFFERED
  }

  /**
   * Books (or moves to) a slot for this party. Returns the refusal, if any; the place in the slot
   * itself is claimed by the caller in the same transaction.
   */
  public Optional<Refusal> book(Slot target, Who who, Instant now) {
    if (!status.isOpenForBooking()) {
      return Optional.of(Refusal.CLOSED);
    }
    if (target.cancelled()
        || !target.course().id().equals(course.id())
        || !target.mentor().id().equals(mentor.id())
        || (slot != null && slot.id().equals(target.id()))) {
      return Optional.of(Refusal.NOT_OFFERED);
    }
    if (!target.changeableBy(who, now) || (slot != null && !slot.changeableBy(who, now))) {
      return Optional.of(Refusal.GUARDED);
    }
    if (icsUid == null) {
      icsUid = newUid();
      icsSequence = 0;
    } else {
      icsSequence++;
    }
    slot = target;
    status = MeetingStatus.PLANNED;
    bookedBy = who;
    bookedAt = now;
    reminderSentAt = null;
    updatedAt = now;
    return Optional.empty();
  }

  /**
   * A participant can no longer come: the time is given back and the meeting is open to book again.
   * Returns the calendar entry to cancel (its SEQUENCE already raised).
   */
  public CalendarEntry release(Who who, Instant now) {
    requireChangeable(who, now);
    icsSequence++;
    CalendarEntry cancelled = new CalendarEntry(icsUid, icsSequence, slot);
    slot = null;
    status = MeetingStatus.OPEN;
    bookedBy = null;
    bookedAt = null;
    // A new booking is a new calendar entry: calendars do not revive a cancelled one reliably.
    icsUid = null;
    icsSequence = 0;
    updatedAt = now;
    return cancelled;
  }

  /** The mentor calls the meeting off; returns the entry to cancel if a time was booked. */
  public Optional<CalendarEntry> cancel(Instant now) {
    if (!status.isOpenForBooking()) {
      throw new IllegalStateException("only an open or planned meeting can be cancelled");
    }
    Optional<CalendarEntry> entry = Optional.empty();
    if (status == MeetingStatus.PLANNED) {
      icsSequence++;
      entry = Optional.of(new CalendarEntry(icsUid, icsSequence, slot));
    }
    status = MeetingStatus.CANCELLED;
    updatedAt = now;
    return entry;
  }

  private void requireChangeable(Who who, Instant now) {
    if (status != MeetingStatus.PLANNED) {
      throw new IllegalStateException("only a planned meeting can be given back");
    }
    if (!slot.changeableBy(who, now)) {
      throw new IllegalStateException("inside the guard time only the mentor changes a meeting");
    }
  }

  /**
   * The mentor records how it went, from the planned start on. Returns true when the meeting became
   * held just now (so the gradebook hears of it once).
   */
  public boolean recordOutcome(
      MeetingStatus outcome, Person by, LocalDate nextEvaluation, Instant now) {
    if (!outcome.isOutcome()) {
      throw new IllegalArgumentException("not an outcome: " + outcome);
    }
    if (!(status == MeetingStatus.PLANNED || status.isOutcome()) || now.isBefore(slot.startsAt())) {
      throw new IllegalStateException("an outcome is recorded after the planned start");
    }
    boolean newlyHeld = outcome == MeetingStatus.HELD && status != MeetingStatus.HELD;
    status = outcome;
    outcomeBy = by;
    outcomeAt = now;
    nextEvaluationOn = nextEvaluation;
    updatedAt = now;
    return newlyHeld;
  }

  /** True when the outcome form may be used now. */
  public boolean outcomeDue(Instant now) {
    return (status == MeetingStatus.PLANNED || status.isOutcome())
        && slot != null
        && !now.isBefore(slot.startsAt());
  }

  /** Claims the reminder for this meeting (once per booking). */
  public void remindedAt(Instant now) {
    reminderSentAt = now;
  }

  public CalendarEntry calendarEntry() {
    if (icsUid == null) {
      throw new IllegalStateException("no time booked, so no calendar entry");
    }
    return new CalendarEntry(icsUid, icsSequence, slot);
  }

  private String newUid() {
    byte[] random = new byte[6];
    ThreadLocalRandom.current().nextBytes(random);
    return "mol-" + id + "-" + HexFormat.of().formatHex(random) + "@samen-aanwezig";
  }

  public Long id() {
    return id;
  }

  public Course course() {
    return course;
  }

  public Person student() {
    return student;
  }

  public Person mentor() {
    return mentor;
  }

  public Optional<Campaign> campaign() {
    return Optional.ofNullable(campaign);
  }

  public MeetingKind kind() {
    return kind;
  }

  public MeetingStatus status() {
    return status;
  }

  public Optional<Slot> slot() {
    return Optional.ofNullable(slot);
  }

  public Optional<Who> bookedBy() {
    return Optional.ofNullable(bookedBy);
  }

  public Instant bookedAt() {
    return bookedAt;
  }

  public Optional<Instant> reminderSentAt() {
    return Optional.ofNullable(reminderSentAt);
  }

  public Optional<LocalDate> nextEvaluationOn() {
    return Optional.ofNullable(nextEvaluationOn);
  }

  public Optional<Instant> outcomeAt() {
    return Optional.ofNullable(outcomeAt);
  }

  /** The day of the talk at school, or today while no time is booked. */
  public LocalDate day(LocalDate today) {
    return slot == null ? today : slot.time().start().toLocalDate();
  }

  public Instant createdAt() {
    return createdAt;
  }
}
