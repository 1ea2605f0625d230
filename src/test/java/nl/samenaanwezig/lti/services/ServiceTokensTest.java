package nl.samenaanwezig.lti.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.samenaanwezig.lti.LtiClaims;
import nl.samenaanwezig.lti.Platform;
import nl.samenaanwezig.lti.PlatformSettings;
import nl.samenaanwezig.lti.Platforms;
import nl.samenaanwezig.lti.ToolKeys;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ClassPages;
import nl.samenaanwezig.testing.PlatformServices;
import nl.samenaanwezig.testing.PlatformServices.Fault;
import nl.samenaanwezig.testing.PlatformServices.TokenStyle;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Service tokens and bearer calls against the test platform's token endpoint, which verifies each
 * client assertion with the tool's published JWKS and frames its answers like Moodle 4.5's
 * token.php (text/html) unless a test asks for strict JSON. The tool's own key (same database)
 * signs.
 */
class ServiceTokensTest {
  static final String NRPS = PlatformServices.NRPS_SCOPE;
  static final String LINEITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";

  static ToolServer tool;
  TestPlatform platform;
  PlatformServices services;
  Platform registration;
  MovableClock clock;
  ServiceHttp http;
  ServiceTokens tokens;

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
    platform = TestPlatform.start().registerWith(tool);
    services = PlatformServices.attach(platform).withLaunchMentor();
    registration = registration(platform.clientId(), platform.issuer() + "/mod/lti/token.php");
    clock = new MovableClock();
    http = new ServiceHttp(Duration.ofSeconds(5));
    tokens = new ServiceTokens(new ToolKeys(tool.db()), http, clock);
  }

  @AfterEach
  void stopPlatform() {
    platform.close();
  }

  private Platform registration(String clientId, String tokenUrl) {
    Platforms platforms = new Platforms(tool.db(), Clock.systemUTC());
    if (!clientId.equals(platform.clientId()) || !tokenUrl.endsWith("/mod/lti/token.php")) {
      PlatformSettings s = platform.settings();
      platforms.register(
          new PlatformSettings(
              s.issuer(),
              clientId,
              s.deploymentIds(),
              s.authLoginUrl(),
              tokenUrl,
              s.jwksUrl(),
              s.name(),
              s.institution()),
          Optional.empty(),
          false);
    }
    return platforms.find(platform.issuer(), clientId).orElseThrow();
  }

  @Test
  void clientAssertionSignedWithTheToolKeyIsAccepted() {
    String token = tokens.token(registration, Set.of(NRPS));
    assertFalse(token.isBlank());
    assertEquals(List.of(), services.rejections());
    assertEquals(1, services.tokenRequests());
    assertEquals(List.of(NRPS), services.grantedScopes());
  }

  @Test
  void tokenIsReusedUntilOneMinuteBeforeItExpires() {
    // Short, so the next assertion's exp (moved clock + 5 min) still passes the platform's check.
    services.tokenLifetime(90);
    String first = tokens.token(registration, Set.of(NRPS));
    clock.advance(Duration.ofSeconds(29));
    assertEquals(first, tokens.token(registration, Set.of(NRPS)));
    assertEquals(1, services.tokenRequests());
    clock.advance(Duration.ofSeconds(1));
    assertNotEquals(first, tokens.token(registration, Set.of(NRPS)));
    assertEquals(2, services.tokenRequests());
  }

  @Test
  void eachScopeSetHasItsOwnTokenWhateverTheOrder() {
    String nrps = tokens.token(registration, Set.of(NRPS));
    String both = tokens.token(registration, Set.of(NRPS, LINEITEM));
    assertNotEquals(nrps, both);
    assertEquals(both, tokens.token(registration, Set.of(LINEITEM, NRPS)));
    assertEquals(2, services.tokenRequests());
    assertEquals(List.of(NRPS, LINEITEM + " " + NRPS), services.grantedScopes());
  }

  @Test
  void everyAssertionHasAFreshJti() {
    String first = tokens.token(registration, Set.of(NRPS));
    tokens.invalidate(registration, Set.of(NRPS), first);
    tokens.token(registration, Set.of(NRPS));
    assertEquals(2, services.tokenRequests());
    assertEquals(List.of(), services.rejections());
  }

  @Test
  void moodleTokenAnswerSentAsTextHtmlIsRead() {
    ServiceResponse raw = postToTokenEndpoint("grant_type=client_credentials");
    assertEquals(400, raw.status());
    assertEquals(Optional.of("text/html; charset=UTF-8"), raw.headers().firstValue("Content-Type"));
    assertEquals("{\"error\": \"invalid_request\"}", raw.text());

    String token = tokens.token(registration, Set.of(NRPS));

    assertFalse(token.isBlank());
    assertEquals(List.of("invalid_request: missing parameter"), services.rejections());
    assertEquals(List.of(NRPS), services.grantedScopes());
  }

  @Test
  void tokenAnswerWithoutAnyContentTypeIsRead() {
    services.tokenStyle(TokenStyle.NO_CONTENT_TYPE);
    ServiceResponse raw = postToTokenEndpoint("grant_type=client_credentials");
    assertEquals(Optional.empty(), raw.headers().firstValue("Content-Type"));

    assertFalse(tokens.token(registration, Set.of(NRPS)).isBlank());
    assertEquals(List.of(NRPS), services.grantedScopes());
  }

  @Test
  void strictJsonTokenAnswerIsRead() {
    services.tokenStyle(TokenStyle.STRICT_JSON);
    assertFalse(tokens.token(registration, Set.of(NRPS)).isBlank());
    assertEquals(List.of(NRPS), services.grantedScopes());
  }

  @Test
  void moodleRefusalAsTextHtmlIsReportedAsTokenRefused() {
    Platform stranger = registration("client-unknown", platform.issuer() + "/mod/lti/token.php");
    ServiceUnavailableException e =
        assertThrows(ServiceUnavailableException.class, () -> tokens.token(stranger, Set.of(NRPS)));
    assertEquals(ServiceUnavailableException.Reason.TOKEN_REFUSED, e.reason());
    assertEquals(400, e.status());
    assertTrue(e.getMessage().endsWith("token endpoint refused: invalid_client"), e.getMessage());
    assertEquals(List.of("invalid_client: iss client-unknown"), services.rejections());
  }

  @Test
  void strictJsonRefusalIsReportedAsTokenRefused() {
    services.tokenStyle(TokenStyle.STRICT_JSON);
    Platform stranger = registration("client-unknown", platform.issuer() + "/mod/lti/token.php");
    ServiceUnavailableException e =
        assertThrows(ServiceUnavailableException.class, () -> tokens.token(stranger, Set.of(NRPS)));
    assertEquals(ServiceUnavailableException.Reason.TOKEN_REFUSED, e.reason());
    assertEquals(401, e.status());
    assertTrue(e.getMessage().endsWith("token endpoint refused: invalid_client"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<!DOCTYPE html><html><body>Fout</body></html>",
        "[\"access_token\"]",
        "\"abc\"",
        "",
        "{\"access_token\": \"abc\""
      })
  void tokenAnswerThatIsNotAJsonObjectIsMalformed(String body) {
    services.tokenAnswer(200, body);
    ServiceUnavailableException e =
        assertThrows(
            ServiceUnavailableException.class, () -> tokens.token(registration, Set.of(NRPS)));
    assertEquals(ServiceUnavailableException.Reason.MALFORMED, e.reason());
    assertEquals(200, e.status());
  }

  @Test
  void refusalThatIsNotAJsonObjectIsMalformed() {
    services.tokenAnswer(400, "<h1>Bad request</h1>");
    ServiceUnavailableException e =
        assertThrows(
            ServiceUnavailableException.class, () -> tokens.token(registration, Set.of(NRPS)));
    assertEquals(ServiceUnavailableException.Reason.MALFORMED, e.reason());
    assertEquals(400, e.status());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"token_type\": \"Bearer\", \"expires_in\": 3600}",
        "{\"access_token\": \"\", \"token_type\": \"Bearer\"}",
        "{\"access_token\": 42, \"token_type\": \"Bearer\"}",
        "{\"access_token\": \"abc\"}",
        "{\"error\": \"invalid_scope\"}"
      })
  void successStatusWithoutAUsableAccessTokenIsMalformed(String body) {
    services.tokenAnswer(200, body);
    ServiceUnavailableException e =
        assertThrows(
            ServiceUnavailableException.class, () -> tokens.token(registration, Set.of(NRPS)));
    assertEquals(ServiceUnavailableException.Reason.MALFORMED, e.reason());
    assertTrue(e.getMessage().contains("without a usable access_token"), e.getMessage());
  }

  @Test
  void byteOrderMarkAndLifetimeAsTextAreHarmless() {
    services.tokenAnswer(
        200,
        "\uFEFF{\"access_token\": \"abc\", \"token_type\": \"bearer\", \"expires_in\": \"120\"}");
    assertEquals("abc", tokens.token(registration, Set.of(NRPS)));
    clock.advance(Duration.ofSeconds(59));
    tokens.token(registration, Set.of(NRPS));
    assertEquals(1, services.tokenRequests(), "120 s, renewed a minute early");
    clock.advance(Duration.ofSeconds(1));
    tokens.token(registration, Set.of(NRPS));
    assertEquals(2, services.tokenRequests());
  }

  /** A raw POST to the platform's token endpoint, to see how it frames its answers. */
  private ServiceResponse postToTokenEndpoint(String form) {
    return http.exchange(
        HttpRequest.newBuilder(URI.create(platform.issuer() + PlatformServices.TOKEN_PATH))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        1 << 16);
  }

  @Test
  void unreachableTokenEndpointIsReported() throws IOException {
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
    Platform offline = registration("client-offline", "http://127.0.0.1:" + deadPort + "/token");
    ServiceUnavailableException e =
        assertThrows(ServiceUnavailableException.class, () -> tokens.token(offline, Set.of(NRPS)));
    assertEquals(ServiceUnavailableException.Reason.UNREACHABLE, e.reason());
  }

  @Test
  void unauthorizedOnceIsRetriedWithAFreshToken() {
    ServiceClient client = new ServiceClient(tokens, http);
    URI url = URI.create(services.membershipsUrl("course-1"));
    client.get(registration, Set.of(NRPS), url, PlatformServices.NRPS_MEDIA_TYPE, 1 << 20);
    services.fault(Fault.UNAUTHORIZED_ONCE);
    ServiceResponse answer =
        client.get(registration, Set.of(NRPS), url, PlatformServices.NRPS_MEDIA_TYPE, 1 << 20);
    assertEquals(200, answer.status());
    assertTrue(answer.text().contains("\"user_id\":\"mentor-1\""), answer.text());
    assertEquals(2, services.tokenRequests());
    assertEquals(3, services.membershipRequests());
  }

  @Test
  void unauthorizedAlsoWithAFreshTokenFails() {
    ServiceClient client = new ServiceClient(tokens, http);
    services.fault(Fault.UNAUTHORIZED);
    ServiceUnavailableException e =
        assertThrows(
            ServiceUnavailableException.class,
            () ->
                client.get(
                    registration,
                    Set.of(NRPS),
                    URI.create(services.membershipsUrl("course-1")),
                    PlatformServices.NRPS_MEDIA_TYPE,
                    1 << 20));
    assertEquals(ServiceUnavailableException.Reason.UNAUTHORIZED, e.reason());
    assertEquals(2, services.tokenRequests());
    assertEquals(2, services.membershipRequests());
  }

  @Test
  void twoRosterSyncsOfTheToolNeedOneTokenRequest() {
    services.students(10);
    Browser browser = new Browser();
    HttpResponse<String> page =
        ClassPages.settled(
            browser,
            browser.follow(
                platform
                    .launch()
                    .asMentor()
                    .claim(LtiClaims.NRPS, services.nrpsClaim("course-1"))
                    .run(browser)));
    ClassPages.refresh(tool, browser, page);
    assertEquals(2, services.membershipRequests());
    assertEquals(1, services.tokenRequests());
    assertEquals(List.of(), services.rejections());
  }

  @Test
  void rosterSyncAfterRevokedTokenUsesAFreshOne() {
    services.students(10);
    Browser browser = new Browser();
    HttpResponse<String> page =
        ClassPages.settled(
            browser,
            browser.follow(
                platform
                    .launch()
                    .asMentor()
                    .claim(LtiClaims.NRPS, services.nrpsClaim("course-1"))
                    .run(browser)));
    services.member(
        "s-nieuw", "Noor", "Nieuw", "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner");
    services.fault(Fault.UNAUTHORIZED_ONCE);
    page = ClassPages.refresh(tool, browser, page);
    assertTrue(page.body().contains("Noor Nieuw"), page.body());
    assertFalse(page.body().contains("kon even niet"), page.body());
    assertEquals(2, services.tokenRequests());
    assertEquals(3, services.membershipRequests());
  }

  /** A clock the test moves forward by hand. */
  static final class MovableClock extends Clock {
    private volatile Instant now = Instant.now();

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
