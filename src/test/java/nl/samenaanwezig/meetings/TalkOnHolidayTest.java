package nl.samenaanwezig.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ClassPages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Planning talks on a school holiday is allowed, but the mentor is warned: a series across the
 * holiday the administrator entered is added and names the times that fall on it.
 */
class TalkOnHolidayTest {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.forLanguageTag("nl"));
  static MeetingWorld world;

  @BeforeAll
  static void start() {
    world = MeetingWorld.start();
    Browser admin = new Browser();
    admin.follow(world.platform.launch().asAdmin().run(admin));
    // From the Tuesday of the week after next, eight days: the school's own project week.
    LocalDate tuesday = MeetingWorld.mondayInTwoWeeks().plusDays(1);
    HttpResponse<String> added =
        admin.postForm(
            world.url("/admin/calendar/holidays"),
            Map.of(
                "csrf",
                ClassPages.csrf(admin.get(world.url("/admin/calendar"))),
                "name",
                "Projectweek",
                "firstDay",
                tuesday.toString(),
                "lastDay",
                tuesday.plusDays(7).toString()));
    assertEquals(303, added.statusCode(), added.body());
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  @Test
  void aSeriesAcrossTheSchoolsDaysOffIsAddedAndNamesTheTimesOnThem() {
    LocalDate monday = MeetingWorld.mondayInTwoWeeks();
    HttpResponse<String> added =
        world.postSlots(
            Map.of(
                "firstDay",
                monday.toString(),
                "lastDay",
                monday.plusDays(4).toString(),
                "weekday",
                "MONDAY",
                "from",
                "15:00",
                "minutes",
                "30"));
    assertEquals(303, added.statusCode(), added.body());
    String page = world.mentor.follow(added).body();
    // Only Monday was ticked: no time on the days off yet, no warning.
    assertFalse(page.contains("id=\"holiday-warning\""), page);

    HttpResponse<String> posted =
        world.postSlots(
            Map.of(
                "firstDay",
                monday.toString(),
                "lastDay",
                monday.plusDays(20).toString(),
                "weekday",
                "TUESDAY",
                "from",
                "16:00",
                "minutes",
                "30"));
    assertEquals(303, posted.statusCode(), posted.body());
    String planner = world.mentor.follow(posted).body();
    assertTrue(planner.contains("3 tijden toegevoegd."), "the talks are added, not refused");
    assertTrue(
        planner.contains("Let op: 2 tijden vallen op een vakantie of vrije dag van de school:"),
        planner);
    for (int week = 0; week < 3; week++) {
      String label = DAY.format(monday.plusDays(1 + 7 * week)) + ", 16:00\u201316:30: Projectweek";
      assertEquals(week < 2, planner.contains(label), label + " in\n" + planner);
    }
    assertTrue(planner.contains("vrije dag: Projectweek"), planner);
  }
}
