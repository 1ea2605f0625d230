package nl.samenaanwezig.infocard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.samenaanwezig.protocol.ProtocolStep;

/**
 * Which texts make up a card in a language: in Dutch and English only the school's own sections; in
 * any other language also the headings and the protocol steps, which the school translates.
 */
final class Parts {
  private Parts() {}

  /** The section keys an administrator fills in for this language, in card order. */
  static List<String> institution(CardLanguage language) {
    List<String> keys = new ArrayList<>();
    for (Section s : Section.values()) {
      if (s.forInstitution()) {
        keys.add(s.key());
      }
    }
    if (!language.builtIn()) {
      for (Label l : Label.values()) {
        keys.add(l.key());
      }
      for (ProtocolStep step : StepTranslation.allSteps()) {
        keys.add(StepTranslation.key(step));
      }
    }
    return keys;
  }

  /** The section keys a mentor fills in for their course. */
  static List<String> course() {
    List<String> keys = new ArrayList<>();
    for (Section s : Section.values()) {
      if (s.forCourse()) {
        keys.add(s.key());
      }
    }
    return keys;
  }

  /** True when a stored key is part of the institution's card in this language. */
  static boolean counts(CardLanguage language, String key) {
    return institution(language).contains(key);
  }

  static Optional<Section> section(String key) {
    for (Section s : Section.values()) {
      if (s.key().equals(key)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  static Optional<ProtocolStep> step(String key) {
    return StepTranslation.allSteps().stream()
        .filter(s -> StepTranslation.key(s).equals(key))
        .findFirst();
  }

  /** The most characters a part may have, so the card stays one printed side. */
  static int maxLength(String key) {
    if (key.startsWith("label.")) {
      return Label.MAX_LENGTH;
    }
    if (key.startsWith("step.")) {
      return StepTranslation.MAX_LENGTH;
    }
    return section(key).map(Section::maxLength).orElse(0);
  }
}
