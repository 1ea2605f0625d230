package nl.samenaanwezig.attendance;

import java.util.Locale;
import java.util.Optional;

/**
 * What happened with a student in one lesson. Sickness is only ever a category (health data, AVG):
 * there is no field for a diagnosis.
 */
public enum MarkCategory {
  /** aanwezig */
  PRESENT(false, 'a'),
  /** te laat (with minutes); counts as unexcused absence for the minutes missed */
  LATE(false, 'l'),
  /** ziek */
  SICK(true, 'z'),
  /** medisch: arts, tandarts */
  MEDICAL(true, 'm'),
  /** bijzonder verlof */
  SPECIAL_LEAVE(true, 'v'),
  /** geschorst */
  SUSPENDED(true, 'g'),
  /** uit de les verwijderd */
  REMOVED(false, 'r'),
  /** ongeoorloofd afwezig */
  UNEXCUSED(false, 'o'),
  /** luxe verzuim: holiday without leave, reported at once */
  LUXURY(false, 'x');

  private final boolean excusedByDefault;
  private final char key;

  MarkCategory(boolean excusedByDefault, char key) {
    this.excusedByDefault = excusedByDefault;
    this.key = key;
  }

  /** Whether schools count it as excused (geoorloofd) unless the institution says otherwise. */
  public boolean excusedByDefault() {
    return excusedByDefault;
  }

  /**
   * Whether an institution may choose to count it as excused or not. Fixed: present is no absence
   * at all; "ongeoorloofd" says it in its name; luxe verzuim (a holiday without leave) is unexcused
   * by the Leerplichtwet; bijzonder verlof is leave the school granted under that law, so excused.
   */
  public boolean choosable() {
    return this != PRESENT && this != UNEXCUSED && this != LUXURY && this != SPECIAL_LEAVE;
  }

  /** The keyboard key that sets this mark on the registration screen. */
  public char key() {
    return key;
  }

  public boolean isAbsence() {
    return this != PRESENT && this != LATE;
  }

  /** Minutes the student was in the lesson. */
  public int attendedMinutes(int scheduled, int lateMinutes) {
    return switch (this) {
      case PRESENT -> scheduled;
      case LATE -> Math.max(0, scheduled - lateMinutes);
      default -> 0;
    };
  }

  /** Message key of the Dutch/English name. */
  public String messageKey() {
    return "mark." + name().toLowerCase(Locale.ROOT);
  }

  /** Parses a code as used in CSV files and the API (case-insensitive enum name). */
  public static Optional<MarkCategory> parse(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String normalized = code.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (MarkCategory c : values()) {
      if (c.name().equals(normalized)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
