package nl.samenaanwezig.attendance.imports;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import nl.samenaanwezig.attendance.MarkCategory;

/**
 * The status letters (acronyms) of one Moodle attendance import: mod_attendance's default set, the
 * school's own letters the mentor mapped to a category on the import form, and, while a file is
 * read, every letter it used that neither knows (with how often), so the form can ask about them.
 */
public final class StatusLetters {
  /** mod_attendance's default status set: Present, Late, Excused, Absent. */
  static final Map<String, MarkCategory> DEFAULTS =
      Map.of(
          "P", MarkCategory.PRESENT,
          "L", MarkCategory.LATE,
          "E", MarkCategory.SPECIAL_LEAVE,
          "A", MarkCategory.UNEXCUSED);

  /** More different unknown letters than this is not a school's status set but a wrong file. */
  static final int MAX_UNKNOWN = 20;

  private static final Pattern LETTER = Pattern.compile("[A-Z]{1,2}");

  private final Map<String, MarkCategory> chosen;
  private final Map<String, Integer> unknown = new TreeMap<>();

  private StatusLetters(Map<String, MarkCategory> chosen) {
    this.chosen = Map.copyOf(chosen);
  }

  /** Only mod_attendance's default letters. */
  public static StatusLetters defaults() {
    return new StatusLetters(Map.of());
  }

  /**
   * The default letters plus the school's own; each of those must be a status letter (one or two
   * letters, upper case) that is not one of the defaults.
   */
  public static StatusLetters with(Map<String, MarkCategory> chosen) {
    chosen.forEach(
        (letter, category) -> {
          Objects.requireNonNull(category, "a chosen letter needs a category");
          if (!isOwnLetter(letter)) {
            throw new IllegalArgumentException("not a school's own status letter: " + letter);
          }
        });
    return new StatusLetters(chosen);
  }

  /**
   * The choices of the import form: pairs of fields {@code letter} and {@code letterCategory} (a
   * category name); a letter left on "kies een categorie" (empty) stays unknown. Empty when the
   * pairs do not match, a letter is no own letter, or a category is unknown.
   */
  static Optional<Map<String, MarkCategory>> fromForm(
      List<String> letters, List<String> categories) {
    if (letters.size() != categories.size() || letters.size() > MAX_UNKNOWN) {
      return Optional.empty();
    }
    Map<String, MarkCategory> chosen = new TreeMap<>();
    for (int i = 0; i < letters.size(); i++) {
      String letter = normalize(letters.get(i).strip());
      String category = categories.get(i).strip();
      if (!isOwnLetter(letter)) {
        return Optional.empty();
      }
      if (!category.isEmpty()) {
        Optional<MarkCategory> parsed = MarkCategory.parse(category);
        if (parsed.isEmpty()) {
          return Optional.empty();
        }
        chosen.put(letter, parsed.get());
      }
    }
    return Optional.of(chosen);
  }

  /** A letter a school may define next to the defaults. */
  public static boolean isOwnLetter(String letter) {
    return letter != null && LETTER.matcher(letter).matches() && !DEFAULTS.containsKey(letter);
  }

  /** The letter as the export writes it, in upper case. */
  static String normalize(String letter) {
    return letter.toUpperCase(Locale.ROOT);
  }

  /** The category of a (normalized) letter, when it is a default or was chosen. */
  Optional<MarkCategory> category(String letter) {
    MarkCategory category = DEFAULTS.get(letter);
    return Optional.ofNullable(category != null ? category : chosen.get(letter));
  }

  /** Notes a letter of the file that has no category (yet). */
  void unknown(String letter) {
    if (unknown.containsKey(letter) || unknown.size() < MAX_UNKNOWN) {
      unknown.merge(letter, 1, Integer::sum);
    }
  }

  /** The letters the file used without a category, alphabetically, with how many cells. */
  public Map<String, Integer> unknown() {
    return Collections.unmodifiableMap(unknown);
  }

  /** The school's own letters chosen on the form. */
  public Map<String, MarkCategory> chosen() {
    return new HashMap<>(chosen);
  }
}
