package nl.samenaanwezig.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.testing.A11yChecks;
import nl.samenaanwezig.testing.Chrome;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

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
    assertEquals(25, driver.findElements(By.cssSelector("table.roster tbody tr.student")).size());
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
  void institutionSignalListFitsAPhoneAndNarrowsByRuleWithTheKeyboard() {
    driver = Chrome.phone();
    driver.get(tool.baseUrl() + "/demo");
    driver.findElement(By.id("open-admin")).click();
    awaitPath("/admin");
    driver.get(tool.baseUrl() + "/admin/signals");
    assertFitsWidth("institution signals");
    A11yChecks.assertNone(driver, "institution signals on a phone");
    new Select(driver.findElement(By.id("rule"))).selectByValue("LATENESS");
    driver.findElement(By.cssSelector("form.sort button")).sendKeys(Keys.ENTER);
    new WebDriverWait(driver, java.time.Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().contains("rule=LATENESS"));
    assertEquals(
        "LATENESS",
        new Select(driver.findElement(By.id("rule")))
            .getFirstSelectedOption()
            .getAttribute("value"));
    assertTrue(
        driver.findElements(By.cssSelector("ol.signal-list > li")).size() >= 1,
        "the demo class has students on the lateness ladder");
    assertFitsWidth("institution signals by rule");
    A11yChecks.assertNone(driver, "institution signals by rule");
  }

  @Test
  void presencePerClassFitsAPhoneAndIsReachedFromTheSettings() {
    driver = Chrome.phone();
    driver.get(tool.baseUrl() + "/demo");
    driver.findElement(By.id("open-admin")).click();
    awaitPath("/admin");
    driver.findElement(By.cssSelector("a[href='/admin/presence']")).click();
    awaitPath("/admin/presence");
    assertTrue(
        driver.findElements(By.cssSelector("table.roster tbody tr")).size() >= 1,
        "the demo class is listed");
    assertFitsWidth("presence per class");
    A11yChecks.assertNone(driver, "presence per class on a phone");
  }

  @Test
  void errorPageExplainsInDutch() {
    driver = Chrome.desktop();
    driver.get(tool.baseUrl() + "/start");
    assertEquals("Dat lukte niet", driver.findElement(By.tagName("h1")).getText());
    assertEquals(
        "Je sessie is verlopen.", driver.findElement(By.cssSelector("[role=alert]")).getText());
    // What to do next is said once, by the hint under the message.
    String main = driver.findElement(By.tagName("main")).getText();
    assertEquals(
        main.indexOf("Open Samen Aanwezig opnieuw"),
        main.lastIndexOf("Open Samen Aanwezig opnieuw"),
        main);
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

  @Test
  void classPageShowsFiguresBesideNamesOnAPhoneAndHoursWithADecimalComma() {
    driver = Chrome.phone();
    driver.get(tool.baseUrl() + "/demo");
    driver.findElement(By.id("open-mentor")).click();
    awaitPath("/class/");
    WebElement presence = driver.findElement(By.cssSelector("table.roster tbody tr td"));
    double right =
        ((Number) script("return arguments[0].getBoundingClientRect().right", presence))
            .doubleValue();
    assertTrue(right <= Chrome.PHONE.getWidth(), "first figure cut off at " + right);
    // The unexcused hours sit in each student's closed "Meer" row.
    List<String> hours =
        driver.findElements(By.cssSelector("table.roster tbody tr.more dd.unexcused")).stream()
            .map(dd -> dd.getDomProperty("textContent"))
            .toList();
    assertEquals(25, hours.size());
    assertTrue(hours.stream().allMatch(h -> h.matches("\\d+,\\d uur")), hours.toString());
  }

  @Test
  void rosterEmailOpensUnderMeerAndKeepsTheNameColumnNarrowOnADesktop() {
    driver = Chrome.start(new Dimension(1366, 900), Map.of());
    driver.get(tool.baseUrl() + "/demo");
    driver.findElement(By.id("open-mentor")).click();
    awaitPath("/class/");
    driver.findElement(By.cssSelector("table.roster tbody .more-toggle")).sendKeys(Keys.ENTER);
    WebElement email = driver.findElement(By.cssSelector("table.roster tbody tr.more.open .email"));
    assertTrue(email.isDisplayed(), "e-mail shown after Meer");
    assertTrue(email.getText().contains("@"), email.getText());
    assertEquals("400", email.getCssValue("font-weight"));
    double nameColumn =
        ((Number)
                script(
                    "return document.querySelector('table.roster tbody th')"
                        + ".getBoundingClientRect().width"))
            .doubleValue();
    assertTrue(nameColumn < 300, "name column takes " + nameColumn + " px");
  }

  @Test
  void goodNewsReasonStartsOnItsOwnLineUnderTheLink() {
    driver = Chrome.desktop();
    driver.get(tool.baseUrl() + "/demo");
    driver.findElement(By.id("open-mentor")).click();
    awaitPath("/class/");
    // The demo fills its school year in the background; good news needs four weeks of it.
    new WebDriverWait(driver, Duration.ofSeconds(180))
        .pollingEvery(Duration.ofSeconds(3))
        .until(
            d -> {
              if (!d.findElements(By.cssSelector(".good-news li .hint")).isEmpty()) {
                return true;
              }
              d.navigate().refresh();
              return false;
            });
    List<?> lines =
        (List<?>)
            script(
                "return [...document.querySelectorAll('.good-news li')]"
                    + ".filter((li) => li.querySelector('.hint'))"
                    + ".map((li) => li.querySelector('.hint').getBoundingClientRect().top"
                    + " >= li.querySelector('a').getBoundingClientRect().bottom - 1);");
    assertTrue(!lines.isEmpty(), "the demo class has good news to share with a student");
    assertTrue(lines.stream().allMatch(Boolean.TRUE::equals), lines.toString());
  }

  @Test
  void gradebookCheckboxSitsBesideItsLabel() {
    driver = Chrome.desktop();
    driver.get(tool.baseUrl() + "/demo");
    driver.findElement(By.id("open-admin")).click();
    awaitPath("/admin");
    List<?> boxes =
        (List<?>)
            script(
                "const b = document.getElementById('meeting-grades').getBoundingClientRect();"
                    + " const l = document.querySelector('label[for=meeting-grades]')"
                    + ".getBoundingClientRect();"
                    + " return [b.right <= l.left, l.top < b.bottom && b.top < l.bottom];");
    assertEquals(List.of(true, true), boxes, "checkbox left of its label, on the same line");
  }

  @Test
  void classCardEditorFitsAPhone() {
    driver = Chrome.phone();
    driver.get(tool.baseUrl() + "/demo");
    driver.findElement(By.id("open-mentor")).click();
    String classPath = awaitPath("/class/");
    driver.get(tool.baseUrl() + classPath + "/infocard/edit");
    awaitPath(classPath + "/infocard/edit");
    assertFitsWidth("class card editor");
    A11yChecks.assertNone(driver, "class card editor on a phone");
  }

  @Test
  void printPageFrameHoldsTheWholeCardOnADesktop() {
    driver = Chrome.desktop();
    driver.get(tool.baseUrl() + "/demo");
    driver.findElement(By.id("open-mentor")).click();
    String classPath = awaitPath("/class/");
    driver.get(tool.baseUrl() + "/infocard/" + classPath.substring("/class/".length()));
    awaitPath("/infocard/");
    List<?> bottoms =
        (List<?>)
            script(
                "const card = document.querySelector('article.card');"
                    + " const texts = [...card.querySelectorAll('li, p')];"
                    + " return [Math.max(...texts.map((t) => t.getBoundingClientRect().bottom)),"
                    + " card.getBoundingClientRect().bottom];");
    double text = ((Number) bottoms.get(0)).doubleValue();
    double frame = ((Number) bottoms.get(1)).doubleValue();
    assertTrue(text <= frame, "card text ends at " + text + ", below its frame at " + frame);
    A11yChecks.assertNone(driver, "card print page");
  }

  /**
   * A page wider than a phone makes Chromium zoom out, so innerWidth grows too; clientWidth does
   * not.
   */
  private void assertFitsWidth(String page) {
    List<?> widths =
        (List<?>)
            script(
                "return [document.documentElement.scrollWidth,"
                    + " document.documentElement.clientWidth];");
    long scroll = ((Number) widths.get(0)).longValue();
    long viewport = ((Number) widths.get(1)).longValue();
    assertTrue(scroll <= viewport, page + " scrolls sideways: " + scroll + " > " + viewport);
  }

  private String awaitPath(String prefix) {
    return Chrome.awaitPage(driver, tool.baseUrl(), prefix);
  }

  private Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }
}
