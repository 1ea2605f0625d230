package nl.samenaanwezig.infocard;

import java.util.List;

/**
 * One text box of a card editor: what to write (label, hint, the Dutch source of a translation and
 * what its placeholders stand for), the text, its length limit and problem, and its readability.
 *
 * @param score null for short fields that get no score (headings)
 */
public record EditorField(
    String key,
    String label,
    String hint,
    String value,
    int maxLength,
    String source,
    List<String> legend,
    ScoreView score,
    String problem,
    int rows) {

  public EditorField {
    legend = List.copyOf(legend);
  }

  /** A form field id without the dots of keys like {@code step.lateness.1}. */
  public String id() {
    return "f-" + key.replace('.', '-');
  }
}
