package nl.samenaanwezig.attendance.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.samenaanwezig.attendance.SchoolCalendar;
import org.junit.jupiter.api.Test;

/**
 * The official holidays data file checked against what can be computed: the days that follow from
 * Easter, Koningsdag, the shape of each holiday (Saturday to Sunday, a week or six), no region with
 * two holidays on one day, every school year complete for every region.
 */
class OfficialHolidaysTest {
  private static final List<String> WEEKS =
      List.of(
          "Herfstvakantie", "Kerstvakantie", "Voorjaarsvakantie", "Meivakantie", "Zomervakantie");

  /** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
  static LocalDate easter(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }

  @Test
  void easterIsRightForKnownYears() {
    assertEquals(LocalDate.of(2025, 4, 20), easter(2025));
    assertEquals(LocalDate.of(2026, 4, 5), easter(2026));
    assertEquals(LocalDate.of(2027, 3, 28), easter(2027));
  }

  @Test
  void theDaysThatFollowFromEasterAreRight() {
    for (Region region : Region.values()) {
      List<SchoolCalendar.Holiday> all = OfficialHolidays.of(region);
      for (int year : List.of(2026, 2027)) {
        LocalDate easter = easter(year);
        assertEquals(Set.of(easter.plusDays(1)), days(all, "Tweede Paasdag", year));
        assertEquals(Set.of(easter.plusDays(39)), days(all, "Hemelvaartsdag", year));
        assertEquals(Set.of(easter.plusDays(50)), days(all, "Tweede Pinksterdag", year));
      }
    }
  }

  @Test
  void koningsdagFallsInTheMeivakantieSoItIsNotListedTwice() {
    for (int year : List.of(2026, 2027)) {
      LocalDate koningsdag = LocalDate.of(year, Month.APRIL, 27);
      assertFalse(koningsdag.getDayOfWeek() == DayOfWeek.SUNDAY);
      for (Region region : Region.values()) {
        assertTrue(
            new SchoolCalendar(OfficialHolidays.of(region))
                .holidayOn(koningsdag)
                .orElseThrow()
                .name()
                .equals("Meivakantie"),
            region + " " + year);
      }
    }
  }

  @Test
  void everyHolidayRunsFromSaturdayToSundayAndTheSummerLastsSixWeeks() {
    for (OfficialHolidays.Entry e : OfficialHolidays.entries()) {
      SchoolCalendar.Holiday h = e.holiday();
      if (!WEEKS.contains(h.name())) {
        assertEquals(h.firstDay(), h.lastDay(), "a day off is one day: " + e);
        continue;
      }
      assertEquals(DayOfWeek.SATURDAY, h.firstDay().getDayOfWeek(), e.toString());
      assertEquals(DayOfWeek.SUNDAY, h.lastDay().getDayOfWeek(), e.toString());
      long days = ChronoUnit.DAYS.between(h.firstDay(), h.lastDay()) + 1;
      long expected =
          switch (h.name()) {
            case "Zomervakantie" -> 44;
            case "Kerstvakantie" -> 16;
            default -> 9;
          };
      assertEquals(expected, days, e.toString());
    }
  }

  @Test
  void noRegionHasTwoHolidaysOnOneDayAndEachSchoolYearIsComplete() {
    for (Region region : Region.values()) {
      List<SchoolCalendar.Holiday> all = OfficialHolidays.of(region);
      for (int i = 0; i < all.size(); i++) {
        for (int j = i + 1; j < all.size(); j++) {
          assertFalse(all.get(i).overlaps(all.get(j)), all.get(i) + " / " + all.get(j));
        }
      }
      for (String year : OfficialHolidays.schoolYears()) {
        Set<String> names =
            OfficialHolidays.entries().stream()
                .filter(e -> e.schoolYear().equals(year))
                .filter(e -> e.region() == null || e.region() == region)
                .map(e -> e.holiday().name())
                .collect(Collectors.toSet());
        assertTrue(names.containsAll(WEEKS), region + " " + year + ": " + names);
        assertEquals(8, names.size(), region + " " + year + ": " + names);
      }
    }
    assertEquals(List.of("2025-2026", "2026-2027"), OfficialHolidays.schoolYears());
  }

  @Test
  void theSummerHolidaysOfTheRegionsStartInDifferentWeeks() {
    for (String year : OfficialHolidays.schoolYears()) {
      Set<LocalDate> starts =
          OfficialHolidays.entries().stream()
              .filter(e -> e.schoolYear().equals(year))
              .filter(e -> e.holiday().name().equals("Zomervakantie"))
              .map(e -> e.holiday().firstDay())
              .collect(Collectors.toSet());
      assertEquals(3, starts.size(), year + ": " + starts);
    }
  }

  private static Set<LocalDate> days(List<SchoolCalendar.Holiday> all, String name, int year) {
    return all.stream()
        .filter(h -> h.name().equals(name) && h.firstDay().getYear() == year)
        .map(SchoolCalendar.Holiday::firstDay)
        .collect(Collectors.toSet());
  }
}
