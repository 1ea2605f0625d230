package nl.samenaanwezig.attendance.calendar;

import java.util.Locale;
import java.util.Optional;

/**
 * The three Dutch holiday regions (vakantieregio's) the government spreads the school holidays
 * over; a school's municipality decides which one it is in.
 */
public enum Region {
  NOORD,
  MIDDEN,
  ZUID;

  /** The lower-case name used in forms, the data file and the {@code school_holiday} table. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String messageKey() {
    return "calendar.region." + code();
  }

  public static Optional<Region> parse(String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (Region r : values()) {
      if (r.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
