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
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * An agreement made in the talk (afspraak): what, who takes it on (student, buddy or mentor) and by
 * when. The student sees every agreement on their page; the next talk looks back at them.
 */
@Entity
@Table(name = "meeting_agreement")
public class Agreement {
  public static final int MAX_LENGTH = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "meeting_id")
  private Meeting meeting;

  private String body;

  @Enumerated(EnumType.STRING)
  private Who owner;

  @Column(name = "due_on")
  private LocalDate dueOn;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "done_at")
  private Instant doneAt;

  protected Agreement() {}

  public Agreement(Meeting meeting, String body, Who owner, LocalDate dueOn, Instant now) {
    this.meeting = Objects.requireNonNull(meeting);
    if (body == null || body.isBlank() || body.strip().length() > MAX_LENGTH) {
      throw new IllegalArgumentException("an agreement has 1 to " + MAX_LENGTH + " characters");
    }
    this.body = body.strip();
    this.owner = Objects.requireNonNull(owner, "someone takes an agreement on");
    this.dueOn = dueOn;
    this.createdAt = now;
  }

  public void done(Instant now) {
    if (doneAt == null) {
      doneAt = now;
    }
  }

  public Long id() {
    return id;
  }

  public Meeting meeting() {
    return meeting;
  }

  public String body() {
    return body;
  }

  public Who owner() {
    return owner;
  }

  public Optional<LocalDate> dueOn() {
    return Optional.ofNullable(dueOn);
  }

  public boolean isDone() {
    return doneAt != null;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
