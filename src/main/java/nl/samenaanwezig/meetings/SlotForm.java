package nl.samenaanwezig.meetings;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The "gesprekstijden toevoegen" form as the mentor filled it in, with its problems (message keys).
 * Without a last day it is one day; without an end time it is one talk per day.
 */
public record SlotForm(
    String firstDay,
    String lastDay,
    List<String> weekdays,
    String from,
    String until,
    String minutes,
    String breakMinutes,
    String pauseFrom,
    String pauseUntil,
    String location,
    String details,
    String capacity,
    String guardHours,
    List<String> problems) {

  public static final int MAX_DAYS = 92;
  public static final LocalTime EARLIEST = LocalTime.of(7, 0);
  public static final LocalTime LATEST_END = LocalTime.of(23, 0);

  /** A checked form: the plan and where, how many, and the guard time. */
  public record Checked(
      SlotPlan plan, LocationKind location, String details, int capacity, Duration guard) {}

  public static SlotForm empty(LocalDate today) {
    return new SlotForm(
        today.plusDays(7).toString(),
        "",
        List.of(),
        "19:00",
        "21:00",
        "20",
        "5",
        "",
        "",
        LocationKind.ROOM.name(),
        "",
        "1",
        String.valueOf(Slot.DEFAULT_GUARD.toHours()),
        List.of());
  }

  public static SlotForm parse(MultivaluedMap<String, String> form, LocalDate today) {
    List<String> days = form.get("weekday") == null ? List.of() : List.copyOf(form.get("weekday"));
    SlotForm typed =
        new SlotForm(
            text(form, "firstDay"),
            text(form, "lastDay"),
            days,
            text(form, "from"),
            text(form, "until"),
            text(form, "minutes"),
            text(form, "breakMinutes"),
            text(form, "pauseFrom"),
            text(form, "pauseUntil"),
            text(form, "location"),
            text(form, "details"),
            text(form, "capacity"),
            text(form, "guardHours"),
            List.of());
    return typed.withProblems(typed.check(today));
  }

  private SlotForm withProblems(List<String> found) {
    return new SlotForm(
        firstDay,
        lastDay,
        weekdays,
        from,
        until,
        minutes,
        breakMinutes,
        pauseFrom,
        pauseUntil,
        location,
        details,
        capacity,
        guardHours,
        List.copyOf(found));
  }

  private List<String> check(LocalDate today) {
    List<String> found = new ArrayList<>();
    Optional<LocalDate> first = date(firstDay);
    Optional<LocalDate> last = lastDay.isEmpty() ? first : date(lastDay);
    if (first.isEmpty() || first.get().isBefore(today)) {
      found.add("slot.problem.firstDay");
    }
    if (last.isEmpty()
        || (first.isPresent() && last.get().isBefore(first.get()))
        || (first.isPresent() && ChronoUnit.DAYS.between(first.get(), last.get()) >= MAX_DAYS)) {
      found.add("slot.problem.lastDay");
    }
    if (!lastDay.isEmpty() && weekdaySet().isEmpty()) {
      found.add("slot.problem.weekdays");
    }
    Optional<LocalTime> start = time(from);
    Optional<LocalTime> end = until.isEmpty() ? Optional.empty() : time(until);
    Optional<Integer> length = number(minutes, 5, 240);
    if (start.isEmpty() || start.get().isBefore(EARLIEST)) {
      found.add("slot.problem.from");
    }
    if (length.isEmpty()) {
      found.add("slot.problem.minutes");
    }
    if (!until.isEmpty()
        && (end.isEmpty()
            || end.get().isAfter(LATEST_END)
            || (start.isPresent() && !end.get().isAfter(start.get())))) {
      found.add("slot.problem.until");
    }
    if (until.isEmpty()
        && start.isPresent()
        && length.isPresent()
        && start.get().plusMinutes(length.get()).isAfter(LATEST_END)) {
      found.add("slot.problem.until");
    }
    if (!breakMinutes.isEmpty() && number(breakMinutes, 0, 120).isEmpty()) {
      found.add("slot.problem.break");
    }
    if (!pauseFrom.isEmpty() || !pauseUntil.isEmpty()) {
      Optional<LocalTime> ps = time(pauseFrom);
      Optional<LocalTime> pe = time(pauseUntil);
      if (ps.isEmpty() || pe.isEmpty() || !pe.get().isAfter(ps.get())) {
        found.add("slot.problem.pause");
      }
    }
    Optional<LocationKind> kind = LocationKind.of(location);
    if (kind.isEmpty()) {
      found.add("slot.problem.location");
    } else {
      kind.get().problemWith(details).ifPresent(found::add);
    }
    if (number(capacity, 1, 20).isEmpty()) {
      found.add("slot.problem.capacity");
    }
    if (number(guardHours, 0, 336).isEmpty()) {
      found.add("slot.problem.guard");
    }
    return found;
  }

  /** The checked input, when the form has no problems. */
  public Optional<Checked> checked() {
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    LocalDate first = date(firstDay).orElseThrow();
    LocalDate last = lastDay.isEmpty() ? first : date(lastDay).orElseThrow();
    Set<DayOfWeek> days = lastDay.isEmpty() ? Set.of(first.getDayOfWeek()) : weekdaySet();
    SlotPlan plan =
        new SlotPlan(
            first,
            last,
            days,
            time(from).orElseThrow(),
            until.isEmpty() ? null : time(until).orElseThrow(),
            number(minutes, 5, 240).orElseThrow(),
            breakMinutes.isEmpty() ? 0 : number(breakMinutes, 0, 120).orElseThrow(),
            pauseFrom.isEmpty() ? null : time(pauseFrom).orElseThrow(),
            pauseUntil.isEmpty() ? null : time(pauseUntil).orElseThrow());
    return Optional.of(
        new Checked(
            plan,
            LocationKind.of(location).orElseThrow(),
            details,
            number(capacity, 1, 20).orElseThrow(),
            Duration.ofHours(number(guardHours, 0, 336).orElseThrow())));
  }

  /** For the form's checkboxes. */
  public boolean hasWeekday(String day) {
    return weekdays.contains(day);
  }

  private Set<DayOfWeek> weekdaySet() {
    Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
    for (String d : weekdays) {
      try {
        set.add(DayOfWeek.valueOf(d));
      } catch (IllegalArgumentException e) {
        // An unknown day is ignored; an empty set is reported.
      }
    }
    return set;
  }

  private static Optional<LocalDate> date(String value) {
    try {
      return Optional.of(LocalDate.parse(value));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<LocalTime> time(String value) {
    try {
      return Optional.of(LocalTime.parse(value)).map(t -> t.truncatedTo(ChronoUnit.MINUTES));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Integer> number(String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      return n >= min && n <= max ? Optional.of(n) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String text(MultivaluedMap<String, String> form, String name) {
    String v = form.getFirst(name);
    return v == null ? "" : v.strip();
  }
}
