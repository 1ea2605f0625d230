package nl.samenaanwezig.infocard;

import java.util.Locale;

/**
 * A fixed heading or caption of the card. Dutch and English come with the product; a school that
 * adds another language translates these too, so no family sees Dutch headings above its text.
 */
public enum Label {
  TITLE,
  RULES,
  REPORT,
  MENTOR,
  PROTOCOL,
  HELP,
  PHONE,
  CHANGED,
  SCAN;

  static final int MAX_LENGTH = 80;

  /** The value stored in {@code infocard_text.section}: {@code label.title}. */
  public String key() {
    return "label." + name().toLowerCase(Locale.ROOT);
  }

  /** The bundle key of the built-in Dutch and English text. */
  public String messageKey() {
    return "infocard." + key();
  }
}
