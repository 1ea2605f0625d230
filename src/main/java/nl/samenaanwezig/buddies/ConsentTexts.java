package nl.samenaanwezig.buddies;

import java.util.Locale;
import nl.samenaanwezig.web.Pages;

/**
 * The texts a student agrees to, per topic. A text never changes under its version: a new wording
 * gets a new version key, and every {@link Consent} stores the version the student saw.
 */
public final class ConsentTexts {
  /** The version of the consent texts shown now. */
  public static final String CURRENT = "consent.text.v1";

  private ConsentTexts() {}

  /** The bundle key of a topic's text in a version, e.g. {@code consent.text.v1.attendance}. */
  public static String key(String version, Topic topic) {
    return version + "." + topic.name().toLowerCase(Locale.ROOT);
  }

  /** The text of a version for a topic and buddy, in a language. */
  public static String text(String version, Topic topic, String buddyName, Locale locale) {
    return Pages.text(locale, key(version, topic), buddyName);
  }
}
