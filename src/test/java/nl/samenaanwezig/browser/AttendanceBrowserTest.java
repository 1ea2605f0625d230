package nl.samenaanwezig.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** A mentor marks a lesson in Chromium, with the keyboard, and sees the class page change. */
class AttendanceBrowserTest {
  static ToolServer tool;
  static TestPlatform platform;
  ChromeDriver driver;

  @RegisterExtension
  final Chrome.ScreenshotOnFailure screenshots = new Chrome.ScreenshotOnFailure(() -> driver);

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
    platform = TestPlatform.start().registerWith(tool);
    // The student opened the tool once, so the class knows them.
    nl.samenaanwezig.testing.Browser student = new nl.samenaanwezig.testing.Browser();
    student.follow(platform.launch().asStudent().run(student));
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
  void markingALessonWithTheKeyboardChangesTheClassPage() {
    driver = Chrome.desktop();
    driver.get(platform.issuer() + "/course/view.php?as=mentor");
    driver.switchTo().frame("tool");
    Chrome.awaitPage(driver, tool.baseUrl(), "/class/");
    String before =
        driver.findElement(By.cssSelector("table.roster tbody tr td.num.strong")).getText();
    assertEquals("–", before, "no lessons yet");

    driver.findElement(By.linkText("Les registreren")).sendKeys(Keys.ENTER);
    Chrome.await(driver).until(d -> !d.findElements(By.cssSelector("form.stack")).isEmpty());
    A11yChecks.assertNone(driver, "new lesson form");
    driver.findElement(By.cssSelector("form.stack button[type=submit]")).sendKeys(Keys.ENTER);
    Chrome.await(driver).until(d -> !d.findElements(By.cssSelector("fieldset.mark-row")).isEmpty());
    A11yChecks.assertNone(driver, "registration screen");

    // Keyboard: focus the student's first choice and press "o" (ongeoorloofd).
    WebElement row = driver.findElement(By.cssSelector("fieldset.mark-row"));
    WebElement present = row.findElement(By.cssSelector("input[value=PRESENT]"));
    assertTrue(present.isSelected(), "everyone starts present");
    present.sendKeys("o");
    assertTrue(row.findElement(By.cssSelector("input[value=UNEXCUSED]")).isSelected());
    driver.findElement(By.cssSelector(".sticky-save button")).sendKeys(Keys.ENTER);
    Chrome.await(driver).until(d -> d.getPageSource().contains("De aanwezigheid is opgeslagen."));

    driver.findElement(By.linkText("Terug naar Wiskunde 2B")).sendKeys(Keys.ENTER);
    Chrome.await(driver).until(d -> !d.findElements(By.cssSelector("table.roster")).isEmpty());
    // This week's figure is in the student's "Meer" row, opened with the keyboard.
    driver.findElement(By.cssSelector("table.roster tbody .more-toggle")).sendKeys(Keys.ENTER);
    String week =
        driver.findElement(By.cssSelector("table.roster tbody tr.more.open dd.week")).getText();
    assertEquals("0%", week, "this week's presence after one unexcused lesson");
    A11yChecks.assertNone(driver, "class page with figures");
  }

  @Test
  void lateNeedsMinutesAndTheScreenSaysSo() {
    driver = Chrome.phone();
    driver.get(platform.issuer() + "/course/view.php?as=mentor");
    driver.switchTo().frame("tool");
    Chrome.awaitPage(driver, tool.baseUrl(), "/class/");
    driver.findElement(By.linkText("Les registreren")).sendKeys(Keys.ENTER);
    Chrome.await(driver).until(d -> !d.findElements(By.cssSelector("form.stack")).isEmpty());
    driver.findElement(By.cssSelector("form.stack button[type=submit]")).sendKeys(Keys.ENTER);
    Chrome.await(driver).until(d -> !d.findElements(By.cssSelector("fieldset.mark-row")).isEmpty());
    WebElement row = driver.findElement(By.cssSelector("fieldset.mark-row"));
    row.findElement(By.cssSelector("input[value=PRESENT]")).sendKeys("l");
    WebElement minutes = row.findElement(By.cssSelector("input[type=number]"));
    assertEquals(minutes, driver.switchTo().activeElement(), "late moves focus to the minutes");
    minutes.sendKeys("12", Keys.ENTER);
    Chrome.await(driver).until(d -> d.getPageSource().contains("De aanwezigheid is opgeslagen."));
    assertEquals(
        "12",
        driver
            .findElement(By.cssSelector("fieldset.mark-row input[type=number]"))
            .getAttribute("value"));
  }
}
