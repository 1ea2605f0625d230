package nl.samenaanwezig.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A mentor imports a CSV file in Chromium inside the LMS iframe: the upload goes through app.js
 * (XMLHttpRequest with progress) and the result page replaces the form; a file over the limit (64
 * kB here) is refused before uploading; a Moodle export with the school's own status letter is
 * mapped with the keyboard.
 */
class ImportBrowserTest {
  static ToolServer tool;
  static TestPlatform platform;
  ChromeDriver driver;

  @RegisterExtension
  final Chrome.ScreenshotOnFailure screenshots = new Chrome.ScreenshotOnFailure(() -> driver);

  @BeforeAll
  static void start() {
    tool = ToolServer.start(c -> c.withImportMaxBytes(64 * 1024));
    platform = TestPlatform.start().registerWith(tool);
    Browser student = new Browser();
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
  void importingAFileShowsTheResultInTheFrame() throws IOException {
    Path file = Files.createTempFile("aanwezigheid", ".csv");
    Files.writeString(
        file,
        "student_id;date;start;end;category;late_minutes\n"
            + "student-1;2026-11-16;09:00;09:50;te laat;10\n"
            + "student-1;2026-11-16;10:00;10:50;aanwezig;\n");
    try {
      driver = Chrome.desktop();
      driver.get(platform.issuer() + "/course/view.php?as=mentor");
      driver.switchTo().frame("tool");
      Chrome.awaitPage(driver, tool.baseUrl(), "/class/");
      driver.findElement(By.linkText("Importeren")).sendKeys(Keys.ENTER);
      Chrome.await(driver).until(d -> !d.findElements(By.id("file")).isEmpty());
      A11yChecks.assertNone(driver, "import form");
      driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
      driver.findElement(By.cssSelector("form.import-form button[type=submit]")).click();
      Chrome.await(driver).until(d -> d.getPageSource().contains("2 regels verwerkt."));
      assertTrue(
          driver.getPageSource().contains("2 nieuwe markeringen, 0 gewijzigd, 0 al goed."),
          driver.getPageSource());
      A11yChecks.assertNone(driver, "import result");
      assertEquals(2, tool.count("SELECT COUNT(*) FROM mark WHERE registered_via = 'CSV'"));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private void openImportPage() {
    driver = Chrome.desktop();
    driver.get(platform.issuer() + "/course/view.php?as=mentor");
    driver.switchTo().frame("tool");
    Chrome.awaitPage(driver, tool.baseUrl(), "/class/");
    driver.findElement(By.linkText("Importeren")).sendKeys(Keys.ENTER);
    Chrome.await(driver).until(d -> !d.findElements(By.id("file")).isEmpty());
  }

  @Test
  void theImportPageFitsAPhoneAndItsExampleScrollsInItsOwnRegion() {
    driver = Chrome.phone();
    // Opened in its own window, as on a phone: Moodle's course page has no frame this narrow.
    driver.get(platform.issuer() + "/mod/lti/launch.php?as=mentor");
    Chrome.awaitPage(driver, tool.baseUrl(), "/class/");
    driver.findElement(By.linkText("Importeren")).sendKeys(Keys.ENTER);
    Chrome.await(driver).until(d -> !d.findElements(By.id("file")).isEmpty());
    List<?> widths =
        (List<?>)
            driver.executeScript(
                "return [document.documentElement.scrollWidth,"
                    + " document.documentElement.clientWidth];");
    long scroll = ((Number) widths.get(0)).longValue();
    long viewport = ((Number) widths.get(1)).longValue();
    assertTrue(scroll <= viewport, "import page scrolls sideways: " + scroll + " > " + viewport);
    WebElement example = driver.findElement(By.cssSelector("pre.example"));
    assertEquals("0", example.getAttribute("tabindex"));
    assertEquals("Voorbeeld van een bestand", example.getAttribute("aria-label"));
    A11yChecks.assertNone(driver, "import page on a phone");
  }

  @Test
  void aFileOverTheLimitIsRefusedBeforeItIsSent() throws IOException {
    Path file = Files.createTempFile("groot", ".csv");
    Files.writeString(file, "student_id;date;start;end;category\n" + "x".repeat(70 * 1024));
    long lessons = tool.count("SELECT COUNT(*) FROM lesson");
    try {
      openImportPage();
      assertTrue(driver.getPageSource().contains("Hoogstens 64 kB."));
      driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
      driver.findElement(By.cssSelector("form.import-form button[type=submit]")).click();
      Chrome.await(driver)
          .until(
              d ->
                  d.findElement(By.cssSelector("[data-progress] [role=status]"))
                      .getText()
                      .startsWith("Het bestand is groter dan 64 kB."));
      assertTrue(
          driver.findElement(By.cssSelector("form.import-form button[type=submit]")).isEnabled());
      assertEquals(lessons, tool.count("SELECT COUNT(*) FROM lesson"));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void theSchoolsOwnStatusLetterIsChosenWithTheKeyboard() throws IOException {
    Path file = Files.createTempFile("export", ".txt");
    Files.writeString(
        file,
        "Last name\tFirst name\tStudent ID\t18 Nov 2026 09.00AM All students\n"
            + "Kok\tFenna\tstudent-1\tZ (0/2)\n");
    try {
      openImportPage();
      driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
      driver.findElement(By.cssSelector("form.import-form button[type=submit]")).click();
      Chrome.await(driver).until(d -> !d.findElements(By.id("letter-0")).isEmpty());
      assertTrue(driver.getPageSource().contains("Letter Z (1 keer in het bestand)"));
      A11yChecks.assertNone(driver, "own status letters");
      WebElement select = driver.findElement(By.id("letter-0"));
      select.sendKeys("ziek");
      assertEquals("SICK", select.getAttribute("value"));
      driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
      driver
          .findElement(By.cssSelector("form.import-form button[type=submit]"))
          .sendKeys(Keys.ENTER);
      Chrome.await(driver).until(d -> d.getPageSource().contains("1 nieuwe markeringen"));
      assertEquals(
          1,
          tool.count(
              "SELECT COUNT(*) FROM mark WHERE registered_via = 'MOODLE' AND category = 'SICK'"));
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
