package nl.samenaanwezig.home;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import nl.samenaanwezig.lti.nrps.RosterSync;
import nl.samenaanwezig.web.Pages;

/**
 * The roster line of the class page: when the roster (klassenlijst) was last read from the platform
 * (time, or date and time when not today), how old it is, whether a read failed or still runs, and
 * where the page reloads once when a read was still running as it was rendered.
 *
 * @param time the time of the last good read, null when there was none
 * @param date its date when not today, else null
 * @param age how long ago, ready to show ("3 uur"), null when there was no good read
 * @param reloadUrl the page to load once more when the running read is likely done, else null
 */
public record RosterLine(
    String time, String date, String age, boolean failing, boolean running, String reloadUrl) {

  /** Seconds the page waits before it reloads itself (unless the user stops it or acts first). */
  static final int RELOAD_AFTER_SECONDS = 4;

  /** {@link #RELOAD_AFTER_SECONDS}, for the page. */
  public int reloadAfter() {
    return RELOAD_AFTER_SECONDS;
  }

  /**
   * The line for a course's roster state; {@code reloadUrl} is only kept while a read runs, so a
   * reloaded page (which passes none) never reloads again.
   */
  static RosterLine of(
      RosterSync.Status status, Instant now, ZoneId zone, Locale locale, String reloadUrl) {
    String reload = status.running() ? reloadUrl : null;
    if (status.updatedAt().isEmpty()) {
      return new RosterLine(null, null, null, status.failing(), status.running(), reload);
    }
    Instant at = status.updatedAt().get();
    boolean today = LocalDate.ofInstant(at, zone).equals(LocalDate.ofInstant(now, zone));
    String date =
        today
            ? null
            : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(zone)
                .format(at);
    return new RosterLine(
        DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(at),
        date,
        age(Duration.between(at, now), locale),
        status.failing(),
        status.running(),
        reload);
  }

  private static String age(Duration age, Locale locale) {
    if (age.toDays() > 0) {
      return Pages.text(locale, "class.roster.age.days", age.toDays());
    }
    if (age.toHours() > 0) {
      return Pages.text(locale, "class.roster.age.hours", age.toHours());
    }
    return Pages.text(locale, "class.roster.age.minutes", Math.max(age.toMinutes(), 0));
  }
}
