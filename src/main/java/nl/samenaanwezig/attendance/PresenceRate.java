package nl.samenaanwezig.attendance;

import java.util.OptionalInt;

/** Attended minutes out of scheduled minutes: the presence figure (aanwezigheid) shown first. */
public record PresenceRate(long attendedMinutes, long scheduledMinutes) {

  public static final PresenceRate NONE = new PresenceRate(0, 0);

  /** Whole percent, rounded down so 99.6% is not shown as a full 100%; empty without lessons. */
  public OptionalInt percent() {
    if (scheduledMinutes <= 0) {
      return OptionalInt.empty();
    }
    return OptionalInt.of((int) (attendedMinutes * 100 / scheduledMinutes));
  }

  /** "92" for a spreadsheet cell, or empty without lessons. */
  public String number() {
    return percent().isPresent() ? Integer.toString(percent().getAsInt()) : "";
  }

  /** "92%" or "–" without lessons. */
  public String label() {
    return percent().isPresent() ? percent().getAsInt() + "%" : "–";
  }
}
