package nl.samenaanwezig.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tool's own address outside a learning platform: what it is and how to install it. */
class IndexPageTest {
  static ToolServer tool;

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
  }

  @AfterAll
  static void stop() {
    tool.close();
  }

  @Test
  void saysInDutchWhatThisIsAndGivesTheRegistrationAddress() {
    HttpResponse<String> page = new Browser().get(tool.baseUrl() + "/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<html lang=\"nl\""), page.body());
    assertTrue(page.body().contains("Voor beheerders"), page.body());
    assertTrue(page.body().contains(tool.baseUrl() + "/lti/register"), page.body());
    assertTrue(page.body().contains("lti-config/README.md"), page.body());
    assertTrue(page.body().contains("href=\"/?lang=en\""), page.body());
    assertTrue(page.headers().firstValue("Set-Cookie").isEmpty());
  }

  @Test
  void inEnglishForAnEnglishBrowserOrByTheLanguageLink() {
    HttpResponse<String> byBrowser =
        new Browser().get(tool.baseUrl() + "/", Map.of("Accept-Language", "en-GB,en;q=0.9"));
    assertTrue(byBrowser.body().contains("For administrators"), byBrowser.body());
    HttpResponse<String> byLink = new Browser().get(tool.baseUrl() + "/?lang=en");
    assertTrue(byLink.body().contains("<html lang=\"en\""), byLink.body());
    assertTrue(byLink.body().contains("href=\"/?lang=nl\""), byLink.body());
  }

  @Test
  void usesTheConfiguredPublicAddressBehindAProxy() {
    try (ToolServer proxied =
        ToolServer.start(
            c ->
                new nl.samenaanwezig.config.AppConfig(
                    c.dbUrl(),
                    c.dbUser(),
                    c.dbPassword(),
                    java.util.Optional.of("https://aanwezig.school.example"),
                    false,
                    c.sessionLifetime()))) {
      HttpResponse<String> page = new Browser().get(proxied.baseUrl() + "/");
      assertTrue(page.body().contains("https://aanwezig.school.example/lti/register"), page.body());
    }
  }

  @Test
  void inDemoModeLeadsToTheDemo() {
    try (ToolServer demo = ToolServer.start(true)) {
      HttpResponse<String> page = new Browser().get(demo.baseUrl() + "/");
      assertEquals(303, page.statusCode());
      assertEquals(demo.baseUrl() + "/demo", page.headers().firstValue("Location").orElseThrow());
    }
  }
}
