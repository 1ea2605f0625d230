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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Person;

/**
 * A time a mentor offers for talks (gesprekstijd), with where, how many bookings fit and the guard
 * time before the start after which only the mentor can still change a booking.
 */
@Entity
@Table(name = "meeting_slot")
public class Slot {
  /** The guard time a new slot gets unless the mentor chooses another. */
  public static final Duration DEFAULT_GUARD = Duration.ofHours(24);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "course_id")
  private Course course;

  @ManyToOne(optional = false)
  @JoinColumn(name = "mentor_id")
  private Person mentor;

  @Column(name = "starts_local")
  private LocalDateTime startsLocal;

  @Column(name = "zone_id")
  private String zoneId;

  @Column(name = "duration_minutes")
  private int durationMinutes;

  @Column(name = "starts_at")
  private Instant startsAt;

  @Column(name = "ends_at")
  private Instant endsAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "location_kind")
  private LocationKind locationKind;

  @Column(name = "location_details")
  private String locationDetails;

  private int capacity;

  private int booked;

  @Column(name = "guard_minutes")
  private int guardMinutes;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "cancelled_at")
  private Instant cancelledAt;

  protected Slot() {}

  public Slot(
      Course course,
      Person mentor,
      SlotTime time,
      LocationKind locationKind,
      String locationDetails,
      int capacity,
      Duration guard,
      Instant now) {
    this.course = Objects.requireNonNull(course, "a slot belongs to a course");
    this.mentor = Objects.requireNonNull(mentor, "a slot is a mentor's time");
    this.startsLocal = time.start();
    this.zoneId = time.zone().getId();
    this.durationMinutes = time.minutes();
    this.startsAt = time.startsAt();
    this.endsAt = time.endsAt();
    this.locationKind = Objects.requireNonNull(locationKind, "a slot has a place");
    this.locationDetails =
        locationDetails == null || locationDetails.isBlank() ? null : locationDetails.strip();
    if (capacity < 1) {
      throw new IllegalArgumentException("a slot takes at least one booking");
    }
    this.capacity = capacity;
    this.guardMinutes = (int) guard.toMinutes();
    this.createdAt = now;
  }

  public SlotTime time() {
    return new SlotTime(startsLocal, durationMinutes, ZoneId.of(zoneId));
  }

  /**
   * True from the guard time before the start: from then on only the mentor changes bookings (a
   * buddy who cancels an hour before leaves the mentor waiting).
   */
  public boolean guarded(Instant now) {
    return !now.isBefore(startsAt.minus(Duration.ofMinutes(guardMinutes)));
  }

  /** Whether this party may book, move or cancel in this slot now. */
  public boolean changeableBy(Who who, Instant now) {
    return who == Who.MENTOR || !guarded(now);
  }

  /** Offered to the student and buddies: not cancelled, places left, before the guard time. */
  public boolean offered(Instant now) {
    return cancelledAt == null && booked < capacity && !guarded(now);
  }

  public int placesLeft() {
    return Math.max(0, capacity - booked);
  }

  public void cancel(Instant now) {
    if (cancelledAt == null) {
      cancelledAt = now;
    }
  }

  public boolean cancelled() {
    return cancelledAt != null;
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

  public Instant startsAt() {
    return startsAt;
  }

  public Instant endsAt() {
    return endsAt;
  }

  public LocationKind locationKind() {
    return locationKind;
  }

  public String locationDetails() {
    return locationDetails;
  }

  public int capacity() {
    return capacity;
  }

  public int booked() {
    return booked;
  }

  public Duration guard() {
    return Duration.ofMinutes(guardMinutes);
  }
}
