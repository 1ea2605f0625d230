package nl.samenaanwezig.protocol;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The rule for students under 18: {@code days} school days in a row absent without a valid reason
 * (every lesson of the day missed, none of it excused; late is attendance), and the mentor calls
 * home that same day. An excused day (sick, doctor, leave) or a day the student came ends the run;
 * weekends, holidays and school days without lessons for the student neither end nor extend it.
 *
 * <p>It looks at the last four weeks only: it asks for a call today, not for a history. {@link
 * Signals} reads every day of at least the last five weeks (the sickness window), so a day that
 * ended a run is never missing here.
 */
final class AbsentDays {
  static final int LOOK_BACK_WEEKS = 4;

  private AbsentDays() {}

  /**
   * The latest run that reached the threshold since counting (re)started: its days, and the day the
   * threshold was reached, which is also the day to call.
   */
  static Optional<Finding> find(
      List<Day> days, RuleSetting setting, LocalDate today, LocalDate restartAfter) {
    LocalDate from = windowStart(today);
    LocalDate counting = UnexcusedHours.countingStart(today, restartAfter);
    if (counting.isAfter(from)) {
      from = counting;
    }
    int needed = setting.value("days");
    Finding found = null;
    LocalDate first = null;
    int length = 0;
    LocalDate since = null;
    for (Day d : days) {
      if (d.date().isBefore(from) || d.date().isAfter(today) || d.lessons() == 0) {
        continue;
      }
      if (!d.fullyUnexcused()) {
        first = null;
        length = 0;
        since = null;
        continue;
      }
      first = first == null ? d.date() : first;
      length++;
      if (length == needed) {
        since = d.date();
      }
      if (since != null) {
        found =
            new Finding(Rule.ABSENT_DAYS, 1, "absent_days", length, first, d.date(), since, since);
      }
    }
    return Optional.ofNullable(found);
  }

  /** The first day the rule looks at. */
  static LocalDate windowStart(LocalDate today) {
    return today.minusWeeks(LOOK_BACK_WEEKS).plusDays(1);
  }
}
