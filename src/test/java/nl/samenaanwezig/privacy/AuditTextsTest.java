package nl.samenaanwezig.privacy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The export's audit table names each line in words (export.html builds the keys from the enums):
 * every role, operation and kind of data has its text in Dutch and in English.
 */
class AuditTextsTest {

  @ParameterizedTest
  @ValueSource(strings = {"messages.properties", "messages_en.properties"})
  void everyRoleOperationAndKindOfDataHasAText(String file) throws IOException {
    Properties texts = new Properties();
    try (InputStream in = AuditTextsTest.class.getResourceAsStream("/i18n/" + file)) {
      texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    List<String> keys = new ArrayList<>();
    for (Actor.Role r : Actor.Role.values()) {
      keys.add("export.role." + r.name());
    }
    for (AuditEvent.Operation o : AuditEvent.Operation.values()) {
      keys.add("export.op." + o.name());
    }
    for (AuditEvent.DataKind k : AuditEvent.DataKind.values()) {
      keys.add("export.data." + k.name());
    }
    List<String> missing = keys.stream().filter(k -> !texts.containsKey(k)).toList();
    assertTrue(missing.isEmpty(), file + " lacks " + missing);
  }
}
