package nl.samenaanwezig.lti.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a platform's OpenID configuration, without a network. */
class PlatformConfigurationTest {
  private static final URI CONFIG_URL =
      URI.create("https://moodle.school.nl/mod/lti/openid-configuration.php");

  private static String config(String issuer, String messagesSupported) {
    return """
        {"issuer": "%s",
         "authorization_endpoint": "https://moodle.school.nl/mod/lti/auth.php",
         "token_endpoint": "https://moodle.school.nl/mod/lti/token.php",
         "jwks_uri": "https://moodle.school.nl/mod/lti/certs.php",
         "registration_endpoint": "https://moodle.school.nl/mod/lti/openid-registration.php",
         "response_types_supported": ["id_token"],
         "subject_types_supported": ["public", "pairwise"],
         "https://purl.imsglobal.org/spec/lti-platform-configuration": {
           "product_family_code": "moodle", "version": "4.5.2",
           "messages_supported": %s}}
        """
        .formatted(issuer, messagesSupported);
  }

  @Test
  void readsMessagesInTheSpecFormat() {
    PlatformConfiguration platform =
        PlatformConfiguration.parse(
            config(
                "https://moodle.school.nl",
                "[{\"type\": \"LtiResourceLinkRequest\"},"
                    + " {\"type\": \"LtiDeepLinkingRequest\", \"placements\": [\"ContentArea\"]}]"),
            CONFIG_URL);

    assertEquals(
        List.of("LtiResourceLinkRequest", "LtiDeepLinkingRequest"), platform.messagesSupported());
    assertEquals("Moodle (moodle.school.nl)", platform.displayName());
    assertEquals(
        URI.create("https://moodle.school.nl/mod/lti/openid-registration.php"),
        platform.registrationEndpoint());
  }

  @Test
  void readsMessagesAsPlainStringsLikeOlderMoodle() {
    PlatformConfiguration platform =
        PlatformConfiguration.parse(
            config("https://moodle.school.nl", "[\"LtiResourceLink\", \"LtiDeepLinkingRequest\"]"),
            CONFIG_URL);

    assertTrue(platform.supports("LtiDeepLinkingRequest"));
  }

  @Test
  void platformWithoutDeepLinkingIsNotAskedForIt() {
    PlatformConfiguration platform =
        PlatformConfiguration.parse(
            config("https://moodle.school.nl", "[{\"type\": \"LtiResourceLinkRequest\"}]"),
            CONFIG_URL);

    assertFalse(platform.supports("LtiDeepLinkingRequest"));
    assertFalse(
        ToolRegistrationRequest.json("https://a.school.nl", platform)
            .contains("LtiDeepLinkingRequest"));
  }

  @Test
  void issuerOnPlainHttpIsRefused() {
    RegistrationFailedException e =
        assertThrows(
            RegistrationFailedException.class,
            () -> PlatformConfiguration.parse(config("http://moodle.school.nl", "[]"), CONFIG_URL));

    assertEquals(RegistrationFailedException.Reason.CONFIG, e.reason());
  }

  @Test
  void notJsonIsRefused() {
    RegistrationFailedException e =
        assertThrows(
            RegistrationFailedException.class,
            () -> PlatformConfiguration.parse("<html>login</html>", CONFIG_URL));

    assertEquals(RegistrationFailedException.Reason.CONFIG, e.reason());
  }
}
