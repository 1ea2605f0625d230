package nl.samenaanwezig.attendance.imports;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.samenaanwezig.attendance.MarkCategory;

/** The category words a school's file may use: our codes (PRESENT, LATE, ...) or plain Dutch. */
final class CategoryCodes {
  private static final Map<String, MarkCategory> DUTCH =
      Map.ofEntries(
          Map.entry("aanwezig", MarkCategory.PRESENT),
          Map.entry("te laat", MarkCategory.LATE),
          Map.entry("laat", MarkCategory.LATE),
          Map.entry("ziek", MarkCategory.SICK),
          Map.entry("medisch", MarkCategory.MEDICAL),
          Map.entry("bijzonder verlof", MarkCategory.SPECIAL_LEAVE),
          Map.entry("verlof", MarkCategory.SPECIAL_LEAVE),
          Map.entry("geschorst", MarkCategory.SUSPENDED),
          Map.entry("uit de les verwijderd", MarkCategory.REMOVED),
          Map.entry("verwijderd", MarkCategory.REMOVED),
          Map.entry("ongeoorloofd", MarkCategory.UNEXCUSED),
          Map.entry("ongeoorloofd afwezig", MarkCategory.UNEXCUSED),
          Map.entry("luxe verzuim", MarkCategory.LUXURY),
          Map.entry("luxe", MarkCategory.LUXURY));

  private CategoryCodes() {}

  static Optional<MarkCategory> parse(String code) {
    Optional<MarkCategory> byName = MarkCategory.parse(code);
    if (byName.isPresent() || code == null) {
      return byName;
    }
    String words = code.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ");
    return Optional.ofNullable(DUTCH.get(words));
  }
}
