package nl.samenaanwezig.attendance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * School weeks of an institution: Monday-to-Sunday weeks, minus the weeks its holidays cover
 * entirely (holidays do not count for the 16-hours-in-4-weeks rule). The school year starts on 1
 * August.
 */
public record SchoolCalendar(List<Holiday> holidays) {

  /** A holiday period, both days included. */
  public record Holiday(LocalDate firstDay, LocalDate lastDay, String name) {
    public Holiday {
      if (lastDay.isBefore(firstDay)) {
        throw new IllegalArgumentException("a holiday ends on or after its first day");
      }
    }

    boolean covers(LocalDate day) {
      return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }

    /** True when the two share a day (a school never has two holidays on one day). */
    public boolean overlaps(Holiday other) {
      return !other.lastDay.isBefore(firstDay) && !other.firstDay.isAfter(lastDay);
    }
  }

  /** A week from Monday to Sunday. */
  public record Week(LocalDate monday) {
    public LocalDate sunday() {
      return monday.plusDays(6);
    }

    public boolean contains(LocalDate day) {
      return !day.isBefore(monday) && !day.isAfter(sunday());
    }
  }

  public SchoolCalendar {
    holidays = List.copyOf(holidays);
  }

  public static Week weekOf(LocalDate day) {
    return new Week(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
  }

  /** A week is a school week unless holidays cover all its weekdays. */
  public boolean isSchoolWeek(Week week) {
    for (int i = 0; i < 5; i++) {
      LocalDate day = week.monday().plusDays(i);
      if (holidays.stream().noneMatch(h -> h.covers(day))) {
        return true;
      }
    }
    return false;
  }

  public boolean isHoliday(LocalDate day) {
    return holidays.stream().anyMatch(h -> h.covers(day));
  }

  /** The holiday or day off that {@code day} falls in, if any. */
  public Optional<Holiday> holidayOn(LocalDate day) {
    return holidays.stream().filter(h -> h.covers(day)).findFirst();
  }

  /** The last {@code count} school weeks up to and including the week of {@code today}. */
  public List<Week> lastSchoolWeeks(LocalDate today, int count) {
    List<Week> weeks = new ArrayList<>();
    Week week = weekOf(today);
    // A bounded walk back: a year without any school week is not a school calendar.
    for (int i = 0; i < 104 && weeks.size() < count; i++) {
      if (isSchoolWeek(week)) {
        weeks.add(week);
      }
      week = new Week(week.monday().minusWeeks(1));
    }
    return weeks;
  }

  /** 1 August of the school year that {@code day} belongs to. */
  public static LocalDate schoolYearStart(LocalDate day) {
    LocalDate augustFirst = LocalDate.of(day.getYear(), Month.AUGUST, 1);
    return day.isBefore(augustFirst) ? augustFirst.minusYears(1) : augustFirst;
  }
}
