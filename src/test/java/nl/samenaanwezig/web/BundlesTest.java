package nl.samenaanwezig.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every text is in Dutch and in English: a key missing from the English bundle would show the Dutch
 * text to an English reader without anyone noticing, one missing from the Dutch bundle an error.
 */
class BundlesTest {

  @Test
  void dutchAndEnglishHaveTheSameKeysAndNoEmptyText() throws IOException {
    Properties dutch = load("/i18n/messages.properties");
    Properties english = load("/i18n/messages_en.properties");
    Set<String> onlyDutch = new TreeSet<>(dutch.stringPropertyNames());
    onlyDutch.removeAll(english.stringPropertyNames());
    Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
    onlyEnglish.removeAll(dutch.stringPropertyNames());
    assertEquals(Set.of(), onlyDutch, "not in English");
    assertEquals(Set.of(), onlyEnglish, "not in Dutch");
    for (Properties bundle : new Properties[] {dutch, english}) {
      for (String key : bundle.stringPropertyNames()) {
        assertTrue(!bundle.getProperty(key).isBlank(), key);
      }
    }
  }

  private static Properties load(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = BundlesTest.class.getResourceAsStream(resource)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
