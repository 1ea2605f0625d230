package nl.samenaanwezig.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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

  /** Literal keys only; keys put together from a prefix and a value are checked where they are. */
  @Test
  void everyKeyATemplateOrTheCodeNamesExists() throws IOException {
    Set<String> keys = load("/i18n/messages.properties").stringPropertyNames();
    Pattern inTemplate = Pattern.compile("#\\{([A-Za-z0-9_.]+)\\s*[}(]");
    Pattern inCode =
        Pattern.compile("Pages\\.text\\(\\s*[a-zA-Z().]+,\\s*\"([A-Za-z0-9_.]+)\"\\s*[,)]");
    Set<String> missing = new TreeSet<>();
    for (Path root : List.of(Path.of("src/main/resources/templates"), Path.of("src/main/java"))) {
      List<Path> files;
      try (Stream<Path> all = Files.walk(root)) {
        files = all.filter(Files::isRegularFile).toList();
      }
      assertTrue(files.size() > 10, "found the sources under " + root);
      for (Path file : files) {
        Matcher m =
            (file.toString().endsWith(".html") ? inTemplate : inCode)
                .matcher(Files.readString(file));
        while (m.find()) {
          if (!m.group(1).endsWith(".") && !keys.contains(m.group(1))) {
            missing.add(file.getFileName() + ": " + m.group(1));
          }
        }
      }
    }
    assertEquals(Set.of(), missing);
  }

  private static Properties load(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = BundlesTest.class.getResourceAsStream(resource)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
