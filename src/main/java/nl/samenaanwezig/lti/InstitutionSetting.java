package nl.samenaanwezig.lti;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * Options an institution's administrator chooses for the whole school; a school without a row has
 * every option at its default (off).
 */
@Entity
@Table(name = "institution_setting")
public class InstitutionSetting {
  @Id
  @Column(name = "institution_id")
  private Long institutionId;

  @Column(name = "meeting_grades")
  private boolean meetingGrades;

  @Column(name = "mentor_groups")
  private String mentorGroups = "ALL";

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected InstitutionSetting() {}

  public InstitutionSetting(long institutionId, Instant at) {
    this.institutionId = institutionId;
    this.updatedAt = Objects.requireNonNull(at, "a setting records when it changed");
  }

  /** True when a held MOL-gesprek goes to the platform's gradebook. */
  public boolean meetingGrades() {
    return meetingGrades;
  }

  public void meetingGrades(boolean on, Instant at) {
    this.meetingGrades = on;
    this.updatedAt = Objects.requireNonNull(at, "a setting records when it changed");
  }

  /**
   * Which courses are mentor groups: {@code ALL} (every course is a class with its mentor) or
   * {@code MARKED} (only courses marked as mentorgroep).
   */
  public String mentorGroups() {
    return mentorGroups;
  }

  public void mentorGroups(String mode, Instant at) {
    this.mentorGroups = Objects.requireNonNull(mode, "a mentor group mode");
    this.updatedAt = Objects.requireNonNull(at, "a setting records when it changed");
  }

  public Long institutionId() {
    return institutionId;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
