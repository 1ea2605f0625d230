package nl.samenaanwezig.buddies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.Month;
import java.time.Period;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Ages and age bands over many random birthdays and days (seeded, so a failure repeats). */
class BirthDateTest {
  static final int CASES = 5_000;

  /** A random date of birth; one in five is a 29 February. */
  static LocalDate randomBirth(Random r) {
    if (r.nextInt(5) == 0) {
      int leap = 1992 + 4 * r.nextInt(6);
      return LocalDate.of(leap, Month.FEBRUARY, 29);
    }
    return LocalDate.of(1990, 1, 1).plusDays(r.nextInt(26 * 365));
  }

  /** A day near one of the birthdays from the 14th to the 20th, or any day of those years. */
  static LocalDate randomDayFor(BirthDate birth, Random r) {
    int year = birth.value().getYear() + 14 + r.nextInt(7);
    if (r.nextBoolean()) {
      return birth.birthdayIn(year).plusDays(r.nextInt(7) - 3);
    }
    return LocalDate.of(year, 1, 1).plusDays(r.nextInt(365));
  }

  /**
   * Independent arithmetic: someone born on 29 February is as old as someone born on 1 March,
   * except on 29 February itself.
   */
  static int expectedAge(LocalDate birth, LocalDate day) {
    boolean leapDay = birth.getMonth() == Month.FEBRUARY && birth.getDayOfMonth() == 29;
    boolean onLeapDay = day.getMonth() == Month.FEBRUARY && day.getDayOfMonth() == 29;
    if (leapDay && !onLeapDay) {
      return Math.max(0, Period.between(LocalDate.of(birth.getYear(), 3, 1), day).getYears());
    }
    return Math.max(0, Period.between(birth, day).getYears());
  }

  @Test
  void ageMatchesCalendarArithmeticForRandomBirthdaysAndDays() {
    for (int seed = 0; seed < CASES; seed++) {
      Random r = new Random(seed);
      BirthDate birth = new BirthDate(randomBirth(r));
      LocalDate day = randomDayFor(birth, r);
      assertEquals(
          expectedAge(birth.value(), day),
          birth.ageOn(day),
          "seed " + seed + ": born " + birth.value() + ", on " + day);
    }
  }

  @Test
  void ageGoesUpByOneOnTheBirthdayAndOnlyThen() {
    for (int seed = 0; seed < CASES; seed++) {
      Random r = new Random(seed);
      BirthDate birth = new BirthDate(randomBirth(r));
      LocalDate day = randomDayFor(birth, r);
      LocalDate next = day.plusDays(1);
      boolean birthday = next.equals(birth.birthdayIn(next.getYear()));
      assertEquals(
          birthday ? 1 : 0,
          birth.ageOn(next) - birth.ageOn(day),
          "seed " + seed + ": born " + birth.value() + ", " + day + " -> " + next);
    }
  }

  @Test
  void categoryChangesToAdultExactlyOnTheEighteenthBirthday() {
    for (int seed = 0; seed < CASES; seed++) {
      Random r = new Random(seed);
      BirthDate birth = new BirthDate(randomBirth(r));
      LocalDate eighteen = birth.eighteenthBirthday();
      assertEquals(AgeCategory.AGE_16_17, birth.categoryOn(eighteen.minusDays(1)), "seed " + seed);
      assertEquals(AgeCategory.ADULT, birth.categoryOn(eighteen), "seed " + seed);
    }
  }

  @Test
  void aLeapDayChildTurnsEighteenOnTheFirstOfMarchInACommonYear() {
    BirthDate birth = new BirthDate(LocalDate.of(2008, 2, 29));
    assertEquals(LocalDate.of(2026, 3, 1), birth.eighteenthBirthday());
    assertEquals(17, birth.ageOn(LocalDate.of(2026, 2, 28)));
    assertEquals(18, birth.ageOn(LocalDate.of(2026, 3, 1)));
  }

  @Test
  void aLeapDayChildHasItsBirthdayOnTheTwentyNinthInLeapYears() {
    // 18 is no multiple of 4: a leap-day child always turns 18 in a common year, on 1 March.
    BirthDate leap = new BirthDate(LocalDate.of(2012, 2, 29));
    assertEquals(LocalDate.of(2030, 3, 1), leap.eighteenthBirthday());
    assertEquals(LocalDate.of(2028, 2, 29), leap.birthdayIn(2028));
    assertEquals(15, leap.ageOn(LocalDate.of(2028, 2, 28)));
    assertEquals(16, leap.ageOn(LocalDate.of(2028, 2, 29)));
  }

  @Test
  void bandsAreUnder16From16To17AndAdult() {
    BirthDate birth = new BirthDate(LocalDate.of(2010, 6, 15));
    assertEquals(AgeCategory.UNDER_16, birth.categoryOn(LocalDate.of(2026, 6, 14)));
    assertEquals(AgeCategory.AGE_16_17, birth.categoryOn(LocalDate.of(2026, 6, 15)));
    assertEquals(AgeCategory.AGE_16_17, birth.categoryOn(LocalDate.of(2028, 6, 14)));
    assertEquals(AgeCategory.ADULT, birth.categoryOn(LocalDate.of(2028, 6, 15)));
  }
}
