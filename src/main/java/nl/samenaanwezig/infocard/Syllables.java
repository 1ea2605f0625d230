package nl.samenaanwezig.infocard;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Counts syllables the simple way readability formulas need: by vowel groups. Good enough for an
 * average over a text; single words can be off by one (Dutch "museum", English "asked").
 */
final class Syllables {
  /**
   * Dutch vowel combinations that are one sound, longest first: a group is matched greedily, so
   * "nieuw" has one syllable and "bioscoop" (i + o + oo) three.
   */
  private static final List<String> DUTCH_GROUPS =
      List.of(
          "aai", "ooi", "oei", "eeu", "ieu", "ij", "ei", "ou", "au", "ui", "oe", "ie", "eu", "aa",
          "ee", "oo", "uu");

  private Syllables() {}

  /**
   * Dutch: every vowel group is a syllable. Accents that only stress (é, è, ê, á) are ignored; a
   * diaeresis (ë, ï, ö, ü) starts a new syllable, as in "ideeën" and "coördinator". "ij" is a
   * vowel; "y" is one unless it starts a word before a vowel ("yoga"). At least one per word.
   */
  static int dutch(String word) {
    String w = stressFree(word.toLowerCase(Locale.ROOT));
    int count = 0;
    int i = 0;
    while (i < w.length()) {
      char c = w.charAt(i);
      if (isDiaeresis(c)) {
        count++;
        i++;
      } else if (isVowel(w, i)) {
        count++;
        i += groupLength(w, i);
      } else {
        i++;
      }
    }
    return Math.max(1, count);
  }

  /**
   * English: vowel groups (a, e, i, o, u, y; "y" at the start before a vowel is a consonant), minus
   * a silent final "e" ("make", "before") except after consonant + "l" ("table"). At least one.
   */
  static int english(String word) {
    String w = stressFree(word.toLowerCase(Locale.ROOT)).replaceAll("[^a-z]", "");
    int count = 0;
    boolean inGroup = false;
    for (int i = 0; i < w.length(); i++) {
      boolean vowel = isVowel(w, i);
      if (vowel && !inGroup) {
        count++;
      }
      inGroup = vowel;
    }
    int n = w.length();
    if (count > 1 && n >= 2 && w.charAt(n - 1) == 'e' && !isVowel(w, n - 2)) {
      boolean consonantLe = w.charAt(n - 2) == 'l' && n >= 3 && !isVowel(w, n - 3);
      if (!consonantLe) {
        count--;
      }
    }
    return Math.max(1, count);
  }

  private static int groupLength(String w, int i) {
    for (String group : DUTCH_GROUPS) {
      if (w.startsWith(group, i)) {
        return group.length();
      }
    }
    return 1;
  }

  private static boolean isVowel(String w, int i) {
    char c = w.charAt(i);
    if (c == 'y') {
      return !(i == 0 && w.length() > 1 && "aeiou".indexOf(w.charAt(1)) >= 0);
    }
    return "aeiou".indexOf(c) >= 0;
  }

  private static boolean isDiaeresis(char c) {
    return "äëïöü".indexOf(c) >= 0;
  }

  /**
   * Removes acute, grave and circumflex accents but keeps the diaeresis, which changes syllables.
   */
  private static String stressFree(String w) {
    StringBuilder out = new StringBuilder(w.length());
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (isDiaeresis(c)) {
        out.append(c);
      } else {
        String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        out.append(base.charAt(0));
      }
    }
    return out.toString();
  }
}
