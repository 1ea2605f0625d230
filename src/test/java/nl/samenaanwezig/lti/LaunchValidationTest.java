package nl.samenaanwezig.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.LaunchBuilder;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import nl.samenaanwezig.web.Locales;
import nl.samenaanwezig.web.Pages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 1EdTech LTI Advantage certification's "known bad" payloads and valid launches, each as a full
 * launch over real HTTP: every refusal has its exact status and Dutch explanation and opens no
 * session; every valid launch lands on the page of its role.
 */
class LaunchValidationTest {
  private static final String UNKNOWN_ROLE =
      "http://purl.imsglobal.org/vocab/lis/v2/membership#Unknown";

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

  // --- known bad: the token itself ------------------------------------------------------------

  @Test
  void rejectsTokenWithoutKid() {
    assertRefused(401, "no_kid", b -> platform.launch().kid(null).run(b));
  }

  @Test
  void rejectsTokenWithUnknownKid() {
    assertRefused(401, "unknown_kid", b -> platform.launch().kid("not-a-platform-key").run(b));
  }

  @Test
  void rejectsTamperedPayload() {
    assertRefused(401, "bad_signature", b -> platform.launch().tampered().run(b));
  }

  @Test
  void rejectsTokenSignedByAnotherKeyUnderThePlatformsKid() {
    RSAKey impostor = TestPlatform.newKey(platform.key().getKeyID());
    assertRefused(401, "bad_signature", b -> platform.launch().signedWith(impostor).run(b));
  }

  @Test
  void rejectsWrongLtiVersion() {
    assertRefused(
        400, "wrong_version", b -> platform.launch().claim(LtiClaims.VERSION, "1.2.0").run(b));
  }

  @Test
  void rejectsMissingLtiVersion() {
    assertRefused(400, "missing_version", b -> platform.launch().without(LtiClaims.VERSION).run(b));
  }

  @Test
  void rejectsTextThatIsNoJwt() {
    assertRefused(400, "not_a_jwt", b -> platform.launch().rawIdToken("abc").run(b));
  }

  @Test
  void rejectsThreePartsOfBase64Garbage() {
    String garbage = b64("not json") + "." + b64("{\"sub\":\"x\"}") + "." + b64("no signature");
    assertRefused(400, "not_a_jwt", b -> platform.launch().rawIdToken(garbage).run(b));
  }

  @Test
  void rejectsUnsignedToken() {
    assertRefused(
        401,
        "algorithm_not_allowed",
        b -> {
          LoginRound round = login(b, "student-1");
          return postLaunch(
              b, round.state(), new PlainJWT(validClaims(platform.launch(), round)).serialize());
        });
  }

  @Test
  void rejectsHmacTokenKeyedWithThePlatformsPublicKey() {
    assertRefused(
        401,
        "algorithm_not_allowed",
        b -> {
          LoginRound round = login(b, "student-1");
          SignedJWT jwt =
              new SignedJWT(
                  new JWSHeader.Builder(JWSAlgorithm.HS256)
                      .keyID(platform.key().getKeyID())
                      .build(),
                  validClaims(platform.launch(), round));
          try {
            jwt.sign(new MACSigner(platform.key().toRSAPublicKey().getEncoded()));
          } catch (JOSEException e) {
            throw new IllegalStateException(e);
          }
          return postLaunch(b, round.state(), jwt.serialize());
        });
  }

  @Test
  void rejectsExpiredToken() {
    assertRefused(
        401,
        "expired",
        b -> platform.launch().issuedAt(Instant.now().minus(Duration.ofMinutes(10))).run(b));
  }

  @Test
  void rejectsTokenIssuedInTheFuture() {
    assertRefused(
        401,
        "issued_in_future",
        b -> platform.launch().issuedAt(Instant.now().plus(Duration.ofMinutes(10))).run(b));
  }

