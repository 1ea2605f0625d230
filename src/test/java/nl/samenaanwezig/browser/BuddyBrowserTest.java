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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** A student registers a buddy and gives consent on a phone, in real Chromium. */
class BuddyBrowserTest {
  static ToolServer tool;
  ChromeDriver driver;

  @RegisterExtension
  final Chrome.ScreenshotOnFailure screenshots = new Chrome.ScreenshotOnFailure(() -> driver);

  @BeforeAll
  static void start() {
    tool = ToolServer.startSeededDemo();
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
  void aStudentRegistersABuddyAndGivesConsentOnAPhone() {
    driver = Chrome.phone();
    driver.get(tool.baseUrl() + "/demo");
    new Select(driver.findElement(By.id("student"))).selectByVisibleText("Sophie Visser");
    driver.findElement(By.id("open-student")).click();
    Chrome.awaitPage(driver, tool.baseUrl(), "/me");
    driver.findElement(By.linkText("Mijn buddy's en toestemming")).click();
    Chrome.awaitPage(driver, tool.baseUrl(), "/me/buddies");
    assertFitsWidth("my buddies");
    A11yChecks.assertNone(driver, "my buddies");

    driver.findElement(By.linkText("Buddy toevoegen")).click();
    Chrome.awaitPage(driver, tool.baseUrl(), "/me/buddies/new");
    assertFitsWidth("new buddy form");
    A11yChecks.assertNone(driver, "new buddy form");
    driver.findElement(By.id("name")).sendKeys("Ayşe Visser");
    new Select(driver.findElement(By.id("relationship"))).selectByVisibleText("ouder of verzorger");
    driver.findElement(By.cssSelector("label[for=legalRepresentative]")).click();
    driver.findElement(By.id("phone")).sendKeys("0612");
    driver.findElement(By.cssSelector("label[for=channel-SMS_WHATSAPP]")).click();
    new Select(driver.findElement(By.id("language"))).selectByValue("tr");
    driver.findElement(By.cssSelector("label[for=plainLanguage]")).click();
    driver.findElement(By.cssSelector("label[for=slot-TUESDAY-EVENING]")).click();
    driver.findElement(By.cssSelector("label[for=shiftWork]")).click();
    submit();
    Chrome.awaitPage(driver, tool.baseUrl(), "/me/buddies/new");
    assertEquals(
        "Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.",
        driver.findElement(By.cssSelector(".problems li")).getText());
    assertEquals("Ayşe Visser", driver.findElement(By.id("name")).getAttribute("value"));
    assertTrue(driver.findElement(By.id("slot-TUESDAY-EVENING")).isSelected());

    WebElement phone = driver.findElement(By.id("phone"));
    phone.clear();
    phone.sendKeys("06 12345678");
    submit();
    Chrome.awaitPage(driver, tool.baseUrl(), "/me/buddies");
    WebElement card = driver.findElement(By.cssSelector("article.card"));
    assertTrue(card.getText().contains("Ayşe Visser"), card.getText());
    assertTrue(card.getText().contains("06 12345678"), card.getText());
    assertTrue(card.getText().contains("Turks (Türkçe), graag eenvoudige taal"), card.getText());
    assertTrue(card.getText().contains("dinsdag: avond"), card.getText());
    assertFitsWidth("my buddies with a buddy");
    A11yChecks.assertNone(driver, "my buddies with a buddy");

    card.findElements(By.cssSelector("form.consent")).stream()
        .filter(f -> f.getText().startsWith("Uitnodigingen voor gesprekken"))
        .findFirst()
        .orElseThrow()
        .findElement(By.cssSelector("button[value=give]"))
        .click();
    // The answer is the same page again: wait until the old one is gone, then for the new one.
    Chrome.await(driver).until(ExpectedConditions.stalenessOf(card));
    Chrome.awaitPage(driver, tool.baseUrl(), "/me/buddies");
    assertEquals(
        "Je toestemming is opgeslagen.", driver.findElement(By.cssSelector("p.notice")).getText());
    List<String> statuses =
        driver.findElements(By.cssSelector("form.consent .status")).stream()
            .map(WebElement::getText)
            .toList();
    assertTrue(statuses.get(2).startsWith("Je gaf toestemming op "), statuses.toString());
  }

  @Test
  void mentorReadsAStudentsBuddiesOnAPhone() {
    driver = Chrome.phone();
    driver.get(tool.baseUrl() + "/demo");
    driver.findElement(By.id("open-mentor")).click();
    Chrome.awaitPage(driver, tool.baseUrl(), "/class/");
    String student = driver.findElement(By.linkText("Daan Jansen")).getAttribute("href");
    driver.get(student + "/buddies");
    student = student.substring(tool.baseUrl().length());
    Chrome.awaitPage(driver, tool.baseUrl(), student + "/buddies");
    assertEquals("Buddy's van Daan Jansen", driver.findElement(By.tagName("h1")).getText());
    assertFitsWidth("a student's buddies, the mentor's view");
    A11yChecks.assertNone(driver, "a student's buddies, the mentor's view");
  }

  /** Submits the buddy form and waits until its page is gone (the answer may have its path). */
  private void submit() {
    WebElement button = driver.findElement(By.cssSelector("form.buddy-form button[type=submit]"));
    button.click();
    Chrome.await(driver).until(ExpectedConditions.stalenessOf(button));
  }

  private void assertFitsWidth(String page) {
    List<?> widths =
        (List<?>)
            ((JavascriptExecutor) driver)
                // clientWidth, not innerWidth: a page wider than the phone zooms out and grows
                // that.
                .executeScript(
                    "return [document.documentElement.scrollWidth,"
                        + " document.documentElement.clientWidth];");
    long scroll = ((Number) widths.get(0)).longValue();
    long viewport = ((Number) widths.get(1)).longValue();
    assertTrue(scroll <= viewport, page + " scrolls sideways: " + scroll + " > " + viewport);
  }
}
