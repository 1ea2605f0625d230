package nl.samenaanwezig.buddies;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the tool knows about a student beyond the platform's data: the date of birth (LTI does not
 * carry one), which the consent rules need.
 */
@Entity
@Table(name = "student_profile")
public class StudentProfile {

  /** Who entered the date of birth; the administration's word wins over the student's. */
  public enum Source {
    STUDENT,
    ADMIN
  }

  @Id
  @Column(name = "person_id")
  private Long personId;

  @Column(name = "date_of_birth")
  private LocalDate dateOfBirth;

  @Enumerated(EnumType.STRING)
  @Column(name = "birth_date_source")
  private Source birthDateSource;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected StudentProfile() {}

  public StudentProfile(long personId) {
    this.personId = personId;
  }

  /**
   * Records a date of birth; a student cannot overwrite one the administration entered.
   *
   * @return false when the student tried to change an administration's date
   */
  public boolean enterBirthDate(LocalDate date, Source source, Instant now) {
    if (source == Source.STUDENT && birthDateSource == Source.ADMIN) {
      return false;
    }
    this.dateOfBirth = date;
    this.birthDateSource = source;
    this.updatedAt = now;
    return true;
  }

  public Long personId() {
    return personId;
  }

  public Optional<BirthDate> birthDate() {
    return Optional.ofNullable(dateOfBirth).map(BirthDate::new);
  }

  public Optional<Source> birthDateSource() {
    return Optional.ofNullable(birthDateSource);
  }
}
