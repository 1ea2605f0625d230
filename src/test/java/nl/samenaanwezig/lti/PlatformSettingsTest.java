package nl.samenaanwezig.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** What an administrator enters for a platform: normalised, and every fault named. */
class PlatformSettingsTest {
  private static final String MOODLE = "https://moodle.school.nl";

  private static PlatformSettings valid() {
    return new PlatformSettings(
        MOODLE,
        "client-1",
        Set.of("3"),
        MOODLE + "/mod/lti/auth.php",
        MOODLE + "/mod/lti/token.php",
        MOODLE + "/mod/lti/certs.php",
        "Moodle Voorbeeldschool",
        "Voorbeeldschool");
  }

  private static PlatformSettings with(String field, String value) {
    return with(field, value, valid().deploymentIds());
  }

  /** The valid settings with one field replaced and these deployment ids. */
  private static PlatformSettings with(String field, String value, Set<String> deploymentIds) {
    PlatformSettings v = valid();
    return new PlatformSettings(
        field.equals("issuer") ? value : v.issuer(),
        field.equals("clientId") ? value : v.clientId(),
        deploymentIds,
        field.equals("authLoginUrl") ? value : v.authLoginUrl(),
        field.equals("tokenUrl") ? value : v.tokenUrl(),
        field.equals("jwksUrl") ? value : v.jwksUrl(),
        field.equals("name") ? value : v.name(),
        field.equals("institution") ? value : v.institution());
  }

  @Test
  void validSettingsHaveNoProblems() {
    assertEquals(List.of(), valid().problems());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"moodle.school.nl", "ftp://moodle.school.nl", "https://", "not a url"})
  void issuerMustBeAnHttpUrl(String issuer) {
    assertEquals(List.of("platform.problem.issuer"), with("issuer", issuer).problems());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void clientIdIsRequired(String clientId) {
    assertEquals(List.of("platform.problem.clientId"), with("clientId", clientId).problems());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"/mod/lti/auth.php", "javascript:alert(1)"})
  void authLoginUrlMustBeAnHttpUrl(String url) {
    assertEquals(List.of("platform.problem.authLoginUrl"), with("authLoginUrl", url).problems());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/mod/lti/token.php", "mailto:x@school.nl"})
  void tokenUrlWhenGivenMustBeAnHttpUrl(String url) {
    assertEquals(List.of("platform.problem.tokenUrl"), with("tokenUrl", url).problems());
  }

  @ParameterizedTest
  @NullAndEmptySource
  void tokenUrlIsOptional(String url) {
    assertEquals(List.of(), with("tokenUrl", url).problems());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"certs.php", "file:///etc/passwd"})
  void jwksUrlMustBeAnHttpUrl(String url) {
    assertEquals(List.of("platform.problem.jwksUrl"), with("jwksUrl", url).problems());
  }

  @Test
  void plainHttpIsAcceptedForLocalPlatforms() {
    assertEquals(List.of(), with("issuer", "http://127.0.0.1:8080").problems());
  }

  @Test
  void everyProblemIsListedInFieldOrder() {
    PlatformSettings empty = new PlatformSettings(null, null, null, null, "x", null, null, null);
    assertEquals(
        List.of(
            "platform.problem.issuer",
            "platform.problem.clientId",
            "platform.problem.authLoginUrl",
            "platform.problem.tokenUrl",
            "platform.problem.jwksUrl"),
        empty.problems());
  }

  @Test
  void valuesAreTrimmed() {
    PlatformSettings s =
        new PlatformSettings(
            "  " + MOODLE + "\n",
            "\tclient-1 ",
            Set.of(" 3 ", "4"),
            " " + MOODLE + "/mod/lti/auth.php ",
            " " + MOODLE + "/mod/lti/token.php ",
            " " + MOODLE + "/mod/lti/certs.php ",
            " Moodle ",
            " School ");
    assertEquals(MOODLE, s.issuer());
    assertEquals("client-1", s.clientId());
    assertEquals(Set.of("3", "4"), s.deploymentIds());
    assertEquals(MOODLE + "/mod/lti/auth.php", s.authLoginUrl());
    assertEquals(MOODLE + "/mod/lti/token.php", s.tokenUrl());
    assertEquals(MOODLE + "/mod/lti/certs.php", s.jwksUrl());
    assertEquals("Moodle", s.name());
    assertEquals("School", s.institution());
    assertEquals(List.of(), s.problems());
  }

  @Test
  void blankDeploymentIdsAreDropped() {
    Set<String> ids = new HashSet<>(Arrays.asList("3", "", "  ", null, "3 "));
    assertEquals(Set.of("3"), with("name", "x", ids).deploymentIds());
  }

  @Test
  void deploymentIdsMayBeAbsent() {
    assertEquals(Set.of(), with("name", "x", null).deploymentIds());
  }

  @Test
  void deploymentIdsCannotBeChangedAfterwards() {
    PlatformSettings s = valid();
    assertThrows(UnsupportedOperationException.class, () -> s.deploymentIds().add("4"));
  }

  @Test
  void nameDefaultsToIssuerAndInstitutionToName() {
    PlatformSettings unnamed =
        new PlatformSettings(MOODLE, "client-1", Set.of(), MOODLE, null, MOODLE, " ", null);
    assertEquals(MOODLE, unnamed.name());
    assertEquals(MOODLE, unnamed.institution());
    assertEquals("Moodle Voorbeeldschool", with("institution", "").institution());
  }
}
