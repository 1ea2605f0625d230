package nl.samenaanwezig.protocol;

import java.util.List;
import java.util.Locale;
import nl.samenaanwezig.web.Pages;

/**
 * A protocol step in words, with the institution's thresholds filled in.
 *
 * @param trigger when the step applies, for staff
 * @param forStudent the same rule as the student reads it on their own page
 */
public record StepText(
    ProtocolStep step,
    String title,
    String trigger,
    List<String> who,
    List<String> actions,
    String why,
    String forStudent) {

  public static StepText of(ProtocolStep step, RuleSetting setting, Locale locale) {
    Object[] args = step.args(setting);
    String prefix = step.keyPrefix();
    return new StepText(
        step,
        title(step, setting, locale),
        Pages.text(locale, prefix + ".trigger", args),
        step.who().stream().map(a -> Pages.text(locale, a.messageKey())).toList(),
        step.actions().stream().map(a -> Pages.text(locale, a.messageKey(), args)).toList(),
        Pages.text(locale, prefix + ".why", args),
        Pages.text(locale, prefix + ".student", args));
  }

  /** Only the title (a badge on the class page needs no more of the step's texts). */
  public static String title(ProtocolStep step, RuleSetting setting, Locale locale) {
    return Pages.text(locale, step.keyPrefix() + ".title", step.args(setting));
  }

  /** "mentor, verzuimcoördinator" */
  public String whoList() {
    return String.join(", ", who);
  }
}
