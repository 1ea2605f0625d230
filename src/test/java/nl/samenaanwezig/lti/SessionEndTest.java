package nl.samenaanwezig.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenaanwezig.config.AppConfig;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How a session ends on a shared school computer: the logout on every signed-in page, and the idle
 * timeout beside the absolute lifetime (here 5 minutes, so the test moves last_seen back in the
 * database instead of waiting).
 */
class SessionEndTest {
  static final Duration IDLE = Duration.ofMinutes(5);
  static ToolServer tool;
  static TestPlatform platform;

  @BeforeAll
  static void start() {
    tool = ToolServer.start(c -> c.withIdleTimeout(IDLE));
    platform = TestPlatform.start().registerWith(tool);
  }

  @AfterAll
  static void stop() {
    platform.close();
    tool.close();
  }

  private static Browser signedIn(String subject) {
    Browser browser = new Browser();
    HttpResponse<String> page =
        browser.follow(
            platform
                .launch()
                .person(subject, "Fenna", "Kok", List.of(Role.Lis.LEARNER.uri()))
                .run(browser));
    assertEquals(200, page.statusCode(), page.body());
    return browser;
  }

  private static long sessionsOf(String subject) {
    return tool.count(
        "SELECT COUNT(*) FROM user_session s JOIN person p ON s.person_id = p.id"
            + " WHERE p.subject = ?",
        subject);
  }

  private static void lastSeen(String subject, Instant at) {
    tool.db()
        .run(
            em ->
                em.createNativeQuery(
                        "UPDATE user_session SET last_seen = ? WHERE person_id IN"
                            + " (SELECT id FROM person WHERE subject = ?)")
                    .setParameter(1, Timestamp.from(at))
                    .setParameter(2, subject)
                    .executeUpdate());
  }

  private static Instant lastSeen(String subject) {
    Object value =
        tool.db()
            .read(
                em ->
                    em.createNativeQuery(
                            "SELECT s.last_seen FROM user_session s JOIN person p"
                                + " ON s.person_id = p.id WHERE p.subject = ?")
                        .setParameter(1, subject)
                        .getSingleResult());
    return ((Timestamp) value).toInstant();
  }

  private static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
    assertTrue(m.find(), html);
    return m.group(1);
  }

  @Test
  void everySignedInPageHasALogoutButtonThatEndsTheSession() {
    Browser browser = signedIn("out-1");
    String page = browser.get(tool.baseUrl() + "/me").body();
    assertTrue(page.contains("<form class=\"logout\" method=\"post\" action=\"/logout\">"), page);
    assertTrue(page.contains(">Uitloggen</button>"), page);

    HttpResponse<String> out =
        browser.postForm(tool.baseUrl() + "/logout", Map.of("csrf", csrf(page)));
    assertEquals(200, out.statusCode(), out.body());
    assertTrue(out.body().contains("<h1>Je bent uitgelogd</h1>"), out.body());
    assertTrue(out.body().contains("Open Samen Aanwezig opnieuw vanuit je leeromgeving."));
    String cookie = out.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.startsWith("sa_session=; Path=/; HttpOnly; Max-Age=0"), cookie);
    assertTrue(cookie.contains("Partitioned"), "removes the partitioned cookie: " + cookie);
    assertEquals(0, sessionsOf("out-1"));
    assertEquals(401, browser.get(tool.baseUrl() + "/me").statusCode());
  }

  @Test
  void aStolenCookieIsWorthNothingAfterLogout() {
    Browser browser = signedIn("out-2");
    String cookie = browser.cookie("localhost", Sessions.COOKIE);
    String page = browser.get(tool.baseUrl() + "/me").body();
    browser.postForm(tool.baseUrl() + "/logout", Map.of("csrf", csrf(page)));
    Browser copy = new Browser();
    copy.setCookie("localhost", Sessions.COOKIE, cookie);
    assertEquals(401, copy.get(tool.baseUrl() + "/me").statusCode());
  }

  @Test
  void logoutWithoutTheCsrfTokenIsRefusedAndTheSessionStays() {
    Browser browser = signedIn("out-3");
    HttpResponse<String> out = browser.postForm(tool.baseUrl() + "/logout", Map.of());
    assertEquals(403, out.statusCode());
    assertEquals(1, sessionsOf("out-3"));
    assertEquals(200, browser.get(tool.baseUrl() + "/me").statusCode());
  }

  @Test
  void aSessionUnusedForTheIdleTimeEnds() {
    Browser browser = signedIn("idle-1");
    lastSeen("idle-1", Instant.now().minus(IDLE).minusSeconds(5));
    HttpResponse<String> page = browser.get(tool.baseUrl() + "/me");
    assertEquals(401, page.statusCode());
    assertTrue(page.body().contains("Je sessie is verlopen."), page.body());
  }

  @Test
  void aSessionUsedWithinTheIdleTimeGoesOnAndIsSeenAgain() {
    Browser browser = signedIn("idle-2");
    Instant earlier = Instant.now().minus(IDLE).plusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
    lastSeen("idle-2", earlier);
    assertEquals(200, browser.get(tool.baseUrl() + "/me").statusCode());
    assertTrue(lastSeen("idle-2").isAfter(Instant.now().minusSeconds(60)), "moved on");
  }

  @Test
  void lastSeenIsWrittenAtMostOnceAMinute() {
    Browser browser = signedIn("idle-3");
    Instant recent = Instant.now().minusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
    lastSeen("idle-3", recent);
    for (int i = 0; i < 3; i++) {
      assertEquals(200, browser.get(tool.baseUrl() + "/me").statusCode());
    }
    assertEquals(recent, lastSeen("idle-3"));
  }

  @Test
  void housekeepingRemovesIdleSessions() {
    signedIn("idle-4");
    signedIn("idle-5");
    lastSeen("idle-4", Instant.now().minus(IDLE).minusSeconds(5));
    new Sessions(tool.db(), Clock.systemUTC(), Duration.ofHours(8), IDLE).purgeExpired();
    assertEquals(0, sessionsOf("idle-4"));
    assertEquals(1, sessionsOf("idle-5"));
  }

  @Test
  void theIdleTimeIsThirtyMinutesUnlessConfigured() {
    AppConfig defaults =
        new AppConfig("jdbc:derby:memory:x", "", "", Optional.empty(), false, Duration.ofHours(8));
    assertEquals(Duration.ofMinutes(30), defaults.idleTimeout());
    System.setProperty("samen.idle.minutes", "45");
    try {
      assertEquals(Duration.ofMinutes(45), AppConfig.fromEnvironment().idleTimeout());
    } finally {
      System.clearProperty("samen.idle.minutes");
    }
  }
}
