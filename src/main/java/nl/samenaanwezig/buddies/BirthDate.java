package nl.samenaanwezig.buddies;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Objects;

/**
 * A student's date of birth and what follows from it on a given day. Someone born on 29 February
 * has their birthday on 1 March in a year without 29 February: under Dutch civil law a year of age
 * is complete only once the day after 28 February has begun, so they turn 18 on 1 March.
 */
public record BirthDate(LocalDate value) {
  public BirthDate {
    Objects.requireNonNull(value, "a birth date needs a day");
  }

  /** The day in {@code year} on which this person becomes a year older. */
  public LocalDate birthdayIn(int year) {
    if (value.getMonth() == Month.FEBRUARY && value.getDayOfMonth() == 29 && !Year.isLeap(year)) {
      return LocalDate.of(year, Month.MARCH, 1);
    }
    return value.withYear(year);
  }

  /** Age in whole years on {@code day}; 0 before (and on) the day of birth. */
  public int ageOn(LocalDate day) {
    if (!day.isAfter(value)) {
      return 0;
    }
    int years = day.getYear() - value.getYear();
    return day.isBefore(birthdayIn(day.getYear())) ? years - 1 : years;
  }

  public AgeCategory categoryOn(LocalDate day) {
    return AgeCategory.ofAge(ageOn(day));
  }

  /** The first day on which this person is an adult. */
  public LocalDate eighteenthBirthday() {
    return birthdayIn(value.getYear() + 18);
  }
}
