package nl.samenaanwezig.protocol;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.samenaanwezig.attendance.SchoolCalendar;

/**
 * Turns one student's attendance in one course into signals for a day. Pure: no database, so every
 * rule can be checked on crafted days.
 *
 * @param days the student's day rows, any order; only what the rules need (see {@link Signals})
 * @param sickDays the days the student was reported sick ({@link SickDays}) in the sickness window
 * @param lateCount late arrivals in the school year so far
 * @param acks the student's acknowledgements in this course, any order
 */
record Evaluation(
    Protocol protocol,
    SchoolCalendar calendar,
    LocalDate today,
    ZoneId zone,
    Duty duty,
    List<Day> days,
    Set<LocalDate> sickDays,
    long lateCount,
    List<Acknowledgement> acks) {

  Evaluation {
    days = days.stream().sorted(Comparator.comparing(Day::date)).toList();
    sickDays = Set.copyOf(sickDays);
    acks =
        acks.stream()
            .sorted(Comparator.comparing(Acknowledgement::acknowledgedAt).reversed())
            .toList();
  }

  List<Signal> signals(long courseId, long personId) {
    List<Signal> signals = new ArrayList<>();
    for (Rule rule : Rule.values()) {
      RuleSetting setting = protocol.setting(rule);
      if (!setting.enabled() || !rule.appliesTo(duty)) {
        continue;
      }
      signal(rule, setting, courseId, personId).ifPresent(signals::add);
    }
    return signals;
  }

  private Optional<Signal> signal(Rule rule, RuleSetting setting, long courseId, long personId) {
    if (rule == Rule.LATENESS) {
      return lateness(setting, courseId, personId);
    }
    Optional<Acknowledgement> last = acks.stream().filter(a -> a.rule() == rule).findFirst();
    LocalDate restartAfter = last.map(a -> a.coveredUntil(zone)).orElse(null);
    Optional<Finding> found = find(rule, setting, restartAfter);
    if (found.isPresent()) {
      Finding f = found.get();
      return Optional.of(
          new Signal(
              courseId, personId, ProtocolStep.of(rule, f.level()), Signal.Status.OPEN, f, null));
    }
    // Counting restarted after the acknowledgement: show it as handled while it is recent.
    return last.filter(a -> !a.coveredUntil(zone).isBefore(recentFrom(rule, setting)))
        .map(
            a ->
                new Signal(
                    courseId,
                    personId,
                    ProtocolStep.of(rule, a.level()),
                    Signal.Status.HANDLED,
                    null,
                    Signal.Handling.of(a)));
  }

  /** The ladder counts per school year; an acknowledged step holds until a higher one. */
  private Optional<Signal> lateness(RuleSetting setting, long courseId, long personId) {
    int level = setting.ladderLevel(lateCount);
    if (level == 0) {
      return Optional.empty();
    }
    LocalDate yearStart = SchoolCalendar.schoolYearStart(today);
    Finding finding =
        new Finding(Rule.LATENESS, level, "lateness", lateCount, yearStart, today, null, null);
    Optional<Acknowledgement> handled =
        acks.stream()
            .filter(a -> a.rule() == Rule.LATENESS && a.level() >= level)
            .filter(a -> !a.coveredUntil(zone).isBefore(yearStart))
            .findFirst();
    return Optional.of(
        new Signal(
            courseId,
            personId,
            ProtocolStep.of(Rule.LATENESS, level),
            handled.isPresent() ? Signal.Status.HANDLED : Signal.Status.OPEN,
            finding,
            handled.map(Signal.Handling::of).orElse(null)));
  }

  private Optional<Finding> find(Rule rule, RuleSetting setting, LocalDate restartAfter) {
    return switch (rule) {
      case DUO -> UnexcusedHours.find(days, setting, calendar, today, restartAfter);
      case SICKNESS -> SickSpells.find(days, sickDays, setting, calendar, today, restartAfter);
      case RMC -> ContinuousAbsence.find(days, setting, calendar, today, restartAfter);
      case ABSENT_DAYS -> AbsentDays.find(days, setting, today, restartAfter);
      case LUXURY -> luxury(restartAfter);
      case LATENESS -> Optional.empty();
    };
  }

  /** Luxe verzuim is reported at once: any luxury lesson this school year not yet handled. */
  private Optional<Finding> luxury(LocalDate restartAfter) {
    LocalDate from = UnexcusedHours.countingStart(today, restartAfter);
    List<Day> luxury =
        days.stream()
            .filter(d -> d.luxury() > 0 && !d.date().isBefore(from) && !d.date().isAfter(today))
            .toList();
    if (luxury.isEmpty()) {
      return Optional.empty();
    }
    LocalDate first = luxury.get(0).date();
    return Optional.of(
        new Finding(
            Rule.LUXURY,
            1,
            luxury.size() == 1 ? "luxury.day" : "luxury.days",
            luxury.stream().mapToLong(Day::luxury).sum(),
            first,
            luxury.get(luxury.size() - 1).date(),
            first,
            null));
  }

  /** From which day an acknowledgement still shows as handled: the rule's own counting window. */
  private LocalDate recentFrom(Rule rule, RuleSetting setting) {
    return switch (rule) {
      case DUO, RMC -> SchoolDays.startOfLastWeeks(calendar, today, setting.value("weeks"));
      case SICKNESS -> SickSpells.windowStart(setting, today);
      case ABSENT_DAYS -> AbsentDays.windowStart(today);
      default -> SchoolDays.startOfLastWeeks(calendar, today, 4);
    };
  }
}
