package nl.samenaanwezig.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import nl.samenaanwezig.lti.LtiClaims;
import nl.samenaanwezig.testing.A11yChecks;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.Chrome;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The card editors in Chromium: the readability check under a text changes while it is typed,
 * without saving, and says in plain words what to change.
 */
class InfoCardEditorBrowserTest {
  static final String HARD =
      "De leerplichtambtenaar onderzoekt ongeoorloofd verzuim en neemt contact op met de"
          + " verzuimcoördinator van de onderwijsinstelling.";
  static final String EASY = "Ben je ziek? Bel dan voor half negen naar school.";

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

  /**
   * The administrator's launch runs over HTTP (the fake LMS frames only mentors and students);
   * Chromium continues with that session's cookie, as after a launch in a new window.
   */
  @Test
  void administratorSeesTheScoreChangeWhileTypingAndReachesB1() {
    Browser launch = new Browser();
    HttpResponse<String> admin =
        launch.follow(platform.launch().asAdmin().without(LtiClaims.CONTEXT).run(launch));
    assertEquals("/admin", admin.uri().getPath());
    driver = Chrome.desktop();
    driver.get(tool.baseUrl() + "/infocard/card.css");
    driver
        .manage()
        .addCookie(
            new Cookie.Builder("sa_session", launch.cookie("localhost", "sa_session"))
                .path("/")
                .build());
    driver.get(tool.baseUrl() + "/admin");
    driver.findElement(By.linkText("Informatiekaart schrijven")).sendKeys(Keys.ENTER);
    Chrome.awaitPage(driver, tool.baseUrl(), "/admin/infocard");
    A11yChecks.assertNone(driver, "card editor");

    WebElement rules = driver.findElement(By.id("f-rules"));
    WebElement line = driver.findElement(By.cssSelector("#f-rules-score .score-line"));
    assertEquals("polite", line.getAttribute("aria-live"));
    assertTrue(line.getText().contains("Goed:"), "the starting text already reads at B1");

    rules.clear();
    rules.sendKeys(HARD);
    Chrome.await(driver)
        .withMessage("the score line shows the hard text's score")
        .until(d -> line.getText().startsWith("Leesbaarheid: 3 van 100, ongeveer taalniveau C2."));
    assertTrue(line.getText().contains("Nog te moeilijk voor B1."), line.getText());
    String advice = driver.findElement(By.cssSelector("#f-rules-score .advice")).getText();
    assertTrue(advice.contains("„leerplichtambtenaar” is een lang woord."), advice);

    rules.clear();
    rules.sendKeys(EASY);
    Chrome.await(driver)
        .withMessage("the score line shows the easy text's score")
        .until(
            d -> line.getText().startsWith("Leesbaarheid: 100 van 100, ongeveer taalniveau A2."));
    assertTrue(line.getText().contains("Goed: dit is makkelijk genoeg"), line.getText());
    assertEquals("", driver.findElement(By.cssSelector("#f-rules-score .advice")).getText());

    driver.findElement(By.cssSelector(".sticky-save button")).sendKeys(Keys.ENTER);
    Chrome.await(driver)
        .until(d -> d.getPageSource().contains("De teksten van de kaart zijn opgeslagen."));
    assertEquals(EASY, driver.findElement(By.id("f-rules")).getAttribute("value"));
  }

  /** The mentor goes from the class page in the LMS iframe to the card editor and types. */
  @Test
  void mentorSeesTheScoreOfTheClassTextInsideTheLms() {
    driver = Chrome.desktop();
    driver.get(platform.issuer() + "/course/view.php?as=mentor");
    driver.switchTo().frame("tool");
    Chrome.awaitPage(driver, tool.baseUrl(), "/class/");
    driver.findElement(By.linkText("Informatiekaart")).sendKeys(Keys.ENTER);
    Chrome.awaitPage(driver, tool.baseUrl(), "/class/");
    Chrome.await(driver).until(d -> !d.findElements(By.id("f-class")).isEmpty());
    A11yChecks.assertNone(driver, "class card editor");
    WebElement note = driver.findElement(By.id("f-class"));
    WebElement line = driver.findElement(By.cssSelector("#f-class-score .score-line"));
    assertEquals("Nog geen tekst.", line.getText());
    note.sendKeys("Bel mij liever na vier uur.");
    Chrome.await(driver)
        .withMessage("the score of the typed note")
        .until(d -> line.getText().startsWith("Leesbaarheid: "));
    assertTrue(line.getText().contains("Goed:"), line.getText());
  }

  /** The card itself, as a student opens it from their page, passes the same checks. */
  @Test
  void studentsCardPageIsAccessible() {
    driver = Chrome.phone();
    driver.get(platform.issuer() + "/course/view.php?as=student");
    driver.switchTo().frame("tool");
    Chrome.awaitPage(driver, tool.baseUrl(), "/me");
    driver.findElement(By.linkText("Bekijk en print je kaart")).sendKeys(Keys.ENTER);
    Chrome.awaitPage(driver, tool.baseUrl(), "/infocard/");
    assertEquals("Informatiekaart", driver.findElement(By.tagName("h1")).getText());
    assertTrue(driver.findElement(By.cssSelector("svg.qr")).isDisplayed());
    A11yChecks.assertNone(driver, "student's card");
  }
}
