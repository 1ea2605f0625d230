package nl.samenaanwezig.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Full launches over real HTTP: test platform (127.0.0.1) and the WAR in Jetty (localhost). */
class LaunchFlowTest {
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

  @Test
  void mentorLaunchLandsOnClassPageWithCourseAndName() {
    Browser browser = new Browser();
    HttpResponse<String> launched = platform.launch().asMentor().run(browser);
    assertEquals(303, launched.statusCode(), launched.body());
    String cookie = launched.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.contains("SameSite=None; Partitioned"), cookie);
    HttpResponse<String> page = browser.follow(launched);
    assertEquals(200, page.statusCode());
    assertTrue(page.uri().getPath().startsWith("/class/"), page.uri().toString());
    assertTrue(page.body().contains("Wiskunde 2B"), page.body());
    assertTrue(page.body().contains("Jeroen Smits"), page.body());
    assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
    assertTrue(
        page.headers()
            .firstValue("Content-Security-Policy")
            .orElseThrow()
            .contains("frame-ancestors 'self' " + platform.issuer()));
  }

  @Test
  void studentLaunchLandsOnOwnPage() {
    Browser browser = new Browser();
    HttpResponse<String> page = browser.follow(platform.launch().asStudent().run(browser));
    assertEquals("/me", page.uri().getPath());
    assertTrue(page.body().contains("Fenna Kok"), page.body());
  }

  @Test
  void replayedLaunchIsRefusedAndOpensNoSession() {
    Browser browser = new Browser();
    HttpResponse<String> first = platform.launch().asMentor().run(browser);
    assertEquals(303, first.statusCode());
    long sessions = tool.count("SELECT COUNT(*) FROM user_session");
    Browser attacker = new Browser();
    HttpResponse<String> replay =
        attacker.postForm(browser.lastAutoPostTarget(), browser.lastAutoPost());
    assertEquals(401, replay.statusCode());
    assertNull(attacker.cookie("localhost", Sessions.COOKIE));
    assertEquals(sessions, tool.count("SELECT COUNT(*) FROM user_session"));
  }

  @Test
  void lostCookieInIframeOffersNewWindowOnce() {
    Browser iframe = new Browser().blockingCookies();
    HttpResponse<String> start = iframe.follow(platform.launch().asMentor().run(iframe));
    assertEquals(401, start.statusCode());
    assertTrue(start.body().contains("id=\"open-new-window\""), start.body());
    String href = start.body().replaceAll("(?s).*href=\"(/lti/resume[^\"]*)\".*", "$1");
    String resumeUrl = tool.baseUrl() + href.replace("&amp;", "&");
    Browser window = new Browser();
    HttpResponse<String> page = window.follow(window.get(resumeUrl));
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Wiskunde 2B"));
    assertNotNull(window.cookie("localhost", Sessions.COOKIE));
    HttpResponse<String> again = new Browser().get(resumeUrl);
    assertEquals(401, again.statusCode());
  }
}
