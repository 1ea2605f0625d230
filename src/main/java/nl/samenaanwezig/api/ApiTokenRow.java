package nl.samenaanwezig.api;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** An API token as the settings page lists it, with dates in the school's time zone. */
public record ApiTokenRow(
    long id, String name, String created, String lastUsed, boolean active, String revoked) {
  private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");

  static ApiTokenRow of(ApiToken token, Locale locale) {
    DateTimeFormatter when =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(SCHOOL_ZONE);
    return new ApiTokenRow(
        token.id(),
        token.name(),
        format(when, token.createdAt()),
        format(when, token.lastUsedAt()),
        token.active(),
        format(when, token.revokedAt()));
  }

  private static String format(DateTimeFormatter when, Instant at) {
    return at == null ? null : when.format(at);
  }
}
