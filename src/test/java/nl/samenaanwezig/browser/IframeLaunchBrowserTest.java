package nl.samenaanwezig.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.testing.A11yChecks;
import nl.samenaanwezig.testing.Chrome;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The tool inside a Moodle-like course page on another site (platform on 127.0.0.1, tool on
 * localhost), in real Chromium: the launch runs in the iframe and the session cookie has to come
 * back there.
 */
class IframeLaunchBrowserTest {
  static ToolServer tool;
  static TestPlatform platform;
  ChromeDriver driver;

  @RegisterExtension
  final Chrome.ScreenshotOnFailure screenshots = new Chrome.ScreenshotOnFailure(() -> driver);

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

  @AfterEach
  void quit() {
    Chrome.quit(driver);
  }

  @Test
  void mentorLaunchInIframeShowsClassPage() {
    driver = Chrome.desktop();
    openCourse("mentor");
    awaitToolPath("/class/");
    assertEquals("Klas Wiskunde 2B", driver.findElement(By.tagName("h1")).getText());
    assertEquals("Jeroen Smits", driver.findElement(By.cssSelector(".topbar .who")).getText());
    A11yChecks.assertNone(driver, "class page in iframe");
  }

  @Test
  void languageSwitchInIframeKeepsSessionAndPage() {
    driver = Chrome.desktop();
    openCourse("mentor");
    String classPath = awaitToolPath("/class/");
    // A form POST with the CSRF token: only works when the session cookie comes back in the frame.
    driver.findElement(By.cssSelector("form.lang button[value='en']")).click();
    Chrome.await(driver).until(d -> "en".equals(script("return document.documentElement.lang")));
    assertEquals(classPath, script("return location.pathname"));
    assertEquals("Class Wiskunde 2B", driver.findElement(By.tagName("h1")).getText());
    assertEquals(
        "Nederlands", driver.findElement(By.cssSelector("form.lang button[value='nl']")).getText());
    A11yChecks.assertNone(driver, "class page in English");
  }

  @Test
  void studentLaunchInIframeShowsOwnPage() {
    driver = Chrome.desktop();
    openCourse("student");
    awaitToolPath("/me");
    assertEquals("Mijn pagina", driver.findElement(By.tagName("h1")).getText());
    assertEquals("Wiskunde 2B", driver.findElement(By.cssSelector(".course-title")).getText());
    assertEquals("Fenna Kok", driver.findElement(By.cssSelector(".topbar .who")).getText());
    A11yChecks.assertNone(driver, "my page in iframe");
  }

