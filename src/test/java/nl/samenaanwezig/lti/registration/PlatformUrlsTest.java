package nl.samenaanwezig.lti.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The address rules of dynamic registration, without a network. */
class PlatformUrlsTest {
  private static final URI MOODLE = URI.create("https://moodle.school.nl");
  private static final URI MOODLE_IN_FOLDER = URI.create("https://www.school.nl/moodle");

  @Test
  void configurationUnderTheIssuerIsAccepted() {
    assertTrue(
        PlatformUrls.isUnder(
            URI.create("https://moodle.school.nl/mod/lti/openid-configuration.php"), MOODLE));
    assertTrue(
        PlatformUrls.isUnder(
            URI.create("https://www.school.nl/moodle/mod/lti/openid-configuration.php"),
            MOODLE_IN_FOLDER));
    assertTrue(
        PlatformUrls.isUnder(
            URI.create("https://MOODLE.school.nl:443/mod/lti/openid-configuration.php"), MOODLE));
  }

  @Test
  void lookAlikeHostIsRefused() {
    assertFalse(
        PlatformUrls.isUnder(
            URI.create("https://moodle.school.nl.evil.example/mod/lti/openid-configuration.php"),
            MOODLE));
  }

  @Test
  void siblingFolderIsRefused() {
    assertFalse(
        PlatformUrls.isUnder(
            URI.create("https://www.school.nl/moodle2/mod/lti/openid-configuration.php"),
            MOODLE_IN_FOLDER));
  }

  @Test
  void otherSchemeOrPortIsRefused() {
    assertFalse(
        PlatformUrls.isUnder(
            URI.create("http://moodle.school.nl/mod/lti/openid-configuration.php"), MOODLE));
    assertFalse(
        PlatformUrls.isUnder(
            URI.create("https://moodle.school.nl:8443/mod/lti/openid-configuration.php"), MOODLE));
  }

  @Test
  void plainHttpOnlyOnLoopback() {
    assertTrue(PlatformUrls.secure(URI.create("https://moodle.school.nl/x")));
    assertTrue(PlatformUrls.secure(URI.create("http://127.0.0.1:8080/x")));
    assertTrue(PlatformUrls.secure(URI.create("http://localhost/x")));
    assertTrue(PlatformUrls.secure(URI.create("http://[::1]:8080/x")));
    assertFalse(PlatformUrls.secure(URI.create("http://moodle.school.nl/x")));
    assertFalse(PlatformUrls.secure(URI.create("http://127.0.0.1.evil.example/x")));
  }

  @Test
  void userInfoAndOtherSchemesAreNoPlatformUrls() {
    assertTrue(PlatformUrls.parse("https://attacker@moodle.school.nl/x").isEmpty());
    assertTrue(PlatformUrls.parse("file:///etc/passwd").isEmpty());
    assertTrue(PlatformUrls.parse("moodle.school.nl").isEmpty());
  }

  @Test
  void originLeavesOutTheDefaultPort() {
    assertEquals(
        "https://moodle.school.nl",
        PlatformUrls.origin(URI.create("https://Moodle.school.nl:443/a")));
    assertEquals(
        "http://127.0.0.1:8080", PlatformUrls.origin(URI.create("http://127.0.0.1:8080/a")));
  }
}
