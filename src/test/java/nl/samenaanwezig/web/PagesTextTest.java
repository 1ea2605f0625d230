package nl.samenaanwezig.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/**
 * {@link Pages#text} returns a text without arguments, quotes or braces as it stands: for every key
 * of both bundles that is exactly what MessageFormat makes of it, with and without arguments.
 */
class PagesTextTest {

  @Test
  void everyTextReadsAsMessageFormatWouldWriteIt() {
    int plain = 0;
    for (Locale locale : new Locale[] {Locales.DUTCH, Locales.ENGLISH}) {
      ResourceBundle bundle = Pages.bundle(locale);
      for (String key : Collections.list(bundle.getKeys())) {
        String pattern = bundle.getString(key);
        assertEquals(
            new MessageFormat(pattern, locale).format(new Object[0]),
            Pages.text(locale, key),
            locale + " " + key);
        if (pattern.indexOf('\'') < 0 && pattern.indexOf('{') < 0) {
          plain++;
        }
      }
    }
    assertTrue(plain > 100, "most texts are plain: " + plain);
  }

  @Test
  void aTextWithAnApostropheOrArgumentsStillGoesThroughMessageFormat() {
    // An apostrophe is written twice in the bundle and once on the page.
    assertEquals("Deployment ID's", Pages.text(Locales.DUTCH, "admin.col.deployments"));
    assertEquals("3,5 uur", Pages.text(Locales.DUTCH, "class.hours", 3.5));
    assertEquals("3.5 hours", Pages.text(Locales.ENGLISH, "class.hours", 3.5));
  }
}
