package nl.samenaanwezig.buddies;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import nl.samenaanwezig.web.Pages;

/**
 * The answer of {@link ContactRule}: may the school contact this buddy about this topic on this
 * day, and why (not), as a message key with its arguments (dates are {@link LocalDate}).
 */
public record Decision(boolean allowed, String reasonKey, List<Object> reasonArgs) {
  public Decision {
    Objects.requireNonNull(reasonKey, "every decision has a reason");
    reasonArgs = List.copyOf(reasonArgs);
  }

  static Decision allow(String key, Object... args) {
    return new Decision(true, key, List.of(args));
  }

  static Decision deny(String key, Object... args) {
    return new Decision(false, key, List.of(args));
  }

  /** The reason in plain words in this language, dates written out (3 mei 2026). */
  public String reason(Locale locale) {
    DateTimeFormatter dates =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    Object[] args =
        reasonArgs.stream().map(a -> a instanceof LocalDate d ? dates.format(d) : a).toArray();
    return Pages.text(locale, reasonKey, args);
  }

  /**
   * True when this decision stops a contact because the student turned 18 ("toestemming nodig").
   */
  public boolean needsConsentAfterEighteen() {
    return ContactRule.TURNED_EIGHTEEN.equals(reasonKey);
  }
}
