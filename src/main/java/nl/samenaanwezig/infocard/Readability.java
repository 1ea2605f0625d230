package nl.samenaanwezig.infocard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain-language check of a card text: a reading-ease score (Flesch-Douma for Dutch, Flesch
 * reading ease for English), the language level it suggests, and the sentences and words to change.
 *
 * <p>Formulas: Dutch {@code 206.835 - 0.93 * words/sentences - 77 * syllables/words} (Douma 1960);
 * English {@code 206.835 - 1.015 * words/sentences - 84.6 * syllables/words} (Flesch 1948).
 *
 * <p>Mapping to a CEFR level (a rule of thumb, the same bands for both languages; Dutch plain
 * language guides put B1 at about 60 and up): 70 and more A2, 60 to 70 B1, 50 to 60 B2, 30 to 50
 * C1, below 30 C2. The target is B1, so a score of {@value #TARGET} or more meets it.
 *
 * <p>Counting: a sentence ends at {@code . ! ?} before a space or the end, and at every line break
 * (so list items count as sentences). A word is a run of letters or digits, with inner hyphens and
 * apostrophes ("e-mail", "auto's"); a number ("16", "8.30") is a word of one syllable. Long
 * sentences have more than {@value #LONG_SENTENCE_WORDS} words; long words more than {@value
 * #LONG_WORD_SYLLABLES} syllables or more than {@value #LONG_WORD_LETTERS} letters.
 */
public final class Readability {
  public static final double TARGET = 60;
  static final int LONG_SENTENCE_WORDS = 15;
  static final int LONG_WORD_SYLLABLES = 4;
  static final int LONG_WORD_LETTERS = 13;

  private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(?=\\s|$)|\\R");
  private static final Pattern WORD =
      Pattern.compile("\\p{N}+(?:[.:,]\\p{N}+)*|[\\p{L}\\p{N}]+(?:['’\\-][\\p{L}\\p{N}]+)*");

  /** The languages with a formula; other card languages get no score. */
  public enum Formula {
    DUTCH(0.93, 77),
    ENGLISH(1.015, 84.6);

    private final double perSentence;
    private final double perSyllable;

    Formula(double perSentence, double perSyllable) {
      this.perSentence = perSentence;
      this.perSyllable = perSyllable;
    }

    /** The formula for a card language, if there is one. */
    public static Optional<Formula> of(CardLanguage language) {
      return switch (language) {
        case NL -> Optional.of(DUTCH);
        case EN -> Optional.of(ENGLISH);
        default -> Optional.empty();
      };
    }

    int syllables(String word) {
      if (!word.chars().anyMatch(Character::isLetter)) {
        return 1;
      }
      return this == DUTCH ? Syllables.dutch(word) : Syllables.english(word);
    }
  }

  /** A sentence over the limit: its number in the text (from 1), word count and first words. */
  public record LongSentence(int number, int words, String start) {}

  /** A word over the limit, with its syllables and letters. */
  public record LongWord(String word, int syllables, int letters) {}

  /**
   * The outcome for one text. {@code ease} is the raw formula value (it may pass 100 for very short
   * words and sentences); {@link #display()} keeps it between 0 and 100.
   */
  public record Score(
      Formula formula,
      int sentences,
      int words,
      int syllables,
      double ease,
      List<LongSentence> longSentences,
      List<LongWord> longWords) {

    public Score {
      Objects.requireNonNull(formula, "a score belongs to a formula");
      longSentences = List.copyOf(longSentences);
      longWords = List.copyOf(longWords);
    }

    public boolean empty() {
      return words == 0;
    }

    public double wordsPerSentence() {
      return sentences == 0 ? 0 : (double) words / sentences;
    }

    public double syllablesPerWord() {
      return words == 0 ? 0 : (double) syllables / words;
    }

    /** The score as people read it: rounded, from 0 to 100. */
    public int display() {
      return (int) Math.round(Math.max(0, Math.min(100, ease)));
    }

    /** The CEFR band the score suggests (see the class comment for the mapping). */
    public String level() {
      if (ease >= 70) {
        return "A2";
      }
      if (ease >= TARGET) {
        return "B1";
      }
      if (ease >= 50) {
        return "B2";
      }
      return ease >= 30 ? "C1" : "C2";
    }

    /** True when the text reads at B1 or easier. An empty text meets nothing yet. */
    public boolean meetsTarget() {
      return !empty() && ease >= TARGET;
    }
  }

  private Readability() {}

  public static Score score(String text, Formula formula) {
    String body = text == null ? "" : text;
    List<List<String>> sentences = new ArrayList<>();
    int from = 0;
    Matcher end = SENTENCE_END.matcher(body);
    while (end.find()) {
      addSentence(body.substring(from, end.start()), sentences);
      from = end.end();
    }
    addSentence(body.substring(from), sentences);

    int words = 0;
    int syllables = 0;
    List<LongSentence> longSentences = new ArrayList<>();
    List<LongWord> longWords = new ArrayList<>();
    for (int s = 0; s < sentences.size(); s++) {
      List<String> sentence = sentences.get(s);
      if (sentence.size() > LONG_SENTENCE_WORDS) {
        longSentences.add(new LongSentence(s + 1, sentence.size(), start(sentence)));
      }
      for (String word : sentence) {
        int n = formula.syllables(word);
        int letters = (int) word.chars().filter(Character::isLetter).count();
        words++;
        syllables += n;
        if ((n > LONG_WORD_SYLLABLES || letters > LONG_WORD_LETTERS)
            && longWords.stream().noneMatch(w -> w.word().equalsIgnoreCase(word))) {
          longWords.add(new LongWord(word, n, letters));
        }
      }
    }
    double ease =
        words == 0
            ? 0
            : 206.835
                - formula.perSentence * words / sentences.size()
                - formula.perSyllable * syllables / words;
    return new Score(formula, sentences.size(), words, syllables, ease, longSentences, longWords);
  }

  private static void addSentence(String part, List<List<String>> sentences) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(part);
    while (m.find()) {
      words.add(m.group());
    }
    if (!words.isEmpty()) {
      sentences.add(words);
    }
  }

  private static String start(List<String> sentence) {
    return String.join(" ", sentence.subList(0, Math.min(6, sentence.size()))) + " …";
  }
}
