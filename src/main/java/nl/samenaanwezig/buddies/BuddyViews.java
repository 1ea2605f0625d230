package nl.samenaanwezig.buddies;

import java.util.List;
import java.util.Locale;
import nl.samenaanwezig.web.Pages;

/** How buddies' details read on a page, shared by the student's and the mentor's screens. */
public final class BuddyViews {
  private BuddyViews() {}

  /** The preferences a mentor needs before reaching out, in words. */
  public record Preferences(
      String channel,
      String language,
      boolean plainLanguage,
      List<String> times,
      boolean shiftWork) {}

  public static Preferences preferences(BuddyDetails d, Locale locale) {
    return new Preferences(
        Pages.text(locale, "channel." + d.channel().name()),
        Pages.text(locale, "language." + d.language().code()),
        d.plainLanguage(),
        times(d.availability(), locale),
        d.shiftWork());
  }

  /** "maandag: ochtend, avond" per day with at least one part. */
  public static List<String> times(Availability availability, Locale locale) {
    return Availability.DAYS.stream()
        .map(
            day -> {
              List<String> parts =
                  availability.sorted().stream()
                      .filter(s -> s.day() == day)
                      .map(s -> Pages.text(locale, "part." + s.part().name()))
                      .toList();
              return parts.isEmpty()
                  ? null
                  : Pages.text(locale, "day." + day.name()) + ": " + String.join(", ", parts);
            })
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  public static String relationship(Buddy buddy, Locale locale) {
    String relation = Pages.text(locale, "relationship." + buddy.relationship().name());
    return buddy.legalRepresentative()
        ? Pages.text(locale, "buddy.legalSuffix", relation)
        : relation;
  }
}
