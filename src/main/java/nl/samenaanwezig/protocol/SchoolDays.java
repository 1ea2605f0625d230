package nl.samenaanwezig.protocol;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.samenaanwezig.attendance.SchoolCalendar;

/** Counting in school days (Monday to Friday, not a holiday) and school weeks. */
final class SchoolDays {
  private SchoolDays() {}

  static boolean isSchoolDay(SchoolCalendar calendar, LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY
        && day.getDayOfWeek() != DayOfWeek.SUNDAY
        && !calendar.isHoliday(day);
  }

  /** School days from {@code from} to {@code to}, both included. */
  static int count(SchoolCalendar calendar, LocalDate from, LocalDate to) {
    int n = 0;
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (isSchoolDay(calendar, d)) {
        n++;
      }
    }
    return n;
  }

  /** The {@code n}-th school day after {@code day}. */
  static LocalDate plus(SchoolCalendar calendar, LocalDate day, int n) {
    LocalDate d = day;
    // Bounded: a calendar that is all holiday for a year is not a school calendar.
    for (int counted = 0, steps = 0; counted < n && steps < 366; steps++) {
      d = d.plusDays(1);
      if (isSchoolDay(calendar, d)) {
        counted++;
      }
    }
    return d;
  }

  /** The school weeks from the week of {@code from} to the week of {@code to}, oldest first. */
  static List<SchoolCalendar.Week> weeks(SchoolCalendar calendar, LocalDate from, LocalDate to) {
    List<SchoolCalendar.Week> weeks = new ArrayList<>();
    for (SchoolCalendar.Week w = SchoolCalendar.weekOf(from);
        !w.monday().isAfter(to);
        w = new SchoolCalendar.Week(w.monday().plusWeeks(1))) {
      if (calendar.isSchoolWeek(w)) {
        weeks.add(w);
      }
    }
    return weeks;
  }

  /** Monday of the oldest of the last {@code count} school weeks up to {@code today}. */
  static LocalDate startOfLastWeeks(SchoolCalendar calendar, LocalDate today, int count) {
    List<SchoolCalendar.Week> weeks = calendar.lastSchoolWeeks(today, count);
    return weeks.isEmpty() ? today : weeks.get(weeks.size() - 1).monday();
  }
}
