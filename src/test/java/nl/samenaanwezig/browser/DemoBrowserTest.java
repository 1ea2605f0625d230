package nl.samenaanwezig.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nl.samenaanwezig.testing.A11yChecks;
import nl.samenaanwezig.testing.Chrome;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/** The built-in demo in real Chromium: every button runs the real LTI launch. */
class DemoBrowserTest {
  static ToolServer tool;
  ChromeDriver driver;

  @RegisterExtension
  final Chrome.ScreenshotOnFailure screenshots = new Chrome.ScreenshotOnFailure(() -> driver);

  @BeforeAll
  static void start() {
    tool = ToolServer.start(true);
  }

  @AfterAll
  static void stop() {
    tool.close();
  }

  @AfterEach
  void quit() {
    Chrome.quit(driver);
  }

  @Test
  void mentorButtonOpensClassOfTwentyFiveWithDemoBadge() {
    driver = Chrome.desktop();
    driver.get(tool.baseUrl() + "/demo");
    A11yChecks.assertNone(driver, "demo page");
    driver.findElement(By.id("open-mentor")).click();
    awaitPath("/class/");
    assertEquals(25, driver.findElements(By.cssSelector("table.roster tbody tr")).size());
    assertEquals("Studenten (25)", driver.findElement(By.id("students-heading")).getText());
    WebElement badge = driver.findElement(By.cssSelector(".topbar .demo-badge"));
    assertTrue(badge.isDisplayed());
    assertEquals("DEMO", badge.getText());
    assertEquals("Sanne de Vries", driver.findElement(By.cssSelector(".topbar .who")).getText());
    A11yChecks.assertNone(driver, "class page");
  }

  @Test
  void chosenStudentOpensOwnPage() {
    driver = Chrome.desktop();
    driver.get(tool.baseUrl() + "/demo");
    new Select(driver.findElement(By.id("student"))).selectByVisibleText("Olha Kovalenko");
    driver.findElement(By.id("open-student")).click();
    awaitPath("/me");
    assertEquals("Mijn pagina", driver.findElement(By.tagName("h1")).getText());
    assertEquals("Olha Kovalenko", driver.findElement(By.cssSelector(".topbar .who")).getText());
    assertEquals("Hoi Olha Kovalenko!", driver.findElement(By.cssSelector("p.lead")).getText());
    A11yChecks.assertNone(driver, "my page");
  }

  @Test
  void adminButtonOpensSettings() {
    driver = Chrome.desktop();
    driver.get(tool.baseUrl() + "/demo");
    driver.findElement(By.id("open-admin")).click();
    awaitPath("/admin");
    assertTrue(
        driver.findElement(By.tagName("h1")).getText().startsWith("Instellingen"),
        driver.findElement(By.tagName("h1")).getText());
    A11yChecks.assertNone(driver, "admin page");
  }

  @Test
  void errorPageExplainsInDutch() {
    driver = Chrome.desktop();
    driver.get(tool.baseUrl() + "/start");
    assertEquals("Dat lukte niet", driver.findElement(By.tagName("h1")).getText());
    assertEquals(
        "Je sessie is verlopen. Open Samen Aanwezig opnieuw vanuit je leeromgeving.",
        driver.findElement(By.cssSelector("[role=alert]")).getText());
    A11yChecks.assertNone(driver, "error page");
  }

  @Test
  void firstTabStopIsVisibleSkipLinkToMain() {
    driver = Chrome.desktop();
    driver.get(tool.baseUrl() + "/demo");
    driver.findElement(By.id("open-mentor")).click();
    awaitPath("/class/");
    WebElement skip = driver.findElement(By.cssSelector("a.skip"));
    assertTrue(
        ((Number) script("return arguments[0].getBoundingClientRect().right", skip)).doubleValue()
            <= 0,
        "skip link hidden until focused");
    new Actions(driver).sendKeys(Keys.TAB).perform();
    WebElement focused = driver.switchTo().activeElement();
    assertEquals(skip, focused);
    assertEquals("Naar de inhoud", focused.getText());
    assertTrue(
        (Boolean)
            script(
                "const r = arguments[0].getBoundingClientRect();"
                    + " return r.left >= 0 && r.top >= 0 && r.width > 0"
                    + " && r.right <= window.innerWidth;",
                focused),
        "focused skip link is on screen");
    new Actions(driver).sendKeys(Keys.ENTER).perform();
    assertEquals("#main", script("return location.hash"));
  }

  @Test
  void classPageFitsPhoneWithoutSideways() {
    driver = Chrome.phone();
    driver.get(tool.baseUrl() + "/demo");
    assertEquals(390L, ((Number) script("return window.innerWidth")).longValue());
    assertFitsWidth("demo page");
    driver.findElement(By.id("open-mentor")).click();
    awaitPath("/class/");
    assertFitsWidth("class page");
    A11yChecks.assertNone(driver, "class page on a phone");
  }

  private void assertFitsWidth(String page) {
    List<?> widths =
        (List<?>) script("return [document.documentElement.scrollWidth, window.innerWidth];");
    long scroll = ((Number) widths.get(0)).longValue();
    long viewport = ((Number) widths.get(1)).longValue();
    assertTrue(scroll <= viewport, page + " scrolls sideways: " + scroll + " > " + viewport);
  }

  private void awaitPath(String prefix) {
    Chrome.awaitPage(driver, tool.baseUrl(), prefix);
  }

  private Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }
}
