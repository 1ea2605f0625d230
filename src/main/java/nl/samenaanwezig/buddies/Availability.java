package nl.samenaanwezig.buddies;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * When a buddy can be reached on school days: a set of weekday parts (Monday morning, Tuesday
 * evening, ...). Stored as a comma-separated list such as {@code MONDAY-MORNING,FRIDAY-EVENING}.
 */
public record Availability(Set<Slot> slots) {

  /** Part of a day. */
  public enum Part {
    MORNING,
    AFTERNOON,
    EVENING
  }

  /** The school days a buddy can tick. */
  public static final List<DayOfWeek> DAYS =
      List.of(
          DayOfWeek.MONDAY,
          DayOfWeek.TUESDAY,
          DayOfWeek.WEDNESDAY,
          DayOfWeek.THURSDAY,
          DayOfWeek.FRIDAY);

  /** One weekday part, e.g. Tuesday evening. */
  public record Slot(DayOfWeek day, Part part) implements Comparable<Slot> {
    private static final Comparator<Slot> ORDER =
        Comparator.comparing(Slot::day).thenComparing(Slot::part);

    /** The form and storage value, e.g. {@code TUESDAY-EVENING}. */
    public String code() {
      return day.name() + "-" + part.name();
    }

    /** The slot for a code, if it is one of the school days and parts. */
    public static Optional<Slot> of(String code) {
      String[] parts = code == null ? new String[0] : code.strip().split("-");
      if (parts.length != 2) {
        return Optional.empty();
      }
      try {
        DayOfWeek day = DayOfWeek.valueOf(parts[0]);
        return DAYS.contains(day)
            ? Optional.of(new Slot(day, Part.valueOf(parts[1])))
            : Optional.empty();
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }

    @Override
    public int compareTo(Slot other) {
      return ORDER.compare(this, other);
    }
  }

  public Availability {
    slots = Set.copyOf(new TreeSet<>(slots));
  }

  public static Availability none() {
    return new Availability(Set.of());
  }

  /** Every slot of the school week, in order (for the form's grid). */
  public static List<Slot> all() {
    List<Slot> all = new ArrayList<>();
    for (DayOfWeek day : DAYS) {
      for (Part part : Part.values()) {
        all.add(new Slot(day, part));
      }
    }
    return all;
  }

  /** The slots among these codes; unknown codes are left out (see {@link #unknown}). */
  public static Availability ofCodes(Collection<String> codes) {
    return new Availability(
        codes.stream()
            .map(Slot::of)
            .flatMap(Optional::stream)
            .collect(Collectors.toCollection(TreeSet::new)));
  }

  /** The codes among these that are no slot. */
  public static List<String> unknown(Collection<String> codes) {
    return codes.stream().filter(c -> Slot.of(c).isEmpty()).toList();
  }

  public static Availability decode(String stored) {
    if (stored == null || stored.isBlank()) {
      return none();
    }
    return ofCodes(Arrays.asList(stored.split(",")));
  }

  public String encode() {
    return sorted().stream().map(Slot::code).collect(Collectors.joining(","));
  }

  public List<Slot> sorted() {
    return new ArrayList<>(new TreeSet<>(slots));
  }

  public boolean has(String code) {
    return Slot.of(code).map(slots::contains).orElse(false);
  }

  public boolean isEmpty() {
    return slots.isEmpty();
  }
}
