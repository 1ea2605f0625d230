package nl.samenaanwezig.lti.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.samenaanwezig.lti.Platform;
import nl.samenaanwezig.lti.PlatformSettings;
import nl.samenaanwezig.lti.Platforms;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.RegistrationPlatform;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import nl.samenaanwezig.web.Locales;
import nl.samenaanwezig.web.Pages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LTI Dynamic Registration as Moodle 4.5 runs it: the admin pastes /lti/register, Moodle frames it
 * with openid_configuration and registration_token, the tool registers itself and is then
 * launchable. Tool in Jetty (localhost), platform on 127.0.0.1.
 */
class DynamicRegistrationTest {
  static ToolServer tool;
  TestPlatform platform;
  RegistrationPlatform moodle;

  @BeforeAll
  static void startTool() {
    tool = ToolServer.start();
  }

  @AfterAll
  static void stopTool() {
    tool.close();
  }

  @BeforeEach
  void startPlatform() {
    platform = TestPlatform.start();
    moodle = RegistrationPlatform.on(platform);
  }

  @AfterEach
  void stopPlatform() {
    platform.close();
  }

  @Test
  void registersPlatformWithClientIdAndDeploymentAndClosesTheFrame() {
    HttpResponse<String> page = new Browser().get(moodle.registerUrl(tool));

    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("<script src=\"/static/register-close.js\">"), page.body());
    assertTrue(page.body().contains("data-registered=\"true\""), page.body());
    assertTrue(
        page.body().contains(text("register.done", "Moodle (127.0.0.1:" + port() + ")")),
        page.body());
    assertTrue(page.body().contains(platform.clientId()), page.body());
    Platform saved = stored().orElseThrow();
    assertEquals(Set.of(platform.deploymentId()), saved.deploymentIds());
    assertEquals(platform.issuer() + "/mod/lti/auth.php", saved.authLoginUrl());
    assertEquals(platform.issuer() + "/mod/lti/token.php", saved.tokenUrl());
    assertEquals(platform.issuer() + "/mod/lti/certs.php", saved.jwksUrl());
    assertEquals("127.0.0.1:" + port(), saved.institution().name());
    HttpResponse<String> script = new Browser().get(tool.baseUrl() + "/static/register-close.js");
    assertEquals(200, script.statusCode());
    assertTrue(script.body().contains("subject: \"org.imsglobal.lti.close\""), script.body());
  }

  @Test
  void registeredPlatformCanLaunchRightAway() {
    assertEquals(200, new Browser().get(moodle.registerUrl(tool)).statusCode());
    platform.connectTo(tool);

    Browser browser = new Browser();
    HttpResponse<String> launched = platform.launch().asMentor().run(browser);

    assertEquals(303, launched.statusCode(), launched.body());
    HttpResponse<String> page = browser.follow(launched);
    assertTrue(page.uri().getPath().startsWith("/class/"), page.uri().toString());
    assertTrue(page.body().contains("Jeroen Smits"), page.body());
  }

  @Test
  void sendsEveryMemberMoodleNeedsWithExactToolUrls() {
    new Browser().get(moodle.registerUrl(tool));

    RegistrationPlatform.Received sent = moodle.lastReceived();
    String base = tool.baseUrl();
    Map<String, Object> body = sent.body();
    assertEquals("Bearer " + moodle.registrationToken(), sent.authorization());
    assertTrue(sent.contentType().startsWith("application/json"), sent.contentType());
    assertEquals("web", body.get("application_type"));
    assertEquals(List.of("id_token"), body.get("response_types"));
    assertEquals(
        Set.of("implicit", "client_credentials"), Set.copyOf((List<?>) body.get("grant_types")));
    assertEquals(base + "/lti/login", body.get("initiate_login_uri"));
    assertEquals(List.of(base + "/lti/launch"), body.get("redirect_uris"));
    assertEquals("Samen Aanwezig", body.get("client_name"));
    assertEquals(base + "/.well-known/jwks.json", body.get("jwks_uri"));
    assertEquals(base + "/static/logo.svg", body.get("logo_uri"));
    assertEquals("private_key_jwt", body.get("token_endpoint_auth_method"));
    assertEquals(
        Set.of(
            "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
            "https://purl.imsglobal.org/spec/lti-ags/scope/score",
            "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly"),
        Set.of(((String) body.get("scope")).split(" ")));
    Map<String, Object> toolConfig = sent.toolConfiguration();
    assertEquals("localhost:" + tool.port(), toolConfig.get("domain"));
    assertEquals(base + "/lti/launch", toolConfig.get("target_link_uri"));
    assertTrue(((String) toolConfig.get("description")).startsWith("Samen Aanwezig helpt"));
    assertEquals(
        List.of("iss", "sub", "name", "given_name", "family_name", "email"),
        toolConfig.get("claims"));
    assertEquals(
        List.of(
            Map.of("type", "LtiResourceLinkRequest"),
            Map.of(
                "type",
                "LtiDeepLinkingRequest",
                "target_link_uri",
                base + "/lti/launch",
                "label",
                "Samen Aanwezig",
                "placements",
                List.of("ContentArea"))),
        toolConfig.get("messages"));
  }

  @Test
  void allowsThePlatformToFrameThisPageOnly() {
    HttpResponse<String> page = new Browser().get(moodle.registerUrl(tool));

    List<String> policies = page.headers().allValues("Content-Security-Policy");
    assertEquals(1, policies.size(), policies.toString());
    String csp = policies.get(0);
    assertTrue(csp.contains("frame-ancestors 'self' http://127.0.0.1:" + port()), csp);
    assertTrue(csp.contains("default-src 'self'; script-src 'self'"), csp);
    assertTrue(csp.contains("object-src 'none'; base-uri 'none'"), csp);
  }

  @Test
  void missingOpenidConfigurationIsRefused() {
    HttpResponse<String> page = new Browser().get(tool.baseUrl() + "/lti/register");

    assertEquals(400, page.statusCode());
    assertTrue(page.body().contains(text("register.error.missing")), page.body());
    assertTrue(moodle.received().isEmpty());
  }

  @Test
  void configurationUrlWithoutHttpsIsRefusedBeforeAnyRequest() {
    String url =
        RegistrationPlatform.registerUrl(
            tool, "http://moodle.example.nl/mod/lti/openid-configuration.php", "t");

    HttpResponse<String> page = new Browser().get(url);

    assertEquals(400, page.statusCode());
    assertTrue(page.body().contains(text("register.error.configUrl")), page.body());
  }

  @Test
  void configurationOutsideItsIssuerIsRefusedAndNothingStored() {
    moodle.claimingIssuer("http://localhost:" + port());

    HttpResponse<String> page = new Browser().get(moodle.registerUrl(tool));

    assertEquals(400, page.statusCode());
    assertTrue(page.body().contains(text("register.error.issuer")), page.body());
    assertTrue(moodle.received().isEmpty(), "no registration request");
    assertEquals(0, storedCount("http://localhost:" + port()));
  }

  @Test
  void configurationWithoutRegistrationEndpointIsRefused() {
    moodle.withoutConfigMember("registration_endpoint");

    HttpResponse<String> page = new Browser().get(moodle.registerUrl(tool));

    assertEquals(400, page.statusCode());
    assertTrue(page.body().contains(text("register.error.config")), page.body());
    assertEquals(0, storedCount(platform.issuer()));
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 500})
  void platformRefusingTheRegistrationIsBadGatewayAndNothingStored(int status) {
    moodle.answeringRegistrationWith(status);

    HttpResponse<String> page = new Browser().get(moodle.registerUrl(tool));

    assertEquals(502, page.statusCode());
    assertTrue(page.body().contains(text("register.error.rejected")), page.body());
    assertFalse(page.body().contains("data-registered"), page.body());
    assertEquals(1, moodle.received().size());
    assertEquals(0, storedCount(platform.issuer()));
  }

  @Test
  void wrongRegistrationTokenIsRefusedByThePlatform() {
    String url = RegistrationPlatform.registerUrl(tool, moodle.configUrl(), "not-the-token");

    HttpResponse<String> page = new Browser().get(url);

    assertEquals(502, page.statusCode());
    assertTrue(page.body().contains(text("register.error.rejected")), page.body());
    assertEquals("Bearer not-the-token", moodle.lastReceived().authorization());
    assertEquals(0, storedCount(platform.issuer()));
  }

  @Test
  void unreachableConfigurationIsBadGateway() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String url =
        RegistrationPlatform.registerUrl(
            tool, "http://127.0.0.1:" + closedPort + RegistrationPlatform.CONFIG_PATH, "t");

    HttpResponse<String> page = new Browser().get(url);

    assertEquals(502, page.statusCode());
    assertTrue(page.body().contains(text("register.error.unreachable")), page.body());
    assertEquals(0, storedCount("http://127.0.0.1:" + closedPort));
  }

  @Test
  void registrationWithoutDeploymentIdIsStoredAndExplained() {
    moodle.withoutDeploymentId();

    HttpResponse<String> page = new Browser().get(moodle.registerUrl(tool));

    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains(text("register.noDeployment")), page.body());
    assertEquals(Set.of(), stored().orElseThrow().deploymentIds());
  }

  @Test
  void registeringAgainWithTheSameEndpointsKeepsTheRegistration() {
    platform.registerWith(tool);

    HttpResponse<String> page = new Browser().get(moodle.registerUrl(tool));

    assertEquals(200, page.statusCode(), page.body());
    assertEquals(1, storedCount(platform.issuer()));
    Platform kept = stored().orElseThrow();
    assertEquals("Test Moodle", kept.name());
    assertEquals("Testcollege", kept.institution().name());
  }

  @Test
  void registeringAgainWithOtherKeysIsRefusedAndChangesNothing() {
    String ownKeys = platform.issuer() + "/mod/lti/certs.php?old";
    PlatformSettings before = platform.settings();
    new Platforms(tool.db(), Clock.systemUTC())
        .register(
            new PlatformSettings(
                before.issuer(),
                before.clientId(),
                before.deploymentIds(),
                before.authLoginUrl(),
                before.tokenUrl(),
                ownKeys,
                before.name(),
                before.institution()),
            Optional.empty(),
            false);

    HttpResponse<String> page = new Browser().get(moodle.registerUrl(tool));

    assertEquals(409, page.statusCode());
    assertTrue(page.body().contains(text("register.error.exists")), page.body());
    assertEquals(1, storedCount(platform.issuer()));
    assertEquals(ownKeys, stored().orElseThrow().jwksUrl());
  }

  private Optional<Platform> stored() {
    return new Platforms(tool.db(), Clock.systemUTC()).find(platform.issuer(), platform.clientId());
  }

  private long storedCount(String issuer) {
    return tool.count("SELECT COUNT(*) FROM platform WHERE issuer = ?", issuer);
  }

  private int port() {
    return java.net.URI.create(platform.issuer()).getPort();
  }

  private static String text(String key, Object... args) {
    return Pages.text(Locales.DUTCH, key, args);
  }
}
