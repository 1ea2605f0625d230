package nl.samenaanwezig.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading a platform registration in the format of lti-config/*.json. */
class PlatformJsonTest {

  @Test
  void readsTheExampleRegistration() throws IOException, ParseException {
    String json =
        Files.readString(
            Path.of("lti-config/platform-registration.example.json"), StandardCharsets.UTF_8);
    PlatformSettings s = PlatformJson.parse(json);
    assertEquals("https://moodle.school.nl", s.issuer());
    assertEquals("4XbQm7PzLr2Tn9w", s.clientId());
    assertEquals(Set.of("3"), s.deploymentIds());
    assertEquals("https://moodle.school.nl/mod/lti/auth.php", s.authLoginUrl());
    assertEquals("https://moodle.school.nl/mod/lti/token.php", s.tokenUrl());
    assertEquals("https://moodle.school.nl/mod/lti/certs.php", s.jwksUrl());
    assertEquals("Moodle Voorbeeldschool", s.name());
    assertEquals("Voorbeeldschool", s.institution());
    assertEquals(List.of(), s.problems());
  }

  @Test
  void commentMembersChangeNothing() throws ParseException {
    String plain =
        "{\"issuer\":\"https://lms.example\",\"clientId\":\"c\",\"deploymentIds\":[\"1\"],"
            + "\"authLoginUrl\":\"https://lms.example/auth\",\"jwksUrl\":\"https://lms.example/keys\"}";
    String commented =
        "{\"_comment\":\"read me\",\"issuer\":\"https://lms.example\","
            + "\"_comment_issuer\":{\"nested\":[1,2]},\"clientId\":\"c\",\"_comment_clientId\":7,"
            + "\"deploymentIds\":[\"1\"],\"_comment_deploymentIds\":null,"
            + "\"authLoginUrl\":\"https://lms.example/auth\",\"jwksUrl\":\"https://lms.example/keys\"}";
    assertEquals(PlatformJson.parse(plain), PlatformJson.parse(commented));
  }

  @Test
  void deploymentIdsAsArray() throws ParseException {
    assertEquals(
        Set.of("1", "2"),
        PlatformJson.parse("{\"deploymentIds\":[\"1\",\" 2 \"]}").deploymentIds());
  }

  @Test
  void deploymentIdsAsNumbersInAnArray() throws ParseException {
    assertEquals(Set.of("3", "4"), PlatformJson.parse("{\"deploymentIds\":[3,4]}").deploymentIds());
  }

  @Test
  void deploymentIdAsOneString() throws ParseException {
    assertEquals(Set.of("3"), PlatformJson.parse("{\"deploymentIds\":\"3\"}").deploymentIds());
  }

  @Test
  void deploymentIdsMayBeLeftOut() throws ParseException {
    assertEquals(Set.of(), PlatformJson.parse("{}").deploymentIds());
  }

  @Test
  void valuesAreTrimmedLikeTypedSettings() throws ParseException {
    PlatformSettings s =
        PlatformJson.parse("{\"issuer\":\" https://lms.example \",\"clientId\":\" c \"}");
    assertEquals("https://lms.example", s.issuer());
    assertEquals("c", s.clientId());
    assertNull(s.tokenUrl());
  }

  @Test
  void missingFieldsShowAsProblems() throws ParseException {
    assertEquals(
        List.of(
            "platform.problem.issuer",
            "platform.problem.clientId",
            "platform.problem.authLoginUrl",
            "platform.problem.jwksUrl"),
        PlatformJson.parse("{\"_comment\":\"only a comment\"}").problems());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {"not json", "issuer=https://lms.example", "[1,2]", "{\"issuer\":", "\"x\""})
  void textThatIsNoJsonObjectIsRefused(String text) {
    assertThrows(ParseException.class, () -> PlatformJson.parse(text));
  }
}
