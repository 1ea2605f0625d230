package nl.samenaanwezig.infocard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.samenaanwezig.protocol.ProtocolStep;

/**
 * What an editor sent for one language before it is stored: only the parts the editor shows, with
 * line endings made plain and outer spaces removed. {@link #problems()} names every text to fix; a
 * draft with problems is not stored at all.
 */
record Draft(CardLanguage language, Map<String, String> texts) {

  /** A fault in one part: the field, a message key and its arguments. */
  record Problem(String key, String messageKey, List<Object> args) {}

  Draft {
    Objects.requireNonNull(language, "a draft is in a language");
    texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
  }

  /**
   * Takes the fields of a form for these part keys; a field the form did not send stays as it is
   * (an empty one is removed).
   */
  static Draft of(CardLanguage language, List<String> keys, Map<String, String> form) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (String key : keys) {
      String value = form.get(key);
      if (value != null) {
        texts.put(key, value.replace("\r\n", "\n").replace('\r', '\n').strip());
      }
    }
    return new Draft(language, texts);
  }

  List<Problem> problems() {
    List<Problem> problems = new ArrayList<>();
    texts.forEach(
        (key, text) -> {
          int max = Parts.maxLength(key);
          if (text.length() > max) {
            problems.add(new Problem(key, "infocard.problem.tooLong", List.of(max, text.length())));
          }
          if (!text.isEmpty() && text.chars().anyMatch(Draft::control)) {
            problems.add(new Problem(key, "infocard.problem.control", List.of()));
          }
          ProtocolStep step = Parts.step(key).orElse(null);
          if (step != null && !text.isEmpty() && !StepTranslation.keepsNumbers(step, text)) {
            problems.add(
                new Problem(
                    key,
                    "infocard.problem.placeholders",
                    List.of(
                        String.join(
                            " ",
                            StepTranslation.placeholders(StepTranslation.source(step)).stream()
                                .map(i -> "{" + i + "}")
                                .toList()))));
          }
        });
    return problems;
  }

  private static boolean control(int c) {
    return c != '\n' && Character.isISOControl(c);
  }
}
