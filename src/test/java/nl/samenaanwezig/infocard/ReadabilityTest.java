package nl.samenaanwezig.infocard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nl.samenaanwezig.infocard.Readability.Formula;
import nl.samenaanwezig.web.Locales;
import nl.samenaanwezig.web.Pages;
import org.junit.jupiter.api.Test;

/** The plain-language check on fixed texts whose counts and scores were worked out by hand. */
class ReadabilityTest {

  @Test
  void countsDutchSyllablesByVowelGroups() {
    Map<String, Integer> words =
        Map.ofEntries(
            Map.entry("school", 1),
            Map.entry("negen", 2),
            Map.entry("nieuw", 1),
            Map.entry("mooi", 1),
            Map.entry("mijn", 1),
            Map.entry("uitleggen", 3),
            Map.entry("bioscoop", 3),
            Map.entry("situatie", 4),
            Map.entry("ideeën", 3),
            Map.entry("België", 3),
            Map.entry("coördinator", 5),
            Map.entry("één", 1),
            Map.entry("yoga", 2),
            Map.entry("leerplichtambtenaar", 5),
            Map.entry("ongeoorloofd", 4),
            Map.entry("onderwijsinstelling", 6));
    words.forEach((word, n) -> assertEquals(n, Syllables.dutch(word), word));
  }

  @Test
  void countsEnglishSyllablesWithoutSilentE() {
    Map<String, Integer> words =
        Map.ofEntries(
            Map.entry("make", 1),
            Map.entry("the", 1),
            Map.entry("free", 1),
            Map.entry("whole", 1),
            Map.entry("table", 2),
            Map.entry("before", 2),
            Map.entry("school", 1),
            Map.entry("you", 1),
            Map.entry("yes", 1),
            Map.entry("eight", 1),
            Map.entry("happy", 2),
            Map.entry("reading", 2),
            Map.entry("attendance", 3));
    words.forEach((word, n) -> assertEquals(n, Syllables.english(word), word));
  }

  /**
   * Ben(1) je(1) ziek(1)? Bel(1) dan(1) voor(1) half(1) ne-gen(2) naar(1) school(1): 2 sentences,
   * 10 words, 11 syllables; 206.835 - 0.93 * 5 - 77 * 1.1 = 117.485.
   */
  @Test
  void scoresAnEasyDutchTextWithFleschDouma() {
    Readability.Score s =
        Readability.score("Ben je ziek? Bel dan voor half negen naar school.", Formula.DUTCH);
    assertEquals(2, s.sentences());
    assertEquals(10, s.words());
    assertEquals(11, s.syllables());
    assertEquals(117.485, s.ease(), 1e-9);
    assertEquals(100, s.display());
    assertEquals("A2", s.level());
    assertTrue(s.meetsTarget());
    assertEquals(List.of(), s.longSentences());
    assertEquals(List.of(), s.longWords());
  }

  /**
   * One sentence of 15 words and 37 syllables (leer-plicht-amb-te-naar 5, on-der-zoekt 3,
   * on-ge-oor-loofd 4, ver-zuim 2, con-tact 2, ver-zuim-co-ör-di-na-tor 7, on-der-wijs-in-stel-ling
   * 6, eight words of 1): 206.835 - 0.93 * 15 - 77 * 37 / 15 = 2.951666...
   */
  @Test
  void scoresAHardDutchTextAndFlagsItsLongWords() {
    Readability.Score s =
        Readability.score(
            "De leerplichtambtenaar onderzoekt ongeoorloofd verzuim en neemt contact op met de"
                + " verzuimcoördinator van de onderwijsinstelling.",
            Formula.DUTCH);
    assertEquals(1, s.sentences());
    assertEquals(15, s.words());
    assertEquals(37, s.syllables());
    assertEquals(206.835 - 13.95 - 77.0 * 37 / 15, s.ease(), 1e-9);
    assertEquals(3, s.display());
    assertEquals("C2", s.level());
    assertFalse(s.meetsTarget());
    // 15 words is the limit, not over it.
    assertEquals(List.of(), s.longSentences());
    assertEquals(
        List.of(
            new Readability.LongWord("leerplichtambtenaar", 5, 19),
            new Readability.LongWord("verzuimcoördinator", 7, 18),
            new Readability.LongWord("onderwijsinstelling", 6, 19)),
        s.longWords());
  }

