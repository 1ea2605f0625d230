package nl.samenaanwezig.protocol;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.samenaanwezig.attendance.SchoolCalendar;

/**
 * The DUO rule: {@code hours} or more unexcused (lateness included) within {@code weeks}
 * consecutive school weeks. Holiday weeks are skipped, so a window of four school weeks may span
 * five calendar weeks. Any window since the school year started (or since the last report) counts,
 * not only the latest: a duty to report does not lapse because nobody looked in time.
 */
final class UnexcusedHours {
  private UnexcusedHours() {}

  static Optional<Finding> find(
      List<Day> days,
      RuleSetting setting,
      SchoolCalendar calendar,
      LocalDate today,
      LocalDate reportedOn) {
    LocalDate from = countingStart(today, reportedOn);
    List<SchoolCalendar.Week> weeks = SchoolDays.weeks(calendar, from, today);
    Map<LocalDate, Integer> weekIndex = new HashMap<>();
    for (int i = 0; i < weeks.size(); i++) {
      weekIndex.put(weeks.get(i).monday(), i);
    }
    List<Day> counted =
        days.stream()
            .filter(d -> d.unexcused() > 0 && !d.date().isBefore(from) && !d.date().isAfter(today))
            .filter(d -> weekIndex.containsKey(SchoolCalendar.weekOf(d.date()).monday()))
            .toList();
    int span = setting.value("weeks");
    long threshold = setting.value("hours") * 60L;
    long sum = 0;
    int oldest = 0;
    for (int i = 0; i < counted.size(); i++) {
      int week = weekIndex.get(SchoolCalendar.weekOf(counted.get(i).date()).monday());
      int firstWeek = Math.max(0, week - span + 1);
      // The window that ends in this day's week holds the most absence up to this day.
      sum += counted.get(i).unexcused();
      while (weekIndex.get(SchoolCalendar.weekOf(counted.get(oldest).date()).monday())
          < firstWeek) {
        sum -= counted.get(oldest).unexcused();
        oldest++;
      }
      if (sum >= threshold) {
        LocalDate since = counted.get(i).date();
        LocalDate windowStart = max(weeks.get(firstWeek).monday(), from);
        long total =
            counted.stream()
                .filter(d -> !d.date().isBefore(windowStart))
                .mapToLong(Day::unexcused)
                .sum();
        return Optional.of(
            new Finding(
                Rule.DUO,
                1,
                "duo",
                total,
                windowStart,
                today,
                since,
                SchoolDays.plus(calendar, since, setting.value("dueDays"))));
      }
    }
    return Optional.empty();
  }

  /** Counting starts at the school year, or the day after the last report. */
  static LocalDate countingStart(LocalDate today, LocalDate reportedOn) {
    LocalDate yearStart = SchoolCalendar.schoolYearStart(today);
    return reportedOn == null ? yearStart : max(yearStart, reportedOn.plusDays(1));
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
