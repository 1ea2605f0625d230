package nl.samenaanwezig.meetings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import nl.samenaanwezig.buddies.Availability;

/**
 * A talk's time as people agree on it: a wall-clock start in a zone (19:00 in Amsterdam stays 19:00
 * across the change to summer time) and a length. The instants follow from the zone's rules.
 */
public record SlotTime(LocalDateTime start, int minutes, ZoneId zone) {
  /** Where Dutch schools are. */
  public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

  public SlotTime {
    Objects.requireNonNull(start, "a slot starts at a time");
    Objects.requireNonNull(zone, "a slot's time is in a zone");
    if (minutes <= 0) {
      throw new IllegalArgumentException("a slot lasts some minutes");
    }
  }

  /**
   * The time, if it exists in the zone: 02:30 on the last Sunday of March is skipped by the clocks
   * and is no time at all.
   */
  public static Optional<SlotTime> existing(LocalDateTime start, int minutes, ZoneId zone) {
    return zone.getRules().getValidOffsets(start).isEmpty()
        ? Optional.empty()
        : Optional.of(new SlotTime(start, minutes, zone));
  }

  /** The start with its offset; in the autumn's repeated hour, the earlier one. */
  public ZonedDateTime zonedStart() {
    return ZonedDateTime.ofLocal(start, zone, null);
  }

  public ZonedDateTime zonedEnd() {
    return zonedStart().plusMinutes(minutes);
  }

  public Instant startsAt() {
    return zonedStart().toInstant();
  }

  public Instant endsAt() {
    return startsAt().plus(Duration.ofMinutes(minutes));
  }

  /** True when the two times share a moment (touching ends do not overlap). */
  public boolean overlaps(Instant otherStart, Instant otherEnd) {
    return startsAt().isBefore(otherEnd) && otherStart.isBefore(endsAt());
  }

  /** The weekday part a buddy ticks for this time (ochtend before 12, middag before 17, avond). */
  public Optional<Availability.Slot> dayPart() {
    int hour = start.getHour();
    Availability.Part part =
        hour < 12
            ? Availability.Part.MORNING
            : hour < 17 ? Availability.Part.AFTERNOON : Availability.Part.EVENING;
    Availability.Slot slot = new Availability.Slot(start.getDayOfWeek(), part);
    return Availability.DAYS.contains(start.getDayOfWeek()) ? Optional.of(slot) : Optional.empty();
  }

  /** The time as people read it, e.g. "dinsdag 29 september 2026, 19:00-19:20". */
  public String label(Locale locale) {
    return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale).format(start)
        + ", "
        + HOURS.format(start)
        + "\u2013"
        + HOURS.format(zonedEnd());
  }

  /** The day alone, e.g. "di 29 sep". */
  public String shortDay(Locale locale) {
    return DateTimeFormatter.ofPattern("EEE d MMM", locale).format(start);
  }

  /** The start time alone, e.g. "19:00". */
  public String hour() {
    return HOURS.format(start);
  }

  /** An evening talk (from 17:00), for buddies who work during the day. */
  public boolean evening() {
    return start.getHour() >= 17;
  }
}
