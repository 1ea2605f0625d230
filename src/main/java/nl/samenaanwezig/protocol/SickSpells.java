package nl.samenaanwezig.protocol;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import nl.samenaanwezig.attendance.SchoolCalendar;

/**
 * The sickness signal (MAZL): the {@code reports}-th sick report within {@code weeks} weeks, or a
 * spell of {@code days} consecutive sick school days. A spell (one sick report) is a run of the
 * student's sick days ({@link SickDays}: sick all day, or from a lesson on for the rest of the
 * day); a lesson day that was no sick day ends it, so a lone sick lesson between lessons attended
 * neither starts nor continues a report. Days without lessons (weekends, holidays, a school day the
 * student has no lessons) neither end nor extend a spell, so Friday sick and Monday sick is one
 * report. A spell's length is the school days from its first to its last sick day.
 *
 * <p>This walks a bounded window of day rows in Java: a spell is a sequence with gaps to skip,
 * which portable SQL (Derby has no window functions over gaps-and-islands) cannot express.
 */
final class SickSpells {
  private SickSpells() {}

  /** One sick report: first and last sick day. */
  record Spell(LocalDate first, LocalDate last) {}

  /**
   * Spells among days after {@code restartAfter} (null: all), oldest first.
   *
   * @param days the student's lesson days (sorted by date)
   * @param sickDays which of those (or other) days the student was reported sick
   */
  static List<Spell> spells(
      List<Day> days, Set<LocalDate> sickDays, LocalDate today, LocalDate restartAfter) {
    SortedSet<LocalDate> dates = new TreeSet<>(sickDays);
    for (Day d : days) {
      if (d.lessons() > 0) {
        dates.add(d.date());
      }
    }
    List<Spell> spells = new ArrayList<>();
    LocalDate first = null;
    LocalDate last = null;
    for (LocalDate d : dates) {
      if (d.isAfter(today) || (restartAfter != null && !d.isAfter(restartAfter))) {
        continue;
      }
      if (sickDays.contains(d)) {
        first = first == null ? d : first;
        last = d;
      } else if (first != null) {
        spells.add(new Spell(first, last));
        first = null;
      }
    }
    if (first != null) {
      spells.add(new Spell(first, last));
    }
    return spells;
  }

  static Optional<Finding> find(
      List<Day> days,
      Set<LocalDate> sickDays,
      RuleSetting setting,
      SchoolCalendar calendar,
      LocalDate today,
      LocalDate restartAfter) {
    LocalDate windowStart = windowStart(setting, today);
    List<Spell> spells = spells(days, sickDays, today, restartAfter);
    int longDays = setting.value("days");
    for (Spell s : spells) {
      int length = SchoolDays.count(calendar, s.first(), s.last());
      if (length >= longDays && !s.last().isBefore(windowStart)) {
        return Optional.of(
            new Finding(
                Rule.SICKNESS,
                1,
                "sickness.long",
                length,
                s.first(),
                s.last(),
                SchoolDays.plus(calendar, s.first(), longDays - 1),
                null));
      }
    }
    List<Spell> recent = spells.stream().filter(s -> !s.first().isBefore(windowStart)).toList();
    int reports = setting.value("reports");
    if (recent.size() >= reports) {
      return Optional.of(
          new Finding(
              Rule.SICKNESS,
              1,
              "sickness.reports",
              recent.size(),
              recent.get(0).first(),
              recent.get(recent.size() - 1).last(),
              recent.get(reports - 1).first(),
              null));
    }
    return Optional.empty();
  }

  /**
   * Whether the sickness signal is within reach if every partly sick day were a sick day: no more
   * reports can start in the window than there are such days in it, and counting more days as sick
   * only joins and lengthens spells. When it is not, the lesson order cannot change the outcome.
   */
  static boolean couldSignal(
      List<Day> lessonDays,
      Set<LocalDate> sick,
      Set<LocalDate> partly,
      RuleSetting setting,
      SchoolCalendar calendar,
      LocalDate today) {
    Set<LocalDate> maybe = new HashSet<>(sick);
    maybe.addAll(partly);
    LocalDate windowStart = windowStart(setting, today);
    if (maybe.stream().filter(d -> !d.isBefore(windowStart)).count() >= setting.value("reports")) {
      return true;
    }
    List<Day> sorted = lessonDays.stream().sorted(Comparator.comparing(Day::date)).toList();
    return spells(sorted, maybe, today, null).stream()
        .anyMatch(s -> SchoolDays.count(calendar, s.first(), s.last()) >= setting.value("days"));
  }

  /** The first day of the rolling window of {@code weeks} weeks that ends today. */
  static LocalDate windowStart(RuleSetting setting, LocalDate today) {
    return today.minusWeeks(setting.value("weeks")).plusDays(1);
  }
}
