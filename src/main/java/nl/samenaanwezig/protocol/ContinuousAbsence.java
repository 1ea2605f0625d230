package nl.samenaanwezig.protocol;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.samenaanwezig.attendance.SchoolCalendar;

/**
 * The RMC rule: {@code weeks} weeks of continuous unexcused absence, counted as 5 school days a
 * week (holidays do not count). The absence is a run of the student's lesson days that were missed
 * entirely without an excuse; any lesson attended (even late) or excused ends it, days without
 * lessons do not. Like {@link SickSpells} this is a run over a bounded window of day rows.
 */
final class ContinuousAbsence {
  private ContinuousAbsence() {}

  static Optional<Finding> find(
      List<Day> days,
      RuleSetting setting,
      SchoolCalendar calendar,
      LocalDate today,
      LocalDate restartAfter) {
    LocalDate from = UnexcusedHours.countingStart(today, restartAfter);
    int needed = setting.value("weeks") * 5;
    LocalDate first = null;
    LocalDate since = null;
    LocalDate last = null;
    for (Day d : days) {
      if (d.date().isBefore(from) || d.date().isAfter(today) || d.lessons() == 0) {
        continue;
      }
      if (!d.fullyUnexcused()) {
        if (since != null) {
          break;
        }
        first = null;
        continue;
      }
      first = first == null ? d.date() : first;
      last = d.date();
      if (since == null && SchoolDays.count(calendar, first, last) >= needed) {
        since = last;
      }
    }
    if (since == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            Rule.RMC, 1, "rmc", SchoolDays.count(calendar, first, last), first, last, since, null));
  }
}
