package nl.samenaanwezig.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.samenaanwezig.web.Locales;
import nl.samenaanwezig.web.Pages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every reason a launch can fail for has its own explanation, in Dutch and in English. */
class LaunchExceptionTest {

  @ParameterizedTest
  @EnumSource(LaunchException.Reason.class)
  void reasonIsExplainedInBothLanguages(LaunchException.Reason reason) {
    String dutch = Pages.text(Locales.DUTCH, reason.messageKey());
    String english = Pages.text(Locales.ENGLISH, reason.messageKey());
    assertFalse(dutch.isBlank(), reason.name());
    assertFalse(english.isBlank(), reason.name());
    assertFalse(dutch.equals(english), reason + " is not translated");
  }

  @ParameterizedTest
  @EnumSource(LaunchException.Reason.class)
  void reasonHasAnErrorStatus(LaunchException.Reason reason) {
    int status = reason.status();
    assertTrue(status / 100 == 4 || status == 502, reason + " " + status);
  }

  @Test
  void eachReasonHasItsOwnDutchExplanation() {
    Map<String, LaunchException.Reason> seen = new HashMap<>();
    for (LaunchException.Reason reason : LaunchException.Reason.values()) {
      LaunchException.Reason earlier =
          seen.put(Pages.text(Locales.DUTCH, reason.messageKey()), reason);
      assertEquals(null, earlier, reason + " reads the same as " + earlier);
    }
  }

  @Test
  void bundlesHoldNoExplanationWithoutReason() throws IOException {
    Set<String> reasonKeys =
        Arrays.stream(LaunchException.Reason.values())
            .map(LaunchException.Reason::messageKey)
            .collect(Collectors.toCollection(TreeSet::new));
    reasonKeys.add("launch.error.get");
    for (String bundle : new String[] {"messages", "messages_en"}) {
      Set<String> keys =
          load("/i18n/" + bundle + ".properties").stringPropertyNames().stream()
              .filter(k -> k.startsWith("launch.error."))
              .collect(Collectors.toCollection(TreeSet::new));
      assertEquals(reasonKeys, keys, bundle);
    }
  }

  @Test
  void messageNamesTheReasonAndDetailForTheLog() {
    LaunchException e = new LaunchException(LaunchException.Reason.NO_KID, "header has no kid");
    assertEquals("NO_KID: header has no kid", e.getMessage());
    assertEquals("launch.error.no_kid", e.reason().messageKey());
  }

  private static Properties load(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = LaunchExceptionTest.class.getResourceAsStream(resource)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
