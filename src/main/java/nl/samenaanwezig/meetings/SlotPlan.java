package nl.samenaanwezig.meetings;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the mentor asks for: one talk, or a series over a date range on some weekdays between two
 * times, talks of a length with a break between them and an optional pause (e.g. a coffee break).
 *
 * @param until null for a single talk at {@code from} on each chosen day
 * @param pauseFrom null for no pause
 */
public record SlotPlan(
    LocalDate firstDay,
    LocalDate lastDay,
    Set<DayOfWeek> weekdays,
    LocalTime from,
    LocalTime until,
    int minutes,
    int breakMinutes,
    LocalTime pauseFrom,
    LocalTime pauseUntil) {

  public SlotPlan {
    Objects.requireNonNull(firstDay);
    Objects.requireNonNull(lastDay);
    Objects.requireNonNull(from);
    weekdays = Set.copyOf(weekdays);
  }

  /** The times of the plan, and the wall-clock starts that do not exist in the zone (DST gap). */
  public record Expansion(List<SlotTime> times, List<LocalDateTime> nonexistent) {}

  public Expansion expand(ZoneId zone) {
    List<SlotTime> times = new ArrayList<>();
    List<LocalDateTime> nonexistent = new ArrayList<>();
    for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
      if (!weekdays.contains(day.getDayOfWeek())) {
        continue;
      }
      for (LocalTime start : startsOnOneDay()) {
        LocalDateTime local = day.atTime(start);
        SlotTime.existing(local, minutes, zone)
            .ifPresentOrElse(times::add, () -> nonexistent.add(local));
      }
    }
    return new Expansion(List.copyOf(times), List.copyOf(nonexistent));
  }

  /** The wall-clock starts of one day: the same on every day, whatever the clocks do. */
  List<LocalTime> startsOnOneDay() {
    if (until == null) {
      return List.of(from);
    }
    List<LocalTime> starts = new ArrayList<>();
    int at = from.toSecondOfDay() / 60;
    int end = until.toSecondOfDay() / 60;
    while (at + minutes <= end) {
      int talkEnd = at + minutes;
      if (pauseFrom != null && at < minutes(pauseUntil) && minutes(pauseFrom) < talkEnd) {
        at = minutes(pauseUntil);
        continue;
      }
      starts.add(LocalTime.ofSecondOfDay(at * 60L));
      at = talkEnd + breakMinutes;
    }
    return starts;
  }

  private static int minutes(LocalTime t) {
    return t.toSecondOfDay() / 60;
  }
}