  /**
   * Are(1) you(1) ill(1)? Call(1) the(1) school(1) be-fore(2) half(1) past(1) eight(1): 2
   * sentences, 10 words, 11 syllables; 206.835 - 1.015 * 5 - 84.6 * 1.1 = 108.7.
   */
  @Test
  void scoresAnEnglishTextWithFleschReadingEase() {
    Readability.Score s =
        Readability.score("Are you ill? Call the school before half past eight.", Formula.ENGLISH);
    assertEquals(2, s.sentences());
    assertEquals(10, s.words());
    assertEquals(11, s.syllables());
    assertEquals(108.7, s.ease(), 1e-9);
    assertTrue(s.meetsTarget());
  }

  @Test
  void flagsASentenceOfSixteenWords() {
    Readability.Score s =
        Readability.score(
            "Als je ziek bent bel je de school of je mentor voor de eerste les begint.",
            Formula.DUTCH);
    assertEquals(
        List.of(new Readability.LongSentence(1, 16, "Als je ziek bent bel je …")),
        s.longSentences());
  }

  /** Every line is a sentence (lists need no full stops); a time is one word of one syllable. */
  @Test
  void countsLinesAsSentencesAndNumbersAsOneSyllable() {
    Readability.Score s =
        Readability.score("Bel voor 8.30 uur\n- ziek\n- te laat\n\nDank je.", Formula.DUTCH);
    assertEquals(4, s.sentences());
    assertEquals(9, s.words());
    assertEquals(9, s.syllables());
  }

  @Test
  void emptyTextHasNoScoreAndMeetsNothing() {
    Readability.Score s = Readability.score("  \n ", Formula.DUTCH);
    assertTrue(s.empty());
    assertEquals(0, s.sentences());
    assertFalse(s.meetsTarget());
  }

  /** The mapping of the class comment: 70+ A2, 60 B1 (target), 50 B2, 30 C1, below C2. */
  @Test
  void mapsScoresToLevels() {
    assertEquals("A2", score(70).level());
    assertEquals("B1", score(69.9).level());
    assertEquals("B1", score(60).level());
    assertTrue(score(60).meetsTarget());
    assertEquals("B2", score(59.9).level());
    assertFalse(score(59.9).meetsTarget());
    assertEquals("C1", score(30).level());
    assertEquals("C2", score(29.9).level());
  }

  /** The product's own starting texts must reach the level it asks of schools. */
  @Test
  void builtInCardTextsReachB1() {
    for (Section section : List.of(Section.RULES, Section.REPORT, Section.HELP)) {
      Readability.Score nl =
          Readability.score(Pages.text(Locales.DUTCH, section.defaultKey()), Formula.DUTCH);
      Readability.Score en =
          Readability.score(Pages.text(Locales.ENGLISH, section.defaultKey()), Formula.ENGLISH);
      assertTrue(nl.meetsTarget() && nl.longSentences().isEmpty(), section + " nl: " + nl);
      assertTrue(en.meetsTarget() && en.longSentences().isEmpty(), section + " en: " + en);
    }
  }

  @Test
  void explainsInPlainWordsWhatToChange() {
    ScoreView view =
        ScoreView.of(
            CardLanguage.NL,
            "De leerplichtambtenaar onderzoekt ongeoorloofd verzuim en neemt contact op met de"
                + " verzuimcoördinator van de onderwijsinstelling.",
            Locales.DUTCH);
    assertEquals(
        "Leesbaarheid: 3 van 100, ongeveer taalniveau C2. Nog te moeilijk voor B1. Het doel is 60"
            + " of meer.",
        view.line());
    assertTrue(
        view.advice()
            .contains(
                "\u201eleerplichtambtenaar\u201d is een lang woord. Kies een korter woord, of leg"
                    + " het uit."),
        view.advice().toString());
    assertTrue(
        view.advice()
            .contains(
                "Maak de zinnen korter. Ze hebben nu gemiddeld 15 woorden. Probeer 10 tot 12."),
        view.advice().toString());
    assertEquals(
        "Voor deze taal heeft Samen Aanwezig geen leesbaarheidsmeter. Laat de tekst nalezen door"
            + " iemand die de taal goed kent.",
        ScoreView.of(CardLanguage.TR, "Hasta misin?", Locales.DUTCH).line());
  }

  private static Readability.Score score(double ease) {
    return new Readability.Score(Formula.DUTCH, 1, 1, 1, ease, List.of(), List.of());
  }
}