  /**
   * Chromium blocks third-party cookies here (explicitly switched on as well): a plain {@code
   * SameSite=None} cookie of another site is dropped in the frame, yet the tool's {@code
   * Partitioned} cookie comes back, so no new window is needed.
   */
  @Test
  void partitionedCookieWorksWhileThirdPartyCookiesAreBlocked() {
    driver = Chrome.start(Chrome.DESKTOP, Map.of("profile.cookie_controls_mode", 1));
    try (UnpartitionedCookieSite control = UnpartitionedCookieSite.start()) {
      platform.handle(
          "/control-frame",
          exchange ->
              TestPlatform.respond(
                  exchange, 200, "text/html; charset=utf-8", framePage(control.url())));
      driver.get(platform.issuer() + "/control-frame");
      Chrome.await(driver).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("framed"));
      Chrome.await(driver).until(d -> "received".equals(script("return document.body.id")));
      String returned = script("return document.body.textContent");
      assertFalse(returned.contains("control=1"), "third-party cookie came back: " + returned);
    }
    driver.switchTo().defaultContent();
    openCourse("mentor");
    awaitToolPath("/class/");
    assertEquals("Klas Wiskunde 2B", driver.findElement(By.tagName("h1")).getText());
  }

  @Test
  void blockedToolCookieInLmsOffersNewWindowThatOpensClassPage() {
    driver = Chrome.start(Chrome.DESKTOP, Chrome.blockCookies(tool.baseUrl(), platform.issuer()));
    openCourse("mentor");
    awaitToolPath("/start");
    assertEquals(
        "Open Samen Aanwezig in een nieuw venster", driver.findElement(By.tagName("h1")).getText());
    A11yChecks.assertNone(driver, "cookie-blocked page");
    String lms = driver.getWindowHandle();
    driver.findElement(By.id("open-new-window")).click();
    Chrome.await(driver).until(ExpectedConditions.numberOfWindowsToBe(2));
    driver.switchTo().window(otherWindow(lms));
    awaitToolPath("/class/");
    assertEquals("Klas Wiskunde 2B", driver.findElement(By.tagName("h1")).getText());
    assertEquals("Jeroen Smits", driver.findElement(By.cssSelector(".topbar .who")).getText());
  }

  @Test
  void unregisteredPlatformCannotFrameTheTool() {
    driver = Chrome.desktop();
    try (TestPlatform stranger = TestPlatform.start()) {
      stranger.handle(
          "/embed",
          exchange ->
              TestPlatform.respond(
                  exchange, 200, "text/html; charset=utf-8", framePage(tool.baseUrl() + "/start")));
      platform.handle(
          "/embed",
          exchange ->
              TestPlatform.respond(
                  exchange, 200, "text/html; charset=utf-8", framePage(tool.baseUrl() + "/start")));

      // The registered platform may frame the tool: its page (here: session expired) renders.
      driver.get(platform.issuer() + "/embed");
      Chrome.await(driver).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("framed"));
      Chrome.await(driver).until(d -> !d.findElements(By.id("main")).isEmpty());
      assertEquals("Dat lukte niet", driver.findElement(By.tagName("h1")).getText());

      driver.switchTo().defaultContent();
      List<String> console = new ArrayList<>();
      driver.get(stranger.issuer() + "/embed");
      Chrome.await(driver)
          .until(
              d -> {
                d.manage().logs().get(LogType.BROWSER).forEach(e -> console.add(e.getMessage()));
                return console.stream().anyMatch(m -> m.contains("frame-ancestors"))
                    || frameHasToolPage(d);
              });
      assertFalse(frameHasToolPage(driver), "tool page rendered in a foreign frame");
      String refusal =
          console.stream().filter(m -> m.contains("frame-ancestors")).findFirst().orElseThrow();
      assertTrue(refusal.contains("'" + tool.baseUrl() + "/'"), refusal);
      assertTrue(refusal.contains("\"frame-ancestors 'self' " + platform.issuer() + "\""), refusal);
    }
  }

  /** The course page of the platform frames the tool and auto-posts the login initiation. */
  private void openCourse(String as) {
    driver.get(platform.issuer() + "/course/view.php?as=" + as);
    Chrome.await(driver).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("tool"));
  }

  private String awaitToolPath(String prefix) {
    return Chrome.awaitPage(driver, tool.baseUrl(), prefix);
  }

  private String script(String js) {
    return String.valueOf(((JavascriptExecutor) driver).executeScript(js));
  }

  private String otherWindow(String handle) {
    return driver.getWindowHandles().stream()
        .filter(h -> !h.equals(handle))
        .findFirst()
        .orElseThrow();
  }

  private static boolean frameHasToolPage(WebDriver d) {
    d.switchTo().defaultContent();
    d.switchTo().frame("framed");
    boolean rendered = !d.findElements(By.id("main")).isEmpty();
    d.switchTo().defaultContent();
    return rendered;
  }

  private static String framePage(String src) {
    return "<!DOCTYPE html><html lang=\"nl\"><head><title>Cursus</title></head><body>"
        + "<iframe id=\"framed\" title=\"ingesloten\" src=\""
        + src
        + "\"></iframe></body></html>";
  }

  /**
   * A control site on localhost that sets a plain (unpartitioned) SameSite=None cookie and shows
   * which cookies came back; body id "received" marks the second visit.
   */
  static final class UnpartitionedCookieSite implements AutoCloseable {
    private final com.sun.net.httpserver.HttpServer server;

    private UnpartitionedCookieSite(com.sun.net.httpserver.HttpServer server) {
      this.server = server;
    }

    static UnpartitionedCookieSite start() {
      try {
        com.sun.net.httpserver.HttpServer server =
            com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
            "/set",
            exchange -> {
              exchange
                  .getResponseHeaders()
                  .add("Set-Cookie", "control=1; Path=/; Secure; SameSite=None");
              exchange.getResponseHeaders().add("Location", "/show");
              exchange.sendResponseHeaders(303, -1);
              exchange.close();
            });
        server.createContext(
            "/show",
            exchange -> {
              String cookies = exchange.getRequestHeaders().getFirst("Cookie");
              TestPlatform.respond(
                  exchange,
                  200,
                  "text/html; charset=utf-8",
                  "<!DOCTYPE html><html><body id=\"received\">"
                      + (cookies == null ? "" : cookies)
                      + "</body></html>");
            });
        server.start();
        return new UnpartitionedCookieSite(server);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    String url() {
      return "http://localhost:" + server.getAddress().getPort() + "/set";
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
