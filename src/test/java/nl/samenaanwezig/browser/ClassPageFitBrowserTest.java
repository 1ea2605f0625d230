package nl.samenaanwezig.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.testing.A11yChecks;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.Chrome;
import nl.samenaanwezig.testing.Layout;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The class page of a class of 30 students with long Dutch names inside Moodle's frame on another
 * site: Moodle 4.5 sizes that frame to the window (1000-1100 px) and ignores {@code
 * lti.frameResize}, so the six columns a mentor needs must fit it and the rest opens per student.
 */
class ClassPageFitBrowserTest {
  static final List<String> COLUMNS =
      List.of(
          "Naam",
          "Aanwezig (4 schoolweken)",
          "Verloop (10 weken)",
          "Signalen",
          "Buddy",
          "Volgende gesprek");

  static ToolServer tool;
  static TestPlatform platform;
  static FullClass.First first;
  ChromeDriver driver;

  @RegisterExtension
  final Chrome.ScreenshotOnFailure screenshots = new Chrome.ScreenshotOnFailure(() -> driver);

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
    platform = TestPlatform.start().registerWith(tool);
    first = FullClass.fill(tool, platform);
    // Moodle's activity page (a responsive theme): the tool's frame as wide as the window leaves
    // it (?w= sets that width in px), no border.
    platform.handle(
        "/course/frame.php",
        exchange -> {
          String w = TestPlatform.query(exchange.getRequestURI()).get("w");
          TestPlatform.respond(
              exchange,
              200,
              "text/html; charset=utf-8",
              "<!DOCTYPE html><html lang=\"nl\"><head><title>Cursus</title>"
                  + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                  + "</head><body><iframe id=\"tool\" title=\"Samen Aanwezig\" style=\"border:0;"
                  + (w == null ? "width:100%" : "width:" + Integer.parseInt(w) + "px")
                  + ";height:700px\" src=\"/mod/lti/launch.php?as=mentor\"></iframe>"
                  + "</body></html>");
        });
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

  @ParameterizedTest(name = "frame {0} px")
  @ValueSource(ints = {1000, 1100})
  void sixColumnsFitMoodlesFrameAndTheRestOpensWithTheKeyboard(int width) {
    driver = Chrome.desktop();
    openInFrame(width);
    assertEquals(width, number("return window.innerWidth"), "the frame's width");
    assertEquals(30, driver.findElements(By.cssSelector("table.roster tbody tr.student")).size());
    assertNoSidewaysScroll("class page in a " + width + " px frame");

    List<WebElement> headers = driver.findElements(By.cssSelector("table.roster thead th"));
    assertEquals(COLUMNS, headers.stream().map(WebElement::getText).toList());
    WebElement row = driver.findElement(By.cssSelector("table.roster tbody tr.student"));
    List<WebElement> cells = row.findElements(By.cssSelector(":scope > th, :scope > td"));
    assertEquals(6, cells.size());
    for (int i = 0; i < COLUMNS.size(); i++) {
      Layout.assertWithinVisibleWidth(driver, headers.get(i), "header " + COLUMNS.get(i));
      Layout.assertWithinVisibleWidth(driver, cells.get(i), "first row, column " + COLUMNS.get(i));
    }
    assertEquals(first.name(), cells.get(0).findElement(By.tagName("a")).getText());
    assertEquals("46%", cells.get(1).getText(), "present 105 of 225 minutes");
    assertEquals(1, cells.get(2).findElements(By.cssSelector("svg.spark")).size(), "trend");
    assertTrue(cells.get(3).getText().contains("3 keer te laat"), cells.get(3).getText());
    assertTrue(cells.get(4).getText().startsWith("2 buddy's"), cells.get(4).getText());
    assertEquals("uitgenodigd, nog geen tijd", cells.get(5).getText());

    // The moved figures: closed at first, opened and closed again with the keyboard.
    WebElement toggle = cells.get(0).findElement(By.cssSelector("button.more-toggle"));
    WebElement more = driver.findElement(By.id(toggle.getAttribute("aria-controls")));
    // Its name starts with the visible word (WCAG 2.5.3) and says whose figures open.
    assertEquals("Meer", toggle.getText());
    assertEquals("Meer over " + first.name(), toggle.getAttribute("aria-label"));
    assertEquals("false", toggle.getAttribute("aria-expanded"));
    assertFalse(more.isDisplayed(), "the moved figures start closed");
    toggle.sendKeys(Keys.ENTER);
    assertEquals("true", toggle.getAttribute("aria-expanded"));
    assertTrue(more.isDisplayed(), "Enter opens the student's other figures");
    assertFigures(more);
    Layout.assertWithinVisibleWidth(driver, more.findElement(By.cssSelector("dd.email")), "e-mail");
    assertNoSidewaysScroll("class page with a student's figures open");
    Chrome.screenshot(driver, "class-page-in-" + width + "-px-frame"); // for a reviewer's eye
    A11yChecks.assertNone(driver, "class page in a " + width + " px frame");
    toggle.sendKeys(Keys.SPACE);
    assertEquals("false", toggle.getAttribute("aria-expanded"));
    assertFalse(more.isDisplayed(), "Space closes them again");
  }

