package nl.samenaanwezig.buddies;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A student's date of birth and what follows from it on a given day. Someone born on 29 February
 * has their birthday on 1 March in a year without 29 February: under Dutch civil law a year of age
 * is complete only once the day after 28 February has begun, so they turn 18 on 1 March.
 */
public record BirthDate(LocalDate value) {
  /** The youngest and oldest age a student can plausibly have. */
  static final int YOUNGEST = 8;

  static final int OLDEST = 100;

  private static final List<DateTimeFormatter> TYPED =
      List.of(
          DateTimeFormatter.ISO_LOCAL_DATE,
          DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT));

  public BirthDate {
    Objects.requireNonNull(value, "a birth date needs a day");
  }

  /**
   * A date as a date field sends it (2008-03-14) or as people type it (14-3-2008, 14/03/2008);
   * empty when it is no date.
   */
  public static Optional<LocalDate> parse(String typed) {
    if (typed == null || typed.isBlank() || typed.length() > 20) {
      return Optional.empty();
    }
    for (DateTimeFormatter format : TYPED) {
      try {
        return Optional.of(LocalDate.parse(typed.strip(), format));
      } catch (DateTimeParseException e) {
        // try the next way of writing a date
      }
    }
    return Optional.empty();
  }

  /** True when someone born on this day could be a student on {@code today}. */
  public boolean plausibleOn(LocalDate today) {
    int age = ageOn(today);
    return !value.isAfter(today) && age >= YOUNGEST && age <= OLDEST;
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
