package nl.samenaanwezig.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import nl.samenaanwezig.lti.LtiClaims;
import nl.samenaanwezig.testing.A11yChecks;
import nl.samenaanwezig.testing.Chrome;
import nl.samenaanwezig.testing.PlatformServices;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A mentor's first launch in the Moodle-like course page while the platform still holds the roster:
 * in Chromium the class page says the list is being fetched, then loads itself once and shows every
 * student; the user can stop that reload.
 */
class RosterReloadBrowserTest {
  static ToolServer tool;
  // One platform for the class: the tool re-reads the origins that may frame it every 30 s only.
  static TestPlatform platform;
  static PlatformServices services;
  static int courses;
  ChromeDriver driver;

  @RegisterExtension
  final Chrome.ScreenshotOnFailure screenshots = new Chrome.ScreenshotOnFailure(() -> driver);

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
    platform = TestPlatform.start().registerWith(tool);
    services = PlatformServices.attach(platform).withLaunchMentor().students(4);
  }

  @AfterAll
  static void stop() {
    services.releaseAnswers();
    platform.close();
    tool.close();
  }

  /** Each test launches from a course of its own, so its roster has never been read. */
  @BeforeEach
  void newCourse() {
    String course = "course-" + ++courses;
    services.holdAnswers();
    platform.framedLaunches(
        l ->
            l.claim(LtiClaims.CONTEXT, Map.of("id", course, "title", "Wiskunde " + course))
                .claim(LtiClaims.NRPS, services.nrpsClaim(course)));
  }

  @AfterEach
  void quit() {
    Chrome.quit(driver);
    services.releaseAnswers();
  }

  @Test
  void classPageReloadsOnceWhenTheRosterHasArrived() {
    openClassPage();
    assertTrue(
        driver.findElement(By.cssSelector("[data-reload-note]")).isDisplayed(),
        "the reload is announced");
    A11yChecks.assertNone(driver, "class page while the roster is fetched");

    services.releaseAnswers();
    Chrome.await(driver)
        .until(d -> "?reloaded=1".equals(script("return location.search")) && loaded());
    assertTrue(
        driver.findElement(By.id("students-heading")).getText().equals("Studenten (4)"),
        driver.findElement(By.id("students-heading")).getText());
    assertTrue(driver.findElements(By.cssSelector("[data-reload-once]")).isEmpty());
  }

  @Test
  void stopButtonKeepsThePage() throws InterruptedException {
    openClassPage();
    script("window.samenMarker = 'same page'");
    driver.findElement(By.cssSelector("[data-reload-stop]")).click();
    assertTrue(!driver.findElement(By.cssSelector("[data-reload-note]")).isDisplayed());
    assertEquals(
        "Nu opnieuw laden",
        script("return document.activeElement.textContent"),
        "focus goes to the link that still reloads on request");

    services.releaseAnswers();
    // Longer than the page's own delay: had the stop not worked, the page would be gone by now.
    Thread.sleep(6_000);
    assertEquals("same page", script("return window.samenMarker"));
    assertEquals("", script("return location.search"));
  }

  private void openClassPage() {
    driver = Chrome.desktop();
    driver.get(platform.issuer() + "/course/view.php?as=mentor");
    Chrome.await(driver).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("tool"));
    Chrome.awaitPage(driver, tool.baseUrl(), "/class/");
  }

  private boolean loaded() {
    return "complete".equals(script("return document.readyState"));
  }

  private String script(String js) {
    return String.valueOf(((JavascriptExecutor) driver).executeScript(js));
  }
}
