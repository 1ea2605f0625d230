package nl.samenaanwezig.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.buddies.Buddies;
import nl.samenaanwezig.lti.LtiClaims;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.testing.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Adding times over HTTP: series across the next clock changes stored as Amsterdam wall-clock time
 * with the right instants, clashes with the same mentor's times in another class, and bad input
 * refused with the reason and nothing stored.
 */
class SlotsTest {
  static MeetingWorld world;

  @BeforeAll
  static void start() {
    world = MeetingWorld.start();
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  /** The next last Sunday of {@code month} at least two weeks away. */
  static LocalDate nextChange(Month month) {
    LocalDate soonest = MeetingWorld.today().plusWeeks(2);
    for (int year = soonest.getYear(); ; year++) {
      LocalDate change =
          LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
      if (change.isAfter(soonest)) {
        return change;
      }
    }
  }

  static long slots() {
    return world.tool.count(
        "SELECT COUNT(*) FROM meeting_slot WHERE course_id = ? AND cancelled_at IS NULL",
        world.courseId);
  }

  /** starts_local and starts_at of the course's slot on a local date-time. */
  static Instant instantOf(LocalDateTime local) {
    try (var c = java.sql.DriverManager.getConnection(world.tool.config().dbUrl());
        var ps =
            c.prepareStatement(
                "SELECT starts_at FROM meeting_slot WHERE course_id = ? AND starts_local = ?")) {
      ps.setLong(1, world.courseId);
      ps.setObject(2, java.sql.Timestamp.valueOf(local));
      try (var rs = ps.executeQuery()) {
        assertTrue(rs.next(), "no slot at " + local);
        return rs.getTimestamp(1).toInstant();
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anEveningSeriesAcrossTheSpringChangeStaysAtSevenOClock() {
    LocalDate change = nextChange(Month.MARCH);
    long before = slots();
    HttpResponse<String> added =
        world.postSlots(
            Map.of(
                "firstDay",
                change.minusDays(6).toString(),
                "lastDay",
                change.plusDays(5).toString(),
                "weekday",
                "MONDAY",
                "until",
                "20:00"));
    assertEquals(303, added.statusCode(), added.body());
    assertTrue(world.mentor.follow(added).body().contains("6 tijden toegevoegd."));
    assertEquals(before + 6, slots(), "3 talks on the Monday before and the Monday after");
    Instant mondayBefore = instantOf(change.minusDays(6).atTime(19, 0));
    Instant mondayAfter = instantOf(change.plusDays(1).atTime(19, 0));
    assertEquals(
        change.minusDays(6).atTime(18, 0).toInstant(java.time.ZoneOffset.UTC), mondayBefore);
    assertEquals(change.plusDays(1).atTime(17, 0).toInstant(java.time.ZoneOffset.UTC), mondayAfter);
  }

  @Test
  void anEveningSeriesAcrossTheAutumnChangeStaysAtSevenOClock() {
    LocalDate change = nextChange(Month.OCTOBER);
    HttpResponse<String> added =
        world.postSlots(
            Map.of(
                "firstDay", change.minusDays(4).toString(),
                "lastDay", change.plusDays(5).toString(),
                "weekday", "WEDNESDAY",
                "from", "18:30",
                "until", "19:00",
                "minutes", "30"));
    assertEquals(303, added.statusCode(), added.body());
    assertEquals(
        change.minusDays(4).atTime(16, 30).toInstant(java.time.ZoneOffset.UTC),
        instantOf(change.minusDays(4).atTime(18, 30)));
    assertEquals(
        change.plusDays(3).atTime(17, 30).toInstant(java.time.ZoneOffset.UTC),
        instantOf(change.plusDays(3).atTime(18, 30)));
  }

  @Test
  void aClashWithTheSameMentorsTimeInAnotherClassIsRefusedAndNothingIsStored() {
    Browser otherClass = new Browser();
    world
        .platform
        .launch()
        .person("m-1", "Jeroen", "Smits", List.of(Role.Lis.INSTRUCTOR.uri()))
        .claim(
            LtiClaims.CONTEXT, Map.of("id", "course-2", "label", "NE-1", "title", "Nederlands 1"))
        .run(otherClass);
    long otherCourse = world.tool.count("SELECT id FROM course WHERE context_id = 'course-2'");
    LocalDate day = MeetingWorld.mondayInTwoWeeks().plusDays(1);
    var form = world.slotForm(Map.of("firstDay", day.toString(), "from", "15:00", "minutes", "30"));
    form.put(
        "csrf",
        nl.samenaanwezig.testing.ClassPages.csrf(
            world.mentor.get(world.url("/class/" + otherCourse + "/meetings"))));
    HttpResponse<String> other =
        world.mentor.postForm(world.url("/class/" + otherCourse + "/meetings/slots"), form);
    assertEquals(303, other.statusCode(), other.body());
    long before = slots();
    HttpResponse<String> clash =
        world.postSlots(Map.of("firstDay", day.toString(), "from", "15:20"));
    assertEquals(400, clash.statusCode());
    assertTrue(clash.body().contains("botst met je gesprekstijd"), clash.body());
    assertTrue(clash.body().contains("(Nederlands 1)"), clash.body());
    assertEquals(before, slots());
    HttpResponse<String> afterIt =
        world.postSlots(Map.of("firstDay", day.toString(), "from", "15:30"));
    assertEquals(303, afterIt.statusCode(), "touching ends do not clash");
  }

  @Test
  void aRoomTalkWithoutARoomIsRefused() {
    assertRefused(Map.of("details", ""), "Vul het lokaal in.");
  }

  @Test
  void aVideoTalkNeedsAnHttpsLink() {
    assertRefused(
        Map.of("location", "VIDEO", "details", "http://meet.example/x"),
        "Vul de videolink in; die begint met https://.");
  }

  @Test
  void aTimeInThePastIsRefused() {
    assertRefused(
        Map.of("firstDay", MeetingWorld.today().minusDays(1).toString()),
        "Vul een eerste dag in, vandaag of later.");
  }

  @Test
  void aSeriesWithoutWeekdaysIsRefused() {
    assertRefused(
        Map.of("lastDay", MeetingWorld.mondayInTwoWeeks().plusDays(4).toString()),
        "Kies bij een reeks minstens één weekdag.");
  }

  @Test
  void aStudentCannotOpenThePlanner() {
    Browser student = Buddies.student(world.platform, "s-planner", "Lisa", "Jansen");
    assertEquals(404, student.get(world.planner()).statusCode());
  }

  private static void assertRefused(Map<String, String> change, String message) {
    long before = slots();
    HttpResponse<String> refused = world.postSlots(change);
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains(message), refused.body());
    assertEquals(before, slots());
  }
}
