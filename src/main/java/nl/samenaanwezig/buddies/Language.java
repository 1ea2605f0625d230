package nl.samenaanwezig.buddies;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The language a buddy prefers; the ones schools meet most (Dutch first). */
public enum Language {
  NL,
  EN,
  TR,
  AR,
  PL,
  UK;

  /** The ISO 639-1 code, as stored. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The language for a stored or posted code. */
  public static Optional<Language> of(String code) {
    return Arrays.stream(values()).filter(l -> l.code().equals(code)).findFirst();
  }
}
