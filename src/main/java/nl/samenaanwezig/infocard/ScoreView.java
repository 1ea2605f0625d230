package nl.samenaanwezig.infocard;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.samenaanwezig.web.Pages;

/**
 * The plain-language check of one text as the editor shows it, in the editor's language: the score
 * line, whether it reaches B1, and what to change. The page shows it at first; the editor's script
 * fetches the same as JSON while the text is typed.
 *
 * @param available false for languages without a formula
 */
public record ScoreView(
    boolean available,
    boolean ok,
    Integer score,
    String level,
    String line,
    String counts,
    List<String> advice) {

  /** Sentences longer than this on average get the advice to shorten them. */
  static final double ADVISE_WORDS_PER_SENTENCE = 12;

  /** Words longer than this on average (syllables) get the advice to choose shorter ones. */
  static final double ADVISE_SYLLABLES_PER_WORD = 1.5;

  private static final int MAX_LONG_WORDS = 10;

  public ScoreView {
    advice = List.copyOf(advice);
  }

  static ScoreView of(CardLanguage language, String text, Locale viewer) {
    var formula = Readability.Formula.of(language);
    if (formula.isEmpty()) {
      return new ScoreView(
          false, false, null, null, Pages.text(viewer, "infocard.score.none"), null, List.of());
    }
    Readability.Score s = Readability.score(text, formula.get());
    if (s.empty()) {
      return new ScoreView(
          true, false, null, null, Pages.text(viewer, "infocard.score.empty"), null, List.of());
    }
    String line =
        Pages.text(viewer, "infocard.score.value", s.display(), s.level())
            + " "
            + Pages.text(viewer, s.meetsTarget() ? "infocard.score.ok" : "infocard.score.notOk");
    String counts =
        Pages.text(
            viewer,
            "infocard.score.counts",
            s.sentences(),
            s.words(),
            round(s.wordsPerSentence(), 1),
            round(s.syllablesPerWord(), 2));
    List<String> advice = new ArrayList<>();
    for (Readability.LongSentence ls : s.longSentences()) {
      advice.add(
          Pages.text(viewer, "infocard.advice.longSentence", ls.number(), ls.words(), ls.start()));
    }
    s.longWords().stream()
        .limit(MAX_LONG_WORDS)
        .forEach(w -> advice.add(Pages.text(viewer, "infocard.advice.longWord", w.word())));
    if (!s.meetsTarget() && s.wordsPerSentence() > ADVISE_WORDS_PER_SENTENCE) {
      advice.add(Pages.text(viewer, "infocard.advice.sentences", round(s.wordsPerSentence(), 1)));
    }
    if (!s.meetsTarget() && s.syllablesPerWord() > ADVISE_SYLLABLES_PER_WORD) {
      advice.add(Pages.text(viewer, "infocard.advice.words", round(s.syllablesPerWord(), 2)));
    }
    return new ScoreView(true, s.meetsTarget(), s.display(), s.level(), line, counts, advice);
  }

  JsonObject json() {
    JsonObjectBuilder o = Json.createObjectBuilder().add("available", available).add("ok", ok);
    if (score != null) {
      o.add("score", score).add("level", level);
    } else {
      o.addNull("score").addNull("level");
    }
    o.add("line", line);
    if (counts != null) {
      o.add("counts", counts);
    } else {
      o.addNull("counts");
    }
    JsonArrayBuilder a = Json.createArrayBuilder();
    advice.forEach(a::add);
    return o.add("advice", a).build();
  }

  private static double round(double value, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(value * f) / f;
  }
}
