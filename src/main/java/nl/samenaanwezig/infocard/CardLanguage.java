package nl.samenaanwezig.infocard;

import java.util.Locale;
import java.util.Optional;

/**
 * A language a card can be in. Dutch and English are built in (the product's own texts and
 * defaults); for the others the school writes every text itself, the product never translates.
 */
public enum CardLanguage {
  NL("Nederlands", false, true),
  EN("English", false, true),
  TR("Türkçe", false, false),
  AR("العربية", true, false),
  PL("Polski", false, false),
  UK("Українська", false, false);

  private final String nativeName;
  private final boolean rightToLeft;
  private final boolean builtIn;

  CardLanguage(String nativeName, boolean rightToLeft, boolean builtIn) {
    this.nativeName = nativeName;
    this.rightToLeft = rightToLeft;
    this.builtIn = builtIn;
  }

  /** The language tag, e.g. {@code nl}, also the value stored and used in {@code ?lang=}. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Locale locale() {
    return Locale.forLanguageTag(tag());
  }

  /** The language's name in that language, as a family looks for it. */
  public String nativeName() {
    return nativeName;
  }

  /** {@code rtl} or {@code ltr}, for the {@code dir} attribute. */
  public String dir() {
    return rightToLeft ? "rtl" : "ltr";
  }

  public boolean rightToLeft() {
    return rightToLeft;
  }

  /** True when the product ships texts in this language (labels, protocol steps, defaults). */
  public boolean builtIn() {
    return builtIn;
  }

  /** The language of a tag or LTI locale ("tr", "ar-MA", "uk_UA"); unknown or empty is none. */
  public static Optional<CardLanguage> of(String tagOrLocale) {
    if (tagOrLocale == null || tagOrLocale.isBlank()) {
      return Optional.empty();
    }
    String language =
        Locale.forLanguageTag(tagOrLocale.strip().replace('_', '-'))
            .getLanguage()
            .toLowerCase(Locale.ROOT);
    for (CardLanguage l : values()) {
      if (l.tag().equals(language)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