  @Test
  void rejectsTokenWithoutExpiry() {
    assertRefused(
        401,
        "missing_timestamps",
        b -> {
          LoginRound round = login(b, "student-1");
          JWTClaimsSet claims =
              new JWTClaimsSet.Builder(validClaims(platform.launch(), round))
                  .expirationTime(null)
                  .build();
          return postLaunch(b, round.state(), sign(claims));
        });
  }

  @Test
  void rejectsTokenWithoutIssueTime() {
    assertRefused(
        401,
        "missing_timestamps",
        b -> {
          LoginRound round = login(b, "student-1");
          JWTClaimsSet claims =
              new JWTClaimsSet.Builder(validClaims(platform.launch(), round))
                  .issueTime(null)
                  .build();
          return postLaunch(b, round.state(), sign(claims));
        });
  }

  @Test
  void rejectsTokenNotValidYet() {
    assertRefused(
        401,
        "not_yet_valid",
        b ->
            platform
                .launch()
                .claim("nbf", Instant.now().plus(Duration.ofMinutes(10)).getEpochSecond())
                .run(b));
  }

  @Test
  void rejectsSignedJwtOfAnotherType() {
    // No own check for typ: the OIDC validator behind the LTI checks refuses an access token.
    assertRefused(
        401,
        "invalid_token",
        b -> {
          LoginRound round = login(b, "student-1");
          JWSHeader header =
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(platform.key().getKeyID())
                  .type(new JOSEObjectType("at+jwt"))
                  .build();
          return postLaunch(b, round.state(), sign(header, validClaims(platform.launch(), round)));
        });
  }

  // --- known bad: LTI claims -----------------------------------------------------------------

  @Test
  void rejectsMissingMessageType() {
    assertRefused(
        400, "missing_message_type", b -> platform.launch().without(LtiClaims.MESSAGE_TYPE).run(b));
  }

  @Test
  void rejectsUnknownMessageType() {
    assertRefused(
        400,
        "unsupported_message_type",
        b -> platform.launch().claim(LtiClaims.MESSAGE_TYPE, "LtiSubmissionReviewRequest").run(b));
  }

  @Test
  void rejectsMissingRoles() {
    assertRefused(400, "missing_roles", b -> platform.launch().without(LtiClaims.ROLES).run(b));
  }

  @Test
  void rejectsMissingDeploymentId() {
    assertRefused(
        400,
        "missing_deployment_id",
        b -> platform.launch().without(LtiClaims.DEPLOYMENT_ID).run(b));
  }

  @Test
  void rejectsUnknownDeploymentId() {
    assertRefused(
        403,
        "unknown_deployment",
        b -> platform.launch().claim(LtiClaims.DEPLOYMENT_ID, "999").run(b));
  }

  @Test
  void rejectsResourceLinkWithoutId() {
    assertRefused(
        400,
        "missing_resource_link_id",
        b -> platform.launch().claim(LtiClaims.RESOURCE_LINK, Map.of("title", "Zonder id")).run(b));
  }

  @Test
  void rejectsMissingResourceLinkClaim() {
    assertRefused(
        400,
        "missing_resource_link_id",
        b -> platform.launch().without(LtiClaims.RESOURCE_LINK).run(b));
  }

  @Test
  void rejectsMissingTargetLinkUri() {
    assertRefused(
        400,
        "missing_target_link_uri",
        b -> platform.launch().without(LtiClaims.TARGET_LINK_URI).run(b));
  }

  @Test
  void rejectsMissingSub() {
    assertRefused(400, "missing_sub", b -> platform.launch().without("sub").run(b));
  }

  @Test
  void rejectsEmptySub() {
    assertRefused(
        400,
        "missing_sub",
        b -> {
          LoginRound round = login(b, "student-1");
          return postLaunch(
              b, round.state(), platform.launch().claim("sub", "").idToken(round.nonce()));
        });
  }

  @Test
  void rejectsSubLongerThan255Characters() {
    // OIDC Core 2: sub must not exceed 255 ASCII characters (the tool keys people on it).
    assertRefused(
        400, "claim_too_long", b -> platform.launch().claim("sub", "s".repeat(256)).run(b));
  }

