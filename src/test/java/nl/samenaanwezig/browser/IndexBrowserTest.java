package nl.samenaanwezig.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/** The tool's own address in Chromium: accessible, on a phone too, the language by keyboard. */
class IndexBrowserTest {
  static ToolServer tool;
  ChromeDriver driver;

  @RegisterExtension
  final Chrome.ScreenshotOnFailure screenshots = new Chrome.ScreenshotOnFailure(() -> driver);

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
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
  void accessibleAndTheLanguageLinkWorksByKeyboard() {
    driver = Chrome.desktop();
    driver.get(tool.baseUrl() + "/");
    assertEquals("nl", driver.findElement(By.tagName("html")).getAttribute("lang"));
    A11yChecks.assertNone(driver, "index page");
    // Skip link first, then the language link.
    new Actions(driver).sendKeys(Keys.TAB).sendKeys(Keys.TAB).sendKeys(Keys.ENTER).perform();
    Chrome.await(driver)
        .until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    assertTrue(driver.findElement(By.tagName("h2")).getText().contains("students"));
    A11yChecks.assertNone(driver, "index page in English");
  }

  @Test
  void fitsAPhoneWithoutSidewaysScrolling() {
    driver = Chrome.phone();
    driver.get(tool.baseUrl() + "/");
    A11yChecks.assertNone(driver, "index page on a phone");
    long overflow =
        (Long)
            ((JavascriptExecutor) driver)
                .executeScript(
                    "return document.documentElement.scrollWidth"
                        + " - document.documentElement.clientWidth;");
    assertEquals(0, overflow);
  }
}
