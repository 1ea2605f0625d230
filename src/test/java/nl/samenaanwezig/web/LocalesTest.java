package nl.samenaanwezig.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which page language an LTI locale gives: English for English, Dutch for everything else. */
class LocalesTest {

  @ParameterizedTest
  @ValueSource(strings = {"en", "en-US", "en-GB", "en_US", "EN", " en-AU ", "en-Latn-US"})
  void englishLocalesGiveEnglish(String ltiLocale) {
    assertEquals(Locales.ENGLISH, Locales.fromLti(ltiLocale));
  }

  @ParameterizedTest
  @ValueSource(strings = {"nl", "nl-NL", "nl_BE", "NL", "de-DE", "fr", "fy-NL", "x", "!!"})
  void otherLocalesGiveDutch(String ltiLocale) {
    assertEquals(Locales.DUTCH, Locales.fromLti(ltiLocale));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void missingLocaleGivesDutch(String ltiLocale) {
    assertEquals(Locales.DUTCH, Locales.fromLti(ltiLocale));
  }

  @Test
  void supportedKeepsEnglishAndFallsBackToDutch() {
    assertEquals(Locales.ENGLISH, Locales.supported(Locale.UK));
    assertEquals(Locales.ENGLISH, Locales.supported(Locale.ENGLISH));
    assertEquals(Locales.DUTCH, Locales.supported(Locale.forLanguageTag("nl-NL")));
    assertEquals(Locales.DUTCH, Locales.supported(Locale.GERMAN));
    assertEquals(Locales.DUTCH, Locales.supported(null));
  }

  @Test
  void dutchIsPlainNl() {
    assertEquals("nl", Locales.DUTCH.toLanguageTag());
    assertEquals("en", Locales.ENGLISH.toLanguageTag());
  }
}
