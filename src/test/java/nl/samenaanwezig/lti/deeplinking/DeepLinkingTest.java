package nl.samenaanwezig.lti.deeplinking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenaanwezig.lti.LtiClaims;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.lti.Tokens;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.DeepLinkingReturn;
import nl.samenaanwezig.testing.LaunchBuilder;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deep Linking 2.0 over real HTTP: the platform's "select content" launch, the picker, the signed
 * response verified by the platform against the tool's JWKS, and launches of the placed links.
 */
class DeepLinkingTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  static ToolServer tool;
  static TestPlatform platform;
  static DeepLinkingReturn moodle;

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
    platform = TestPlatform.start().registerWith(tool);
    moodle = DeepLinkingReturn.attachTo(platform);
  }

  @AfterAll
  static void stop() {
    platform.close();
    tool.close();
  }

  @Test
  void mentorDeepLinkingLaunchShowsPickerWithAllFourPlacements() {
    Browser browser = new Browser();
    HttpResponse<String> picker = browser.follow(deepLinking(true).run(browser));
    assertEquals(200, picker.statusCode(), picker.body());
    assertEquals("/deeplinking", picker.uri().getPath());
    String html = picker.body();
    assertTrue(html.contains("Samen Aanwezig toevoegen"), html);
    assertTrue(html.contains("<legend>Kies één of meer pagina&#39;s</legend>"), html);
    for (String title :
        List.of("Klasoverzicht", "Mijn aanwezigheid en buddy", "MOL-planner", "Informatiekaart")) {
      assertTrue(html.contains(title), title);
    }
    for (Placement p : Placement.values()) {
      assertTrue(
          html.contains(
              "<input type=\"checkbox\" name=\"placement\" id=\"placement-"
                  + p.id()
                  + "\" value=\""
                  + p.id()
                  + "\""),
          p.id());
      assertTrue(html.contains("<label for=\"placement-" + p.id() + "\">"), p.id());
    }
    assertFalse(html.contains("type=\"radio\""), html);
    assertNotNull(csrfOf(picker));
  }

  @Test
  void choosingMolPlannerReturnsSignedResponseWithEveryRequiredClaim() throws ParseException {
    Browser browser = new Browser();
    HttpResponse<String> picker = browser.follow(deepLinking(true).run(browser));
    int before = moodle.received().size();

    HttpResponse<String> autopost = choose(browser, csrfOf(picker), "mol_planner");
    assertEquals(200, autopost.statusCode(), autopost.body());
    assertTrue(autopost.body().contains("data-autosubmit"), autopost.body());
    assertTrue(autopost.body().contains("<script src=\"/static/app.js\""), autopost.body());
    // The form goes to the platform, another origin: the CSP must not restrict form targets.
    String csp = autopost.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertFalse(csp.contains("form-action"), csp);

    HttpResponse<String> atPlatform = browser.submitAutoPost(autopost);
    assertEquals(200, atPlatform.statusCode(), atPlatform.body() + " " + moodle.rejected());
    assertEquals(before + 1, moodle.received().size());
    assertEquals(DeepLinkingReturn.url(platform), browser.lastAutoPostTarget());

    DeepLinkingReturn.Received response = moodle.last();
    assertEquals("abc", response.query().get("sesskey"));
    assertEquals(JWSAlgorithm.RS256, response.header().getAlgorithm());
    assertEquals(JOSEObjectType.JWT, response.header().getType());
    assertEquals(activeToolKid(), response.header().getKeyID());
    JWTClaimsSet claims = response.claims();
    assertEquals(platform.clientId(), claims.getIssuer());
    assertEquals(List.of(platform.issuer()), claims.getAudience());
    assertNotNull(claims.getIssueTime());
    assertEquals(
        Duration.ofMinutes(5).toMillis(),
        claims.getExpirationTime().getTime() - claims.getIssueTime().getTime());
    assertTrue(claims.getExpirationTime().toInstant().isAfter(Instant.now()));
    assertFalse(claims.getStringClaim("nonce").isBlank());
    assertEquals(LtiClaims.DEEP_LINKING_RESPONSE, claims.getStringClaim(LtiClaims.MESSAGE_TYPE));
    assertEquals("1.3.0", claims.getStringClaim(LtiClaims.VERSION));
    assertEquals(platform.deploymentId(), claims.getStringClaim(LtiClaims.DEPLOYMENT_ID));
    assertEquals("opaque-123", claims.getClaim(LtiClaims.DEEP_LINKING_DATA));
    List<Object> items = claims.getListClaim(LtiClaims.DEEP_LINKING_CONTENT_ITEMS);
    assertEquals(1, items.size());
    Map<?, ?> item = (Map<?, ?>) items.get(0);
    assertEquals("ltiResourceLink", item.get("type"));
    assertEquals("MOL-planner", item.get("title"));
    assertTrue(String.valueOf(item.get("text")).contains("MOL-gesprekken"), item.toString());
    assertEquals(tool.baseUrl() + "/lti/launch", item.get("url"));
    assertEquals(Map.of("placement", "mol_planner"), item.get("custom"));
  }

  @Test
  void severalChoicesBecomeSeveralItemsWhenThePlatformAcceptsMultiple() throws ParseException {
    Browser browser = new Browser();
    HttpResponse<String> picker = browser.follow(deepLinking(true).run(browser));
    HttpResponse<String> atPlatform =
        browser.submitAutoPost(choose(browser, csrfOf(picker), "class_dashboard", "my_page"));
    assertEquals(200, atPlatform.statusCode(), moodle.rejected().toString());
    List<Object> items = moodle.last().claims().getListClaim(LtiClaims.DEEP_LINKING_CONTENT_ITEMS);
    assertEquals(2, items.size());
    assertEquals(Map.of("placement", "class_dashboard"), ((Map<?, ?>) items.get(0)).get("custom"));
    assertEquals("Klasoverzicht", ((Map<?, ?>) items.get(0)).get("title"));
    assertEquals(Map.of("placement", "my_page"), ((Map<?, ?>) items.get(1)).get("custom"));
  }

  @Test
  void singleChoicePlatformGetsRadioButtonsAndOneItem() throws ParseException {
    Browser browser = new Browser();
    HttpResponse<String> picker = browser.follow(deepLinking(false).run(browser));
    assertEquals(200, picker.statusCode(), picker.body());
    assertTrue(picker.body().contains("<legend>Kies één pagina</legend>"), picker.body());
    assertTrue(
        picker
            .body()
            .contains(
                "<input type=\"radio\" name=\"placement\" id=\"placement-info_card\""
                    + " value=\"info_card\""),
        picker.body());
    assertFalse(picker.body().contains("type=\"checkbox\""), picker.body());

    HttpResponse<String> atPlatform =
        browser.submitAutoPost(choose(browser, csrfOf(picker), "info_card"));
    assertEquals(200, atPlatform.statusCode(), moodle.rejected().toString());
    List<Object> items = moodle.last().claims().getListClaim(LtiClaims.DEEP_LINKING_CONTENT_ITEMS);
    assertEquals(1, items.size());
    assertEquals(Map.of("placement", "info_card"), ((Map<?, ?>) items.get(0)).get("custom"));
  }

  @Test
  void twoChoicesForSingleChoicePlatformAreRefusedAndNothingSent() {
    Browser browser = new Browser();
    HttpResponse<String> picker = browser.follow(deepLinking(false).run(browser));
    HttpResponse<String> refused = choose(browser, csrfOf(picker), "info_card", "mol_planner");
    assertEquals(400, refused.statusCode());
    assertTrue(
        refused.body().contains("De leeromgeving neemt maar één pagina tegelijk aan."),
        refused.body());
    assertFalse(refused.body().contains("data-autosubmit"), refused.body());
    assertEquals(200, choose(browser, csrfOf(picker), "info_card").statusCode());
  }

  @Test
  void postWithoutCsrfTokenIsRefusedAndSpendsNothing() {
    Browser browser = new Browser();
    HttpResponse<String> picker = browser.follow(deepLinking(true).run(browser));
    HttpResponse<String> refused = choose(browser, null, "mol_planner");
    assertEquals(403, refused.statusCode());
    assertTrue(
        refused.body().contains("Dit formulier is verlopen. Ga terug, ververs de pagina"),
        refused.body());
    assertFalse(refused.body().contains("data-autosubmit"), refused.body());
    assertEquals(200, choose(browser, csrfOf(picker), "mol_planner").statusCode());
  }

  @Test
  void learnerDeepLinkingLaunchGetsForbiddenPage() {
    Browser browser = new Browser();
    HttpResponse<String> page = browser.follow(deepLinking(true).asStudent().run(browser));
    assertEquals(403, page.statusCode());
    assertEquals("/deeplinking", page.uri().getPath());
    assertTrue(
        page.body()
            .contains(
                "Alleen mentoren, docenten en beheerders kunnen Samen Aanwezig aan een cursus"
                    + " toevoegen."),
        page.body());
    assertFalse(page.body().contains("name=\"placement\""), page.body());
  }

  @Test
  void learnerCannotPostAResponseEither() {
    Browser browser = new Browser();
    browser.follow(deepLinking(true).asStudent().run(browser));
    int before = moodle.received().size();
    // The 403 page has no form: the learner forges one with her own session's valid token.
    HttpResponse<String> refused = choose(browser, storedCsrf(browser), "my_page");
    assertEquals(403, refused.statusCode());
    assertFalse(refused.body().contains("data-autosubmit"), refused.body());
    assertEquals(before, moodle.received().size());
  }

  @Test
  void administratorMayPick() {
    Browser browser = new Browser();
    HttpResponse<String> picker = browser.follow(deepLinking(true).asAdmin().run(browser));
    assertEquals(200, picker.statusCode(), picker.body());
    assertTrue(picker.body().contains("value=\"class_dashboard\""), picker.body());
  }

  @Test
  void emptyChoiceIsRefusedWithThePickerAgainAndNothingSent() {
    Browser browser = new Browser();
    HttpResponse<String> picker = browser.follow(deepLinking(true).run(browser));
    HttpResponse<String> refused = choose(browser, csrfOf(picker));
    assertEquals(400, refused.statusCode());
    assertTrue(
        refused
            .body()
            .contains(
                "<p id=\"picker-problem\" class=\"problems\" role=\"alert\">Kies minstens één"
                    + " pagina om toe te voegen.</p>"),
        refused.body());
    assertTrue(refused.body().contains("aria-describedby=\"picker-problem\""), refused.body());
    assertTrue(refused.body().contains("value=\"mol_planner\""), refused.body());
    assertFalse(refused.body().contains("data-autosubmit"), refused.body());
    assertEquals(200, choose(browser, csrfOf(picker), "my_page").statusCode());
  }

  @Test
  void unknownChoiceIsRefusedAndNothingSent() {
    Browser browser = new Browser();
    HttpResponse<String> picker = browser.follow(deepLinking(true).run(browser));
    HttpResponse<String> refused = choose(browser, csrfOf(picker), "grades");
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("Deze keuze kent Samen Aanwezig niet."), refused.body());
    assertFalse(refused.body().contains("data-autosubmit"), refused.body());
    assertEquals(200, choose(browser, csrfOf(picker), "my_page").statusCode());
  }

  @Test
  void replayedResponsePostIsRefused() {
    Browser browser = new Browser();
    HttpResponse<String> picker = browser.follow(deepLinking(true).run(browser));
    String csrf = csrfOf(picker);
    HttpResponse<String> first = choose(browser, csrf, "class_dashboard");
    assertEquals(200, first.statusCode(), first.body());
    assertTrue(first.body().contains("name=\"JWT\""), first.body());

    HttpResponse<String> replay = choose(browser, csrf, "class_dashboard");
    assertEquals(409, replay.statusCode());
    assertTrue(
        replay.body().contains("Je keuze is al naar de leeromgeving gestuurd."), replay.body());
    assertFalse(replay.body().contains("name=\"JWT\""), replay.body());

    HttpResponse<String> pickerAgain = browser.get(tool.baseUrl() + "/deeplinking");
    assertEquals(409, pickerAgain.statusCode());
  }

  @Test
  void platformThatTakesNoLtiLinksGetsAnExplanation() {
    Browser browser = new Browser();
    LaunchBuilder launch =
        deepLinking(true)
            .claim(
                LtiClaims.DEEP_LINKING_SETTINGS,
                Map.of(
                    "deep_link_return_url",
                    DeepLinkingReturn.url(platform),
                    "accept_types",
                    List.of("file", "html"),
                    "accept_multiple",
                    true));
    HttpResponse<String> page = browser.follow(launch.run(browser));
    assertEquals(400, page.statusCode());
    assertTrue(
        page.body().contains("Samen Aanwezig levert alleen activiteiten (LTI-links,"), page.body());
    assertFalse(page.body().contains("name=\"placement\""), page.body());
  }

  @Test
  void pickerAndItemsSpeakEnglishForAnEnglishLaunch() throws ParseException {
    Browser browser = new Browser();
    HttpResponse<String> picker =
        browser.follow(
            deepLinking(true)
                .claim(LtiClaims.LAUNCH_PRESENTATION, Map.of("locale", "en"))
                .run(browser));
    assertTrue(picker.body().contains("<html lang=\"en\""), picker.body());
    assertTrue(picker.body().contains("Add Samen Aanwezig"), picker.body());
    assertTrue(picker.body().contains("My attendance and buddy"), picker.body());
    browser.submitAutoPost(choose(browser, csrfOf(picker), "info_card"));
    Map<?, ?> item =
        (Map<?, ?>)
            moodle.last().claims().getListClaim(LtiClaims.DEEP_LINKING_CONTENT_ITEMS).get(0);
    assertEquals("Information card", item.get("title"));
  }

  @Test
  void resourceLinkSessionCannotOpenThePicker() {
    Browser browser = new Browser();
    browser.follow(platform.launch().asMentor().run(browser));
    HttpResponse<String> page = browser.get(tool.baseUrl() + "/deeplinking");
    assertEquals(400, page.statusCode());
    assertTrue(page.body().contains("Deze pagina opent alleen als je in de leeromgeving"));
  }

  @Test
  void classDashboardPlacementOpensClassPageForMentor() {
    Browser browser = new Browser();
    HttpResponse<String> page = browser.follow(placed("class_dashboard").asMentor().run(browser));
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.uri().getPath().startsWith("/class/"), page.uri().toString());
    assertTrue(page.body().contains("Wiskunde 2B"), page.body());
  }

  @Test
  void classDashboardPlacementOpensOwnPageForStudent() {
    Browser browser = new Browser();
    HttpResponse<String> page = browser.follow(placed("class_dashboard").asStudent().run(browser));
    assertEquals(200, page.statusCode(), page.body());
    assertEquals("/me", page.uri().getPath());
    assertTrue(page.body().contains("Fenna Kok"), page.body());
  }

  @Test
  void myPagePlacementOpensOwnPageForStudentAndClassPageForMentor() {
    Browser student = new Browser();
    assertEquals("/me", student.follow(placed("my_page").asStudent().run(student)).uri().getPath());
    Browser mentor = new Browser();
    HttpResponse<String> page = mentor.follow(placed("my_page").asMentor().run(mentor));
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.uri().getPath().startsWith("/class/"), page.uri().toString());
  }

  @Test
  void molPlannerPlacementOpensThePlannerForMentorAndTheBookingPageForStudent() {
    Browser student = new Browser();
    HttpResponse<String> own = student.follow(placed("mol_planner").asStudent().run(student));
    assertEquals(200, own.statusCode(), own.body());
    assertEquals("/me/meetings", own.uri().getPath());
    Browser mentor = new Browser();
    HttpResponse<String> planner = mentor.follow(placed("mol_planner").asMentor().run(mentor));
    assertEquals(200, planner.statusCode(), planner.body());
    assertTrue(planner.uri().getPath().matches("/class/\\d+/meetings"), planner.uri().toString());
  }

  @Test
  void infoCardPlacementOpensTheCourseCardForStudentAndMentor() {
    Browser mentor = new Browser();
    HttpResponse<String> mentorCard = mentor.follow(placed("info_card").asMentor().run(mentor));
    assertEquals(200, mentorCard.statusCode(), mentorCard.body());
    assertTrue(mentorCard.uri().getPath().matches("/infocard/\\d+"), mentorCard.uri().toString());
    assertTrue(mentorCard.body().contains("Informatiekaart"), mentorCard.body());
    Browser student = new Browser();
    HttpResponse<String> studentCard = student.follow(placed("info_card").asStudent().run(student));
    assertEquals(200, studentCard.statusCode(), studentCard.body());
    assertEquals(mentorCard.uri().getPath(), studentCard.uri().getPath(), "the same course card");
  }

  @Test
  void studentWithBothRolesOnMyPagePlacementGetsOwnPage() {
    Browser browser = new Browser();
    HttpResponse<String> page =
        browser.follow(
            placed("my_page")
                .asMentor()
                .roles(List.of(Role.Lis.INSTRUCTOR.uri(), Role.Lis.LEARNER.uri()))
                .run(browser));
    assertEquals("/me", page.uri().getPath());
  }

  /** A mentor's "select content" launch, as Moodle sends it. */
  private static LaunchBuilder deepLinking(boolean acceptMultiple) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("deep_link_return_url", DeepLinkingReturn.url(platform));
    settings.put("accept_types", List.of("ltiResourceLink"));
    settings.put("accept_presentation_document_targets", List.of("iframe", "window"));
    settings.put("accept_multiple", acceptMultiple);
    settings.put("data", "opaque-123");
    return platform
        .launch()
        .asMentor()
        .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.DEEP_LINKING_REQUEST)
        .without(LtiClaims.RESOURCE_LINK)
        .claim(LtiClaims.DEEP_LINKING_SETTINGS, settings);
  }

  /** A launch of a link placed earlier: Moodle sends the item's custom parameters. */
  private static LaunchBuilder placed(String placement) {
    return platform.launch().claim(LtiClaims.CUSTOM, Map.of("placement", placement));
  }

  private static String csrfOf(HttpResponse<String> page) {
    Matcher m = CSRF.matcher(page.body());
    if (!m.find()) {
      throw new AssertionError("no csrf field in\n" + page.body());
    }
    return m.group(1);
  }

  /** Posts the picker form; repeated fields, so not Browser.postForm's map. */
  private static HttpResponse<String> choose(Browser browser, String csrf, String... placements) {
    List<String> fields = new ArrayList<>();
    if (csrf != null) {
      fields.add("csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
    }
    for (String p : placements) {
      fields.add("placement=" + URLEncoder.encode(p, StandardCharsets.UTF_8));
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(tool.baseUrl() + "/deeplinking"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", Sessions.COOKIE + "=" + browser.cookie("localhost", Sessions.COOKIE))
            .POST(HttpRequest.BodyPublishers.ofString(String.join("&", fields)))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String storedCsrf(Browser browser) {
    String hash = Tokens.hash(browser.cookie("localhost", Sessions.COOKIE));
    return tool.db()
        .read(
            em ->
                (String)
                    em.createNativeQuery("SELECT csrf_token FROM user_session WHERE token_hash = ?")
                        .setParameter(1, hash)
                        .getSingleResult());
  }

  private static String activeToolKid() {
    try {
      String json =
          HTTP.send(
                  HttpRequest.newBuilder(URI.create(tool.baseUrl() + "/.well-known/jwks.json"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      return JWKSet.parse(json).getKeys().get(0).getKeyID();
    } catch (IOException | ParseException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
