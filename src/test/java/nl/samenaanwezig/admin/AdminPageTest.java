package nl.samenaanwezig.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The institution settings page, reached by a real administrator launch. */
class AdminPageTest {
  static ToolServer tool;
  static TestPlatform platform;

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
    platform = TestPlatform.start().registerWith(tool);
  }

  @AfterAll
  static void stop() {
    platform.close();
    tool.close();
  }

  private Browser admin() {
    Browser browser = new Browser();
    HttpResponse<String> page =
        browser.follow(
            platform
                .launch()
                .asAdmin()
                .without("https://purl.imsglobal.org/spec/lti/claim/context")
                .run(browser));
    assertEquals("/admin", page.uri().getPath(), page.body());
    return browser;
  }

  private static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
    assertTrue(m.find(), "page has a CSRF field");
    return m.group(1);
  }

  private String url(String path) {
    return tool.baseUrl() + path;
  }

  private static String registration(String issuer, String clientId) {
    return """
        {"_comment": "test", "issuer": "%s", "clientId": "%s", "deploymentIds": ["7"],
         "authLoginUrl": "%s/mod/lti/auth.php", "tokenUrl": "%s/mod/lti/token.php",
         "jwksUrl": "%s/mod/lti/certs.php", "name": "Tweede Moodle", "institution": "X"}
        """
        .formatted(issuer, clientId, issuer, issuer, issuer);
  }

  @Test
  void showsTheInstitutionsPlatformRegistrations() {
    Browser browser = admin();
    String html = browser.get(url("/admin")).body();
    assertTrue(html.contains("Testcollege"), html);
    assertTrue(html.contains(platform.issuer()), html);
    assertTrue(html.contains(platform.clientId()), html);
    assertTrue(html.contains("/lti/register"), html);
  }

  @Test
  void importsAPlatformRegistrationIntoOwnInstitution() {
    Browser browser = admin();
    String token = csrf(browser.get(url("/admin")).body());
    HttpResponse<String> saved =
        browser.postForm(
            url("/admin/platforms/import"),
            Map.of("csrf", token, "json", registration("https://moodle.other.example", "abc")));
    assertEquals(303, saved.statusCode(), saved.body());
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM platform p JOIN institution i ON p.institution_id = i.id"
                + " WHERE p.issuer = ? AND i.name = 'Testcollege'",
            "https://moodle.other.example"));
    assertTrue(browser.follow(saved).body().contains("De leeromgeving is opgeslagen."));
  }

  @Test
  void refusesInvalidRegistrationWithReasonsAndStoresNothing() {
    Browser browser = admin();
    String token = csrf(browser.get(url("/admin")).body());
    long before = tool.count("SELECT COUNT(*) FROM platform");
    HttpResponse<String> refused =
        browser.postForm(
            url("/admin/platforms/import"),
            Map.of(
                "csrf",
                token,
                "json",
                registration("moodle.without.scheme", "").replace("\"abc\"", "\"\"")));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("Het Platform ID (issuer) moet een volledige URL zijn"));
    assertTrue(refused.body().contains("Het Client ID ontbreekt."));
    assertEquals(before, tool.count("SELECT COUNT(*) FROM platform"));
  }

  @Test
  void refusesTextThatIsNotJson() {
    Browser browser = admin();
    String token = csrf(browser.get(url("/admin")).body());
    HttpResponse<String> refused =
        browser.postForm(
            url("/admin/platforms/import"), Map.of("csrf", token, "json", "issuer = moodle"));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("De tekst is geen geldige JSON."));
  }

  @Test
  void refusesImportWithoutCsrfToken() {
    Browser browser = admin();
    long before = tool.count("SELECT COUNT(*) FROM platform");
    HttpResponse<String> refused =
        browser.postForm(
            url("/admin/platforms/import"),
            Map.of("json", registration("https://no-csrf.example", "c1")));
    assertEquals(403, refused.statusCode());
    assertTrue(refused.body().contains("Dit formulier is verlopen."));
    assertEquals(before, tool.count("SELECT COUNT(*) FROM platform"));
  }

  @Test
  void refusesImportWithAnotherSessionsCsrfToken() {
    Browser one = admin();
    Browser two = admin();
    String tokenOfOne = csrf(one.get(url("/admin")).body());
    HttpResponse<String> refused =
        two.postForm(
            url("/admin/platforms/import"),
            Map.of("csrf", tokenOfOne, "json", registration("https://cross.example", "c2")));
    assertEquals(403, refused.statusCode());
  }

  @Test
  void studentDoesNotSeeTheSettingsPage() {
    Browser browser = new Browser();
    browser.follow(platform.launch().asStudent().run(browser));
    assertEquals(404, browser.get(url("/admin")).statusCode());
  }

  @Test
  void withoutSessionTheSettingsPageAsksToLaunchAgain() {
    HttpResponse<String> page = new Browser().get(url("/admin"));
    assertEquals(401, page.statusCode());
    assertTrue(page.body().contains("Je sessie is verlopen."));
  }

  @Test
  void addsADeploymentIdSoLaunchesFromItAreAccepted() {
    Browser browser = admin();
    String html = browser.get(url("/admin")).body();
    Matcher action =
        Pattern.compile("action=\"(/admin/platforms/(\\d+)/deployments)\"").matcher(html);
    assertTrue(action.find());
    HttpResponse<String> saved =
        browser.postForm(url(action.group(1)), Map.of("csrf", csrf(html), "deploymentId", "42"));
    assertEquals(303, saved.statusCode());
    Browser student = new Browser();
    HttpResponse<String> launched =
        platform
            .launch()
            .claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", "42")
            .run(student);
    assertEquals(303, launched.statusCode(), launched.body());
  }

  @Test
  void emptyDeploymentIdIsRefused() {
    Browser browser = admin();
    String html = browser.get(url("/admin")).body();
    Matcher action =
        Pattern.compile("action=\"(/admin/platforms/\\d+/deployments)\"").matcher(html);
    assertTrue(action.find());
    HttpResponse<String> refused =
        browser.postForm(url(action.group(1)), Map.of("csrf", csrf(html), "deploymentId", " "));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("Vul een deployment ID in."));
  }

  @Test
  void rotationPublishesOldAndNewKeyAndSignsWithTheNew() throws Exception {
    JWKSet before = JWKSet.parse(new Browser().get(url("/.well-known/jwks.json")).body());
    Browser browser = admin();
    String token = csrf(browser.get(url("/admin")).body());
    HttpResponse<String> rotated =
        browser.postForm(url("/admin/keys/rotate"), Map.of("csrf", token));
    assertEquals(303, rotated.statusCode());
    JWKSet after = JWKSet.parse(new Browser().get(url("/.well-known/jwks.json")).body());
    assertEquals(before.getKeys().size() + 1, after.getKeys().size());
    for (var key : before.getKeys()) {
      assertTrue(after.getKeyByKeyId(key.getKeyID()) != null, "old key still published");
    }
    after.getKeys().forEach(k -> assertFalse(k.isPrivate(), "only public keys are published"));
    assertTrue(
        browser.follow(rotated).body().contains("Er is een nieuwe sleutel in gebruik genomen."));
  }
}
