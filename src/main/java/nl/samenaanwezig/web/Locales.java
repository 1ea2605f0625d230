package nl.samenaanwezig.web;

import java.util.Locale;

/** The page languages: Dutch first, English second; anything else falls back to Dutch. */
public final class Locales {
  public static final Locale DUTCH = Locale.forLanguageTag("nl");
  public static final Locale ENGLISH = Locale.ENGLISH;

  private Locales() {}

  /** The language for an LTI locale such as "nl-NL", "en_US" or null. */
  public static Locale fromLti(String ltiLocale) {
    if (ltiLocale == null || ltiLocale.isBlank()) {
      return DUTCH;
    }
    return supported(Locale.forLanguageTag(ltiLocale.strip().replace('_', '-')));
  }

  public static Locale supported(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : DUTCH;
  }
}
