package nl.samenaanwezig.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.samenaanwezig.lti.Platforms;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing registrations from files, the way a new installation gets its first platform. */
class PlatformImportTest {
  static ToolServer tool;
  static Platforms platforms;

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
    platforms = new Platforms(tool.db(), java.time.Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    tool.close();
  }

  @Test
  void importsTheExampleRegistrationFromLtiConfig() throws Exception {
    List<PlatformImport.Refusal> refusals =
        PlatformImport.importPath(
            Path.of("lti-config/platform-registration.example.json"), platforms);
    assertEquals(List.of(), refusals);
    assertEquals(
        1, tool.count("SELECT COUNT(*) FROM platform WHERE issuer = 'https://moodle.school.nl'"));
  }

  @Test
  void importsEveryJsonFileOfAFolderAndNamesTheBadOnes(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("a.json"),
        """
        {"issuer": "https://a.example", "clientId": "a", "deploymentIds": ["1"],
         "authLoginUrl": "https://a.example/auth", "jwksUrl": "https://a.example/jwks"}
        """);
    Files.writeString(dir.resolve("b.json"), "{\"issuer\": \"https://b.example\"}");
    Files.writeString(dir.resolve("c.json"), "not json");
    Files.writeString(dir.resolve("notes.txt"), "ignored");
    List<PlatformImport.Refusal> refusals = PlatformImport.importPath(dir, platforms);
    assertEquals(2, refusals.size());
    assertTrue(refusals.get(0).problems().contains("platform.problem.clientId"));
    assertEquals(List.of("admin.import.notJson"), refusals.get(1).problems());
    assertEquals(1, tool.count("SELECT COUNT(*) FROM platform WHERE issuer = 'https://a.example'"));
    assertEquals(0, tool.count("SELECT COUNT(*) FROM platform WHERE issuer = 'https://b.example'"));
  }

  @Test
  void reimportUpdatesInsteadOfDuplicating(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("m.json");
    String json =
        """
        {"issuer": "https://m.example", "clientId": "m", "deploymentIds": ["%s"],
         "authLoginUrl": "https://m.example/auth", "jwksUrl": "https://m.example/jwks"}
        """;
    Files.writeString(file, json.formatted("1"));
    PlatformImport.importPath(file, platforms);
    Files.writeString(file, json.formatted("2"));
    PlatformImport.importPath(file, platforms);
    assertEquals(1, tool.count("SELECT COUNT(*) FROM platform WHERE issuer = 'https://m.example'"));
    assertEquals(
        2,
        tool.count(
            "SELECT COUNT(*) FROM platform_deployment d JOIN platform p ON d.platform_id = p.id"
                + " WHERE p.issuer = 'https://m.example'"));
  }
}
