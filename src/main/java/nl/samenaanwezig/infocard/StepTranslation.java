package nl.samenaanwezig.infocard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenaanwezig.protocol.Parameter;
import nl.samenaanwezig.protocol.ProtocolStep;
import nl.samenaanwezig.protocol.Rule;
import nl.samenaanwezig.protocol.RuleSetting;
import nl.samenaanwezig.web.Locales;
import nl.samenaanwezig.web.Pages;

/**
 * A verzuimprotocol step in a language the product does not ship: the school translates the Dutch
 * sentence once and keeps {@code {0}}, {@code {1}}, ... where the institution's numbers go, so a
 * changed threshold changes the card in every language without anyone typing it again.
 */
final class StepTranslation {
  static final int MAX_LENGTH = 400;
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");
  private static final Object[] MARKERS = {"{0}", "{1}", "{2}", "{3}"};

  private StepTranslation() {}

  /** Every step of every rule, in protocol order: what a full translation covers. */
  static List<ProtocolStep> allSteps() {
    List<ProtocolStep> steps = new ArrayList<>();
    for (Rule rule : Rule.values()) {
      for (int level = 1; level <= rule.levels(); level++) {
        steps.add(ProtocolStep.of(rule, level));
      }
    }
    return steps;
  }

  /** The value stored in {@code infocard_text.section}: {@code step.lateness.2}. */
  static String key(ProtocolStep step) {
    return "step." + step.rule().key() + "." + step.level();
  }

  /** The Dutch student sentence with its placeholders left in: what the translator sees. */
  static String source(ProtocolStep step) {
    return Pages.text(Locales.DUTCH, step.keyPrefix() + ".student", MARKERS);
  }

  /** The placeholders a text uses, e.g. [0, 1]. */
  static Set<Integer> placeholders(String text) {
    Set<Integer> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(Integer.parseInt(m.group(1)));
    }
    return found;
  }

  /** True when a translation keeps exactly the placeholders of the Dutch sentence. */
  static boolean keepsNumbers(ProtocolStep step, String translation) {
    return placeholders(source(step)).equals(placeholders(translation));
  }

  /** A translation with the institution's numbers in place of its placeholders. */
  static String fill(String translation, Object[] args) {
    Matcher m = PLACEHOLDER.matcher(translation);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int i = Integer.parseInt(m.group(1));
      String value = i < args.length ? String.valueOf(args[i]) : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * What each placeholder of a step stands for, with today's value: "{0} = Stap 1, gesprek met de
   * mentor: keer te laat (nu 3)".
   */
  static List<String> legend(ProtocolStep step, RuleSetting setting, java.util.Locale locale) {
    List<String> lines = new ArrayList<>();
    Object[] args = step.args(setting);
    List<Parameter> params = step.rule().parameters();
    for (int i : placeholders(source(step))) {
      Parameter p = step.rule() == Rule.LATENESS ? params.get(step.level() - 1) : params.get(i);
      lines.add(
          Pages.text(
              locale,
              "infocard.edit.placeholder",
              "{" + i + "}",
              Pages.text(locale, setting.label(p)),
              String.valueOf(args[i])));
    }
    return lines;
  }
}
