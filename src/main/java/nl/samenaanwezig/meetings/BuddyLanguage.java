package nl.samenaanwezig.meetings;

import java.util.Locale;
import java.util.Optional;
import nl.samenaanwezig.buddies.Buddy;
import nl.samenaanwezig.web.Locales;

/**
 * The language a buddy reads the link page and mails in: their own where the product has texts in
 * it (Dutch, English), else Dutch, said plainly at the top in Dutch with the name of the language
 * they asked for. A new language needs only its message bundle and an entry in {@link Locales}.
 */
final class BuddyLanguage {
  private BuddyLanguage() {}

  /** The page and mail language for a buddy. */
  static Locale of(Buddy buddy) {
    return Locales.supported(wanted(buddy));
  }

  /**
   * The language the buddy asked for when we have no texts in it (Turkish), else empty (also for
   * anyone who is not a buddy).
   */
  static Optional<Locale> missing(Buddy buddy) {
    if (buddy == null) {
      return Optional.empty();
    }
    Locale wanted = wanted(buddy);
    return Locales.supported(wanted).getLanguage().equals(wanted.getLanguage())
        ? Optional.empty()
        : Optional.of(wanted);
  }

  private static Locale wanted(Buddy buddy) {
    return Locale.forLanguageTag(buddy.details().language().code());
  }
}