  @Test
  void rejectsContextIdLongerThan255Characters() {
    assertRefused(
        400,
        "claim_too_long",
        b ->
            platform
                .launch()
                .claim(LtiClaims.CONTEXT, Map.of("id", "c".repeat(256), "title", "Wiskunde"))
                .run(b));
  }

  @Test
  void rejectsWrongIssuer() {
    assertRefused(
        401, "wrong_issuer", b -> platform.launch().claim("iss", "https://evil.example").run(b));
  }

  @Test
  void rejectsWrongAudience() {
    assertRefused(
        401, "wrong_audience", b -> platform.launch().claim("aud", "another-client").run(b));
  }

  @Test
  void rejectsSeveralAudiencesWithoutAuthorizedParty() {
    assertRefused(
        401,
        "wrong_authorized_party",
        b ->
            platform
                .launch()
                .claim("aud", List.of(platform.clientId(), "another-client"))
                .without("azp")
                .run(b));
  }

  @Test
  void rejectsSeveralAudiencesWithWrongAuthorizedParty() {
    assertRefused(
        401,
        "wrong_authorized_party",
        b ->
            platform
                .launch()
                .claim("aud", List.of(platform.clientId(), "another-client"))
                .claim("azp", "another-client")
                .run(b));
  }

  @Test
  void rejectsNonceOfAnotherLogin() {
    assertRefused(401, "nonce_mismatch", b -> platform.launch().nonce("another-nonce").run(b));
  }

  // --- known bad: the form post and its state ------------------------------------------------

  @Test
  void rejectsReplayedIdTokenAndState() {
    Browser victim = new Browser();
    assertEquals(303, platform.launch().run(victim).statusCode());
    assertRefused(
        401, "state_unknown", b -> b.postForm(victim.lastAutoPostTarget(), victim.lastAutoPost()));
  }

  @Test
  void rejectsIdTokenReplayedWithAFreshState() {
    Browser victim = new Browser();
    assertEquals(303, platform.launch().run(victim).statusCode());
    String stolenToken = victim.lastAutoPost().get("id_token");
    assertRefused(
        401, "nonce_mismatch", b -> postLaunch(b, login(b, "student-1").state(), stolenToken));
  }

  @Test
  void rejectsUnknownState() {
    assertRefused(401, "state_unknown", b -> platform.launch().state("never-issued").run(b));
  }

  @Test
  void rejectsOverlongUnknownState() {
    assertRefused(401, "state_unknown", b -> platform.launch().state("x".repeat(5000)).run(b));
  }

  @Test
  void rejectsMissingState() {
    long states = states();
    assertRefused(
        400,
        "missing_state",
        b -> {
          LoginRound round = login(b, "student-1");
          return postForm(b, Map.of("id_token", platform.launch().idToken(round.nonce())));
        });
    assertEquals(states + 1, states(), "the unanswered login state stays until it expires");
  }

  @Test
  void rejectsMissingIdToken() {
    assertRefused(
        400, "missing_id_token", b -> postForm(b, Map.of("state", login(b, "student-1").state())));
  }

