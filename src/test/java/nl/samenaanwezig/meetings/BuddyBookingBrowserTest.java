package nl.samenaanwezig.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nl.samenaanwezig.buddies.Buddies;
import nl.samenaanwezig.testing.A11yChecks;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.Chrome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A buddy books through the personal link from the invitation mail on a phone: headless Chromium in
 * a 390 px wide viewport, no account, no cookies needed.
 */
class BuddyBookingBrowserTest {
  static MeetingWorld world;
  static String link;
  static long meetingId;
  ChromeDriver driver;

  @RegisterExtension
  final Chrome.ScreenshotOnFailure screenshots = new Chrome.ScreenshotOnFailure(() -> driver);

  @BeforeAll
  static void start() {
    world = MeetingWorld.start();
    Browser student = Buddies.student(world.platform, "s-phone", "Fenna", "Kok");
    Buddies.enterBirthDate(student, world.tool, MeetingWorld.today().minusYears(15).toString());
    Buddies.add(
        student,
        world.tool,
        Map.of("name", "Samira Kok", "channel", "EMAIL", "email", "samira@example.nl"));
    world.addSlots(
        Map.of(
            "lastDay", MeetingWorld.mondayInTwoWeeks().plusDays(1).toString(),
            "weekday", "TUESDAY",
            "firstDay", MeetingWorld.mondayInTwoWeeks().toString(),
            "until", "20:00",
            "location", "VIDEO",
            "details", "https://meet.school.example/mentor-smits"));
    world.campaign("KENNISMAKING");
    meetingId = world.meetingOf(world.personId("s-phone"));
    world.awaitMailLog(meetingId, 2);
    link = world.linkIn(world.mailsTo("samira@example.nl").get(0));
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  @AfterEach
  void quit() {
    Chrome.quit(driver);
  }

  @Test
  void aBuddyChoosesATimeOnAPhoneThroughTheLink() {
    driver = Chrome.phone();
    driver.get(link);
    Chrome.awaitPage(driver, world.tool.baseUrl(), "/m/");
    assertFitsWidth("link page");
    A11yChecks.assertNone(driver, "buddy link page on a phone");
    assertTrue(driver.findElement(By.tagName("h1")).getText().contains("Gesprek over Fenna"));

    List<WebElement> times = driver.findElements(By.cssSelector("input[type=radio][name=slot]"));
    assertEquals(3, times.size(), "three evening talks on the Tuesday");
    WebElement second = times.get(1);
    driver.findElement(By.cssSelector("label[for='" + second.getAttribute("id") + "']")).click();
    assertTrue(second.isSelected());
    driver.findElement(By.cssSelector("form button.primary")).click();
    Chrome.await(driver).until(d -> d.getPageSource().contains("De tijd staat vast."));
    assertTrue(driver.getPageSource().contains("19:20"), "the chosen time is shown");
    assertTrue(driver.getPageSource().contains("https://meet.school.example/mentor-smits"));
    assertFitsWidth("link page after booking");
    A11yChecks.assertNone(driver, "buddy link page after booking");
    assertEquals(
        1,
        world.tool.count(
            "SELECT COUNT(*) FROM meeting WHERE id = ? AND status = 'PLANNED' AND booked_by = 'BUDDY'",
            meetingId));
  }

  private void assertFitsWidth(String page) {
    List<?> widths =
        (List<?>)
            ((JavascriptExecutor) driver)
                .executeScript("return [document.documentElement.scrollWidth, window.innerWidth];");
    long scroll = ((Number) widths.get(0)).longValue();
    long viewport = ((Number) widths.get(1)).longValue();
    assertEquals(390L, viewport);
    assertTrue(scroll <= viewport, page + " scrolls sideways: " + scroll + " > " + viewport);
  }
}
