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

/**
 * An administrator sets up the school calendar in the LMS iframe on a phone, with the keyboard
 * only: the region, then the excused choice; every page axe-clean.
 */
class SchoolCalendarBrowserTest {
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
  void theCalendarAndTheCategoriesWorkWithTheKeyboardOnAPhone() {
    driver = Chrome.phone();
    driver.get(platform.issuer() + "/course/view.php?as=admin");
    driver.switchTo().frame("tool");
    Chrome.awaitPage(driver, tool.baseUrl(), "/admin");
    driver
        .findElement(By.linkText("Schoolkalender: vakanties en vrije dagen"))
        .sendKeys(Keys.ENTER);
    Chrome.await(driver).until(d -> !d.findElements(By.id("region")).isEmpty());
    A11yChecks.assertNone(driver, "empty school calendar");

    WebElement region = driver.findElement(By.id("region"));
    region.sendKeys("Midden");
    region.sendKeys(Keys.TAB);
    WebElement button = driver.switchTo().activeElement();
    assertEquals("Vakanties invullen", button.getText(), "Tab moves to the button");
    button.sendKeys(Keys.ENTER);
    Chrome.await(driver)
        .until(d -> d.getPageSource().contains("vakanties en vrije dagen ingevuld."));
    assertTrue(driver.getPageSource().contains("Officieel, regio Midden"));
    A11yChecks.assertNone(driver, "school calendar with the holidays of a region");

    driver.findElement(By.linkText("Welk verzuim telt als geoorloofd?")).sendKeys(Keys.ENTER);
    Chrome.await(driver).until(d -> !d.findElements(By.id("c-REMOVED-excused")).isEmpty());
    A11yChecks.assertNone(driver, "excused choice per category");
    WebElement unexcused = driver.findElement(By.id("c-REMOVED-unexcused"));
    assertTrue(unexcused.isSelected(), "uit de les verwijderd starts unexcused");
    // Arrow keys move between the two radio buttons of one category, as in any form.
    unexcused.sendKeys(Keys.ARROW_UP);
    assertTrue(driver.findElement(By.id("c-REMOVED-excused")).isSelected());
    driver.switchTo().activeElement().sendKeys(Keys.ENTER);
    Chrome.await(driver)
        .until(d -> d.getPageSource().contains("Opnieuw berekend voor: uit de les verwijderd."));
    A11yChecks.assertNone(driver, "excused choice saved");
  }
}