  /** WCAG 2.4.7 and 2.4.11: every tab stop down to the fourth student shows its focus in view. */
  @Test
  void everyTabStopInTheTableIsVisibleAndNotCovered() {
    driver = Chrome.desktop();
    openInFrame(1000);
    List<WebElement> toggles = driver.findElements(By.cssSelector("button.more-toggle"));
    toggles.get(1).sendKeys(Keys.ENTER); // an open row of figures is passed through as well
    driver.findElement(By.id("students-heading")).click();
    int stops = 0;
    while (!toggles.get(3).equals(driver.switchTo().activeElement())) {
      assertTrue(++stops < 80, "the fourth student's Meer is within 80 tab stops");
      new Actions(driver).sendKeys(Keys.TAB).perform();
      String problem = Layout.focusProblem(driver);
      assertEquals("", problem, "tab stop " + stops);
    }
    assertTrue(stops >= 12, "passed through the rows' links and buttons: " + stops);
  }

  /** WCAG 2.5.8: every link, button and field of the roster and its sort form is 24 by 24 px. */
  @Test
  void rosterTargetsAreAtLeast24PixelsSquare() {
    driver = Chrome.desktop();
    openInFrame(1000);
    driver.findElement(By.cssSelector("button.more-toggle")).sendKeys(Keys.ENTER);
    List<String> small =
        Layout.targetsUnder24Px(
            driver,
            "form.sort select, form.sort button, table.roster a[href], table.roster button");
    assertEquals(List.of(), small);
  }

  /** Sorted by a figure that is not a column, that figure shows under each name. */
  @Test
  void sortingByLatenessShowsTheCountUnderEachName() {
    driver = Chrome.desktop();
    openInFrame(1000);
    new Select(driver.findElement(By.id("sort"))).selectByValue("late");
    driver.findElement(By.cssSelector("form.sort button")).sendKeys(Keys.ENTER);
    Chrome.await(driver).until(d -> "?sort=late".equals(script("return location.search")));
    Chrome.awaitPage(driver, tool.baseUrl(), "/class/");
    List<WebElement> rows = driver.findElements(By.cssSelector("table.roster tr.student"));
    assertEquals(first.name(), rows.get(0).findElement(By.cssSelector("th a")).getText());
    assertEquals("3 keer te laat", rows.get(0).findElement(By.className("sort-figure")).getText());
    assertEquals("nooit te laat", rows.get(1).findElement(By.className("sort-figure")).getText());
    assertNoSidewaysScroll("class page sorted by lateness");
  }

