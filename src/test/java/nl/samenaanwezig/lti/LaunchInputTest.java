package nl.samenaanwezig.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.LaunchBuilder;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a launch refuses before anyone is signed in: bodies and id_tokens over the limit, a state
 * posted from a browser that did not start the login, and a resource link meant for another tool. A
 * browser that keeps no cookie at all still launches (the one-time state and nonce protect it).
 */
class LaunchInputTest {
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

  private static long sessionsOf(String subject) {
    return tool.count(
        "SELECT COUNT(*) FROM user_session s JOIN person p ON s.person_id = p.id"
            + " WHERE p.subject = ?",
        subject);
  }

  /** A learner with a subject of its own, so each test counts only its own sessions. */
  private static LaunchBuilder student(String subject) {
    return platform.launch().person(subject, "Fenna", "Kok", List.of(Role.Lis.LEARNER.uri()));
  }

  @Test
  void anIdTokenOfOneMebibyteIsRefusedWith413BeforeItIsRead() {
    Browser browser = new Browser();
    HttpResponse<String> r = student("big-1").rawIdToken("e".repeat(1 << 20)).run(browser);
    assertEquals(413, r.statusCode(), r.body());
    assertTrue(r.body().contains("Je stuurde te veel gegevens in één keer."), r.body());
    assertEquals(0, sessionsOf("big-1"));
  }

  @Test
  void anIdTokenJustOver64KibIsRefusedWith413() {
    Browser browser = new Browser();
    HttpResponse<String> r =
        student("big-2").rawIdToken("e".repeat(Launches.MAX_ID_TOKEN_CHARS + 1)).run(browser);
    assertEquals(413, r.statusCode(), r.body());
    assertTrue(
        r.body().contains("Het bewijs van aanmelding van de leeromgeving is te groot."), r.body());
    assertEquals(0, sessionsOf("big-2"));
  }

  @Test
  void aLargeButAllowedIdTokenStillLaunches() {
    Browser browser = new Browser();
    HttpResponse<String> r =
        student("big-3").claim(LtiClaims.CUSTOM, Map.of("notes", "n".repeat(30_000))).run(browser);
    assertEquals(303, r.statusCode(), r.body());
    assertEquals(1, sessionsOf("big-3"));
  }

  @Test
  void theLoginSetsAPartitionedStateCookieForAsLongAsTheState() {
    Map<String, String> login = new LinkedHashMap<>();
    login.put("iss", platform.issuer());
    login.put("login_hint", "cookie-1");
    login.put("target_link_uri", tool.baseUrl() + "/lti/launch");
    login.put("client_id", platform.clientId());
    login.put("lti_deployment_id", platform.deploymentId());
    HttpResponse<String> r = new Browser().postForm(tool.baseUrl() + "/lti/login", login);
    assertEquals(302, r.statusCode(), r.body());
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.matches("sa_state_[0-9a-f]{16}=[A-Za-z0-9_-]{43}; Path=/; .*"), cookie);
    assertTrue(
        cookie.contains("HttpOnly; Max-Age=300; Secure; SameSite=None; Partitioned"), cookie);
    String state =
        TestPlatform.query(java.net.URI.create(r.headers().firstValue("Location").get()))
            .get("state");
    assertTrue(cookie.contains("=" + state + ";"), cookie + " " + state);
  }

  @Test
  void aStatePostedFromABrowserThatStartedAnotherLoginIsRefused() {
    Browser starter = new Browser();
    HttpResponse<String> form = student("bind-1").authorize(starter);
    Browser other = new Browser();
    // The other browser started a login of its own, so it keeps the tool's cookies.
    student("bind-other").authorize(other);
    HttpResponse<String> posted = other.submitAutoPost(form);
    assertEquals(401, posted.statusCode(), posted.body());
    assertTrue(posted.body().contains("Deze aanmelding hoort niet bij deze browser."));
    assertEquals(0, sessionsOf("bind-1"));
    // The state is spent: not even the browser that started the login can use it now.
    assertEquals(401, starter.submitAutoPost(form).statusCode());
    assertEquals(0, sessionsOf("bind-1"));
  }

  @Test
  void aStatePostedFromABrowserWithASessionOfItsOwnIsRefused() {
    Browser signedIn = new Browser();
    assertEquals(303, student("bind-2-victim").run(signedIn).statusCode());
    HttpResponse<String> attackersForm = student("bind-2").authorize(new Browser());
    HttpResponse<String> posted = signedIn.submitAutoPost(attackersForm);
    assertEquals(401, posted.statusCode(), posted.body());
    assertEquals(0, sessionsOf("bind-2"));
    assertEquals(1, sessionsOf("bind-2-victim"));
  }

  @Test
  void theBrowserThatStartedTheLoginLaunchesAndItsStateCookieStays() {
    Browser browser = new Browser();
    HttpResponse<String> r = student("bind-3").run(browser);
    assertEquals(303, r.statusCode(), r.body());
    assertEquals(1, sessionsOf("bind-3"));
    // A replay from the same browser reads as what it is: a state used already.
    HttpResponse<String> replay =
        browser.postForm(browser.lastAutoPostTarget(), browser.lastAutoPost());
    assertEquals(401, replay.statusCode());
    assertTrue(replay.body().contains("Deze aanmelding is onbekend of al gebruikt."));
  }

  @Test
  void aBrowserThatKeepsNoCookiesStillLaunches() {
    Browser iframe = new Browser().blockingCookies();
    HttpResponse<String> r = student("bind-4").run(iframe);
    assertEquals(303, r.statusCode(), r.body());
    assertEquals(1, sessionsOf("bind-4"));
    HttpResponse<String> start = iframe.follow(r);
    assertTrue(start.body().contains("/lti/resume?h="), start.body());
  }

  @Test
  void aResourceLinkForAnotherToolIsRefused() {
    for (String elsewhere :
        List.of(
            "https://other-tool.example/lti/launch",
            tool.baseUrl().replace("localhost", "127.0.0.1") + "/lti/launch",
            "http://localhost:" + (tool.port() + 1) + "/lti/launch",
            "https://localhost:" + tool.port() + "/lti/launch")) {
      Browser browser = new Browser();
      HttpResponse<String> r =
          student("target-1").claim(LtiClaims.TARGET_LINK_URI, elsewhere).run(browser);
      assertEquals(400, r.statusCode(), elsewhere);
      assertTrue(r.body().contains("hoort bij een andere tool"), r.body());
    }
    assertEquals(0, sessionsOf("target-1"));
  }

  @Test
  void aResourceLinkToAnyPageOfThisToolLaunches() {
    Browser browser = new Browser();
    HttpResponse<String> r =
        student("target-2")
            .claim(LtiClaims.TARGET_LINK_URI, tool.baseUrl().toUpperCase() + "/me")
            .run(browser);
    assertEquals(303, r.statusCode(), r.body());
    assertFalse(browser.follow(r).body().isEmpty());
    assertEquals(1, sessionsOf("target-2"));
  }
}