  @Test
  void rejectsExpiredLoginState() {
    assertRefused(
        401,
        "state_expired",
        b -> {
          LoginRound round = login(b, "student-1");
          execute(
              "UPDATE login_state SET expires_at = ? WHERE state = ?",
              Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))),
              round.state());
          return postLaunch(b, round.state(), platform.launch().idToken(round.nonce()));
        });
  }

  @Test
  void expiredLoginStateIsSpent() {
    Browser browser = new Browser();
    LoginRound round = login(browser, "student-1");
    execute(
        "UPDATE login_state SET expires_at = ? WHERE state = ?",
        Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))),
        round.state());
    postLaunch(browser, round.state(), platform.launch().idToken(round.nonce()));
    assertEquals(0, tool.count("SELECT COUNT(*) FROM login_state WHERE state = ?", round.state()));
  }

  @Test
  void explainsPlatformErrorResponse() {
    assertRefused(
        401,
        "platform_refused",
        b -> {
          LoginRound round = login(b, "student-1");
          Map<String, String> form = new LinkedHashMap<>();
          form.put("error", "login_required");
          form.put("error_description", "The user is not logged in");
          form.put("state", round.state());
          return postForm(b, form);
        });
  }

  @Test
  void explainsRefusalInEnglishToAnEnglishBrowser() {
    Browser browser = new Browser();
    HttpResponse<String> response =
        browser.postForm(
            tool.baseUrl() + "/lti/launch",
            Map.of("state", "never-issued", "id_token", "abc"),
            Map.of("Accept-Language", "en-GB,en;q=0.9"));
    assertEquals(401, response.statusCode());
    assertEquals(
        Pages.text(Locales.ENGLISH, "launch.error.state_unknown"), message(response.body()));
  }

  @Test
  void launchUrlOpenedByGetIsExplained() {
    HttpResponse<String> response = new Browser().get(tool.baseUrl() + "/lti/launch");
    assertEquals(405, response.statusCode());
    assertEquals(text("launch.error.get"), message(response.body()));
  }

  // --- known bad: login initiation -----------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"GET", "POST"})
  void loginWithoutIssuerIsRefused(String method) {
    assertLoginRefused(method, loginParams("iss", null), 400, "missing_issuer");
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "POST"})
  void loginWithoutLoginHintIsRefused(String method) {
    assertLoginRefused(method, loginParams("login_hint", null), 400, "missing_login_hint");
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "POST"})
  void loginWithoutTargetLinkUriIsRefused(String method) {
    assertLoginRefused(
        method, loginParams("target_link_uri", null), 400, "missing_target_link_uri");
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "POST"})
  void loginWithTargetLinkUriThatIsNoUrlIsRefused(String method) {
    assertLoginRefused(
        method,
        loginParams("target_link_uri", "javascript:alert(1)"),
        400,
        "invalid_target_link_uri");
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "POST"})
  void loginWithOverlongTargetLinkUriIsRefused(String method) {
    assertLoginRefused(
        method,
        loginParams("target_link_uri", tool.baseUrl() + "/lti/launch?x=" + "x".repeat(2000)),
        400,
        "invalid_target_link_uri");
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "POST"})
  void loginFromUnknownIssuerIsRefused(String method) {
    assertLoginRefused(
        method, loginParams("iss", "https://unknown.example"), 400, "unknown_platform");
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "POST"})
  void loginForUnknownClientIsRefused(String method) {
    assertLoginRefused(method, loginParams("client_id", "another-client"), 400, "unknown_platform");
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "POST"})
  void loginForUnknownDeploymentIsRefused(String method) {
    assertLoginRefused(method, loginParams("lti_deployment_id", "999"), 403, "unknown_deployment");
  }

  // --- valid launches ------------------------------------------------------------------------

  @Test
  void teacherLandsOnClassPageWithCourseAndName() {
    Browser browser = new Browser();
    HttpResponse<String> page =
        assertLaunched(
            browser,
            platform
                .launch()
                .person("teacher-1", "Jeroen", "Smits", List.of(Role.Lis.INSTRUCTOR.uri())));
    assertTrue(page.uri().getPath().startsWith("/class/"), page.uri().toString());
    assertTrue(page.body().contains("Wiskunde 2B"), page.body());
    assertTrue(page.body().contains("Jeroen Smits"), page.body());
  }

  @Test
  void studentLandsOnOwnPage() {
    HttpResponse<String> page =
        assertLaunched(
            new Browser(),
            platform.launch().person("student-2", "Fenna", "Kok", List.of(Role.Lis.LEARNER.uri())));
    assertEquals("/me", page.uri().getPath());
    assertTrue(page.body().contains(text("me.greeting", "Fenna Kok")), page.body());
    assertTrue(page.body().contains("Wiskunde 2B"), page.body());
  }

  @Test
  void unknownRoleOnlyLandsOnWelcomePage() {
    HttpResponse<String> page =
        assertLaunched(
            new Browser(),
            platform.launch().person("unknown-1", "Ada", "Bos", List.of(UNKNOWN_ROLE)));
    assertEquals("/welcome", page.uri().getPath());
    assertTrue(page.body().contains(text("norole.text", "Ada Bos")), page.body());
  }

  @Test
  void emptyRolesLandOnWelcomePage() {
    HttpResponse<String> page =
        assertLaunched(
            new Browser(), platform.launch().person("noroles-1", "Bo", "Dijk", List.of()));
    assertEquals("/welcome", page.uri().getPath());
    assertTrue(page.body().contains(text("norole.text", "Bo Dijk")), page.body());
  }

  @Test
  void shortInstructorRoleLandsOnClassPage() {
    HttpResponse<String> page =
        assertLaunched(
            new Browser(),
            platform.launch().person("short-teacher", "Cor", "Eek", List.of("Instructor")));
    assertTrue(page.uri().getPath().startsWith("/class/"), page.uri().toString());
    assertTrue(page.body().contains("Cor Eek"), page.body());
  }

  @Test
  void shortLearnerRoleLandsOnOwnPage() {
    HttpResponse<String> page =
        assertLaunched(
            new Browser(),
            platform.launch().person("short-learner", "Dee", "Fok", List.of("Learner")));
    assertEquals("/me", page.uri().getPath());
    assertTrue(page.body().contains(text("me.greeting", "Dee Fok")), page.body());
  }

  @Test
  void teachingAssistantLandsOnClassPage() {
    HttpResponse<String> page =
        assertLaunched(
            new Browser(),
            platform
                .launch()
                .person("assistant-1", "Eva", "Gans", List.of(Role.Lis.TEACHING_ASSISTANT.uri())));
    assertTrue(page.uri().getPath().startsWith("/class/"), page.uri().toString());
    assertTrue(page.body().contains("Eva Gans"), page.body());
  }

  @Test
  void mentorRoleLandsOnClassPage() {
    HttpResponse<String> page =
        assertLaunched(
            new Browser(),
            platform
                .launch()
                .person("mentor-2", "Fleur", "Hak", List.of(Role.Lis.MENTOR_ROLE.uri())));
    assertTrue(page.uri().getPath().startsWith("/class/"), page.uri().toString());
    assertTrue(page.body().contains("Fleur Hak"), page.body());
  }

  @Test
  void emailOnlyIsShownAsName() {
    HttpResponse<String> page =
        assertLaunched(
            new Browser(),
            platform
                .launch()
                .person("email-only", "X", "Y", List.of(Role.Lis.LEARNER.uri()))
                .without("name", "given_name", "family_name"));
    assertEquals("/me", page.uri().getPath());
    assertTrue(page.body().contains(text("me.greeting", "email-only@school.example")), page.body());
  }

  @Test
  void namesWithoutEmailAreShown() {
    HttpResponse<String> page =
        assertLaunched(
            new Browser(),
            platform
                .launch()
                .person("names-only", "Gijs", "Ijzer", List.of(Role.Lis.LEARNER.uri()))
                .without("email"));
    assertEquals("/me", page.uri().getPath());
    assertTrue(page.body().contains(text("me.greeting", "Gijs Ijzer")), page.body());
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM person WHERE subject = ? AND email IS NULL", "names-only"));
  }

  @Test
  void launchWithoutPersonalDataWorks() {
    HttpResponse<String> page =
        assertLaunched(
            new Browser(),
            platform
                .launch()
                .person("no-pii", "X", "Y", List.of(Role.Lis.LEARNER.uri()))
                .without("name", "given_name", "family_name", "email"));
    assertEquals("/me", page.uri().getPath());
    assertTrue(page.body().contains(text("me.title")), page.body());
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM person WHERE subject = ? AND name IS NULL AND email IS NULL",
            "no-pii"));
  }

  @Test
  void studentWithoutContextLandsOnOwnPageWithoutCourse() {
    HttpResponse<String> page =
        assertLaunched(
            new Browser(),
            platform
                .launch()
                .person("no-context-student", "Hans", "Jong", List.of(Role.Lis.LEARNER.uri()))
                .without(LtiClaims.CONTEXT));
    assertEquals("/me", page.uri().getPath());
    assertTrue(page.body().contains(text("me.greeting", "Hans Jong")), page.body());
    assertFalse(page.body().contains("course-title"), page.body());
  }

  @Test
  void mentorWithoutContextLandsOnWelcomePage() {
    HttpResponse<String> page =
        assertLaunched(
            new Browser(),
            platform
                .launch()
                .person("no-context-mentor", "Ilse", "Kam", List.of(Role.Lis.INSTRUCTOR.uri()))
                .without(LtiClaims.CONTEXT));
    assertEquals("/welcome", page.uri().getPath());
    assertTrue(page.body().contains(text("norole.text", "Ilse Kam")), page.body());
  }

  @Test
  void institutionAdministratorLandsOnSettingsPage() {
    HttpResponse<String> page =
        assertLaunched(
            new Browser(),
            platform
                .launch()
                .person("admin-2", "Inge", "Beheer", List.of(Role.Lis.INSTITUTION_ADMIN.uri())));
    assertEquals("/admin", page.uri().getPath());
    assertTrue(page.body().contains(text("admin.title")), page.body());
    assertTrue(page.body().contains("Testcollege"), page.body());
  }

  @Test
  void englishLocaleGivesEnglishPage() {
    HttpResponse<String> page =
        assertLaunched(
            new Browser(),
            platform
                .launch()
                .person("english-1", "Jan", "Lam", List.of(Role.Lis.LEARNER.uri()))
                .claim(LtiClaims.LAUNCH_PRESENTATION, Map.of("locale", "en-US")));
    assertEquals("/me", page.uri().getPath());
    assertTrue(page.body().contains("lang=\"en\""), page.body());
    assertTrue(
        page.body().contains(Pages.text(Locales.ENGLISH, "me.greeting", "Jan Lam")), page.body());
    assertTrue(page.body().contains(Pages.text(Locales.ENGLISH, "me.intro")), page.body());
  }

  @Test
  void overlongDisplayDataIsShortenedNotRefused() {
    String longName = "Naam".repeat(100);
    String longTitle = "Titel".repeat(200);
    HttpResponse<String> page =
        assertLaunched(
            new Browser(),
            platform
                .launch()
                .person("long-data", "G", "F", List.of(Role.Lis.LEARNER.uri()))
                .claim("name", longName)
                .claim("email", "e".repeat(400) + "@school.example")
                .claim(LtiClaims.CONTEXT, Map.of("id", "course-long", "title", longTitle))
                .claim(LtiClaims.LAUNCH_PRESENTATION, Map.of("locale", "nl-" + "x".repeat(60))));
    assertEquals("/me", page.uri().getPath());
    assertTrue(page.body().contains(longName.substring(0, 300)), page.body());
    assertEquals(
        1,
        tool.count("SELECT COUNT(*) FROM person WHERE subject = ? AND email IS NULL", "long-data"));
  }

  @Test
  void deepLinkingRequestWithSettingsIsAccepted() {
    long deepLinkingSessions = deepLinkingSessions();
    HttpResponse<String> page =
        assertLaunched(
            new Browser(),
            platform
                .launch()
                .person("dl-teacher", "Kim", "Mol", List.of(Role.Lis.INSTRUCTOR.uri()))
                .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.DEEP_LINKING_REQUEST)
                .without(LtiClaims.RESOURCE_LINK)
                .claim(
                    LtiClaims.DEEP_LINKING_SETTINGS,
                    Map.of(
                        "deep_link_return_url",
                        platform.issuer() + "/mod/lti/contentitem_return.php",
                        "accept_types",
                        List.of("ltiResourceLink"),
                        "accept_presentation_document_targets",
                        List.of("iframe", "window"))));
    assertTrue(page.body().contains("Kim Mol"), page.body());
    assertEquals(deepLinkingSessions + 1, deepLinkingSessions());
  }

  @Test
  void deepLinkingRequestWithoutSettingsIsRefused() {
    assertRefused(
        400,
        "missing_deep_linking_settings",
        b ->
            platform
                .launch()
                .asMentor()
                .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.DEEP_LINKING_REQUEST)
                .without(LtiClaims.RESOURCE_LINK)
                .run(b));
  }

  @Test
  void deepLinkingRequestWithoutReturnUrlIsRefused() {
    assertRefused(
        400,
        "missing_deep_linking_settings",
        b ->
            platform
                .launch()
                .asMentor()
                .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.DEEP_LINKING_REQUEST)
                .without(LtiClaims.RESOURCE_LINK)
                .claim(
                    LtiClaims.DEEP_LINKING_SETTINGS,
                    Map.of("accept_types", List.of("ltiResourceLink")))
                .run(b));
  }

  // --- platform keys -------------------------------------------------------------------------

  @Test
  void platformKeysAreFetchedOnceForTwoLaunches() {
    try (TestPlatform own = TestPlatform.start().registerWith(tool)) {
      assertLaunched(new Browser(), own.launch().person("jwks-1", "A", "B", studentRoles()));
      assertLaunched(new Browser(), own.launch().person("jwks-2", "C", "D", studentRoles()));
      assertEquals(1, own.jwksFetches());
    }
  }

  @Test
  void rotatedPlatformKeyIsFetchedOnUnknownKid() {
    try (TestPlatform own = TestPlatform.start().registerWith(tool)) {
      assertLaunched(new Browser(), own.launch().person("rotate-1", "A", "B", studentRoles()));
      RSAKey next = TestPlatform.newKey("platform-key-2");
      own.publish(next);
      assertLaunched(
          new Browser(),
          own.launch()
              .person("rotate-2", "C", "D", studentRoles())
              .signedWith(next)
              .kid("platform-key-2"));
      assertEquals(2, own.jwksFetches());
      assertLaunched(new Browser(), own.launch().person("rotate-3", "E", "F", studentRoles()));
      assertEquals(2, own.jwksFetches());
    }
  }

  @Test
  void cachedPlatformKeysOutliveAnOutageOfTheKeyset() {
    try (TestPlatform own = TestPlatform.start().registerWith(tool)) {
      assertLaunched(new Browser(), own.launch().person("outage-1", "A", "B", studentRoles()));
      own.jwksDown(true);
      assertLaunched(new Browser(), own.launch().person("outage-2", "C", "D", studentRoles()));
      // An unknown kid during the outage is still just an unknown key, not "keys unavailable".
      assertRefused(401, "unknown_kid", b -> own.launch().kid("rotated-away").run(b));
      assertLaunched(new Browser(), own.launch().person("outage-3", "E", "F", studentRoles()));
    }
  }

  @Test
  void unreachableKeysetBeforeAnyFetchIsExplained() {
    try (TestPlatform own = TestPlatform.start().registerWith(tool)) {
      own.jwksDown(true);
      assertRefused(502, "platform_keys_unavailable", b -> own.launch().run(b));
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  /** The state and nonce the tool issued in one login initiation. */
  private record LoginRound(String state, String nonce) {}

  /** A login initiation as the platform starts it; returns what the tool sent to auth.php. */
  private static LoginRound login(Browser browser, String loginHint) {
    Map<String, String> params = loginParams("login_hint", loginHint);
    HttpResponse<String> toAuth = browser.postForm(tool.baseUrl() + "/lti/login", params);
    assertEquals(302, toAuth.statusCode(), toAuth.body());
    Map<String, String> query =
        TestPlatform.query(URI.create(toAuth.headers().firstValue("Location").orElseThrow()));
    return new LoginRound(query.get("state"), query.get("nonce"));
  }

  /** Valid login initiation parameters with one replaced (or left out when null). */
  private static Map<String, String> loginParams(String name, String value) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("iss", platform.issuer());
    params.put("login_hint", "student-1");
    params.put("target_link_uri", tool.baseUrl() + "/lti/launch");
    params.put("lti_message_hint", "hint-1");
    params.put("client_id", platform.clientId());
    params.put("lti_deployment_id", platform.deploymentId());
    if (value == null) {
      params.remove(name);
    } else {
      params.put(name, value);
    }
    return params;
  }

  private static HttpResponse<String> postLaunch(Browser browser, String state, String idToken) {
    return postForm(browser, Map.of("state", state, "id_token", idToken));
  }

  private static HttpResponse<String> postForm(Browser browser, Map<String, String> form) {
    return browser.postForm(tool.baseUrl() + "/lti/launch", form);
  }

  /** The claims of a valid id_token for this login round. */
  private static JWTClaimsSet validClaims(LaunchBuilder launch, LoginRound round) {
    try {
      return SignedJWT.parse(launch.idToken(round.nonce())).getJWTClaimsSet();
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sign(JWTClaimsSet claims) {
    return sign(
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(platform.key().getKeyID()).build(), claims);
  }

  private static String sign(JWSHeader header, JWTClaimsSet claims) {
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(new RSASSASigner(platform.key()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static void assertRefused(
      int status, String reason, Function<Browser, HttpResponse<String>> attempt) {
    long sessions = sessions();
    Browser browser = new Browser();
    HttpResponse<String> response = attempt.apply(browser);
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(text("launch.error." + reason), message(response.body()));
    assertTrue(
        response.headers().allValues("Set-Cookie").stream()
            .noneMatch(c -> c.startsWith(Sessions.COOKIE + "=")),
        response.headers().toString());
    assertNull(browser.cookie("localhost", Sessions.COOKIE));
    assertEquals(sessions, sessions(), "no session for a refused launch");
  }

  private static void assertLoginRefused(
      String method, Map<String, String> params, int status, String reason) {
    long states = states();
    Browser browser = new Browser();
    String url = tool.baseUrl() + "/lti/login";
    HttpResponse<String> response =
        "GET".equals(method)
            ? browser.get(url + "?" + query(params))
            : browser.postForm(url, params);
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(text("launch.error." + reason), message(response.body()));
    assertEquals(states, states(), "no login state for a refused login");
  }

  /** A valid launch: 303 to /start with a new session; returns the page it lands on. */
  private static HttpResponse<String> assertLaunched(Browser browser, LaunchBuilder launch) {
    long sessions = sessions();
    HttpResponse<String> response = launch.run(browser);
    assertEquals(303, response.statusCode(), response.body());
    assertEquals(
        "/start", URI.create(response.headers().firstValue("Location").orElseThrow()).getPath());
    assertNotNull(browser.cookie("localhost", Sessions.COOKIE));
    assertEquals(sessions + 1, sessions());
    HttpResponse<String> page = browser.follow(response);
    assertEquals(200, page.statusCode(), page.body());
    return page;
  }

  private static List<String> studentRoles() {
    return List.of(Role.Lis.LEARNER.uri());
  }

  private static long sessions() {
    return tool.count("SELECT COUNT(*) FROM user_session");
  }

  private static long states() {
    return tool.count("SELECT COUNT(*) FROM login_state");
  }

  private static long deepLinkingSessions() {
    return tool.count(
        "SELECT COUNT(*) FROM user_session WHERE message_type = ?", LtiClaims.DEEP_LINKING_REQUEST);
  }

  private static void execute(String sql, Object... args) {
    try (Connection c = DriverManager.getConnection(tool.config().dbUrl());
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      assertEquals(1, ps.executeUpdate(), sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static String text(String key, Object... args) {
    return Pages.text(Locales.DUTCH, key, args);
  }

  /** The explanation on an error page, as the user reads it. */
  private static String message(String html) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("<p class=\"message\" role=\"alert\">([^<]*)</p>")
            .matcher(html);
    if (!m.find()) {
      throw new AssertionError("no error message on page:\n" + html);
    }
    return m.group(1)
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private static String query(Map<String, String> params) {
    return params.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String b64(String text) {
    return java.util.Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