  /** Without scripting nothing is hidden: every student's row of figures stays open. */
  @Test
  void withoutScriptingEveryStudentsFiguresStayOpenAndNoButtonShows() {
    Browser launch = new Browser();
    HttpResponse<String> page = launch.follow(platform.launch().asMentor().run(launch));
    assertEquals(200, page.statusCode(), page.body());
    driver =
        Chrome.start(
            Chrome.DESKTOP, Map.of("profile.managed_default_content_settings.javascript", 2));
    driver.get(tool.baseUrl() + "/static/app.css");
    driver
        .manage()
        .addCookie(
            new Cookie.Builder(Sessions.COOKIE, launch.cookie("localhost", Sessions.COOKIE))
                .path("/")
                .build());
    driver.get(tool.baseUrl() + page.uri().getPath());
    List<WebElement> rows = driver.findElements(By.cssSelector("table.roster tr.more"));
    assertEquals(30, rows.size());
    assertTrue(rows.stream().allMatch(WebElement::isDisplayed), "every row of figures shows");
    assertTrue(
        driver.findElements(By.cssSelector("button.more-toggle")).stream()
            .noneMatch(WebElement::isDisplayed),
        "no button that would do nothing");
    assertFigures(rows.get(0));
  }

  @Test
  void phoneKeepsThePageStillSidewaysAndOpensTheFiguresInView() {
    driver = Chrome.phone();
    driver.get(platform.issuer() + "/course/frame.php");
    assertNoSidewaysScroll("Moodle's course page on a phone");
    Chrome.await(driver).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("tool"));
    Chrome.awaitPage(driver, tool.baseUrl(), "/class/");
    assertTrue(number("return window.innerWidth") < 390, "the frame is narrower than the phone");
    Layout.assertNoSidewaysScroll(driver, "class page on a phone");
    WebElement row = driver.findElement(By.cssSelector("table.roster tbody tr.student"));
    Layout.assertWithinVisibleWidth(driver, row.findElement(By.cssSelector("th a")), "name");
    Layout.assertWithinVisibleWidth(driver, row.findElement(By.cssSelector("td")), "presence");
    WebElement toggle = row.findElement(By.cssSelector("button.more-toggle"));
    toggle.sendKeys(Keys.ENTER);
    WebElement more = driver.findElement(By.id(toggle.getAttribute("aria-controls")));
    assertFigures(more);
    for (WebElement item : more.findElements(By.cssSelector("dl > div"))) {
      Layout.assertWithinVisibleWidth(driver, item, "figure " + item.getText());
    }
    Layout.assertNoSidewaysScroll(driver, "class page on a phone with figures open");
    Chrome.screenshot(driver, "class-page-on-a-phone");
    A11yChecks.assertNone(driver, "class page on a phone");
  }

  /** Moodle's page with the tool's frame this wide, showing the class page. */
  private void openInFrame(int width) {
    driver.get(platform.issuer() + "/course/frame.php?w=" + width);
    Chrome.await(driver).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("tool"));
    Chrome.awaitPage(driver, tool.baseUrl(), "/class/");
  }

  /** The first student's figures, last launch and e-mail, each label with its value. */
  private void assertFigures(WebElement more) {
    List<String> shown =
        more.findElements(By.cssSelector("dl > div")).stream()
            .map(d -> d.getText().replace('\n', ' '))
            .toList();
    assertEquals(6, shown.size(), shown.toString());
    assertEquals(first.figures(), shown.subList(0, 4));
    assertTrue(
        shown.get(4).startsWith("Laatst geopend ") && !shown.get(4).endsWith("nog niet"),
        "the student opened the tool: " + shown.get(4));
    assertEquals("E-mail " + first.email(), shown.get(5));
  }

  /** Neither the page nor the table's own region scrolls sideways. */
  private void assertNoSidewaysScroll(String page) {
    Layout.assertNoSidewaysScroll(driver, page);
    Layout.assertRegionsDoNotScrollSideways(driver, ".table-wrap", page);
  }

  private long number(String js, Object... args) {
    return ((Number) script(js, args)).longValue();
  }

  private Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }
}
