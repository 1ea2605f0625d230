package nl.samenaanwezig.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import nl.samenaanwezig.buddies.Buddies;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ClassPages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guard time: from that many hours before the start, the student and buddy can no longer book,
 * move or give back a time; the mentor still can.
 */
class GuardTimeTest {
  static MeetingWorld world;
  static Browser student;
  static long studentId;

  @BeforeAll
  static void start() {
    world = MeetingWorld.start();
    student = Buddies.student(world.platform, "s-guard", "Daan", "Visser");
    studentId = world.personId("s-guard");
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  /** A talk tomorrow at 20:00 with a guard of 48 hours: already inside it. */
  static long guardedSlot(String from) {
    LocalDate tomorrow = MeetingWorld.today().plusDays(1);
    world.addSlots(Map.of("firstDay", tomorrow.toString(), "from", from, "guardHours", "48"));
    return world.slotAt(tomorrow.atTime(Integer.parseInt(from.substring(0, 2)), 0));
  }

  static HttpResponse<String> studentPost(String path, Map<String, String> fields) {
    Map<String, String> form = new java.util.HashMap<>(fields);
    form.put("csrf", ClassPages.csrf(student.get(world.url("/me/meetings"))));
    return student.postForm(world.url(path), form);
  }

  @Test
  void insideTheGuardTimeTheStudentCannotBookButTheMentorCan() {
    long slot = guardedSlot("20:00");
    long meeting = world.plan(studentId, "VOORTGANG", null);
    String page = student.get(world.url("/me/meetings")).body();
    assertFalse(page.contains("value=\"" + slot + "\""), "a guarded time is not offered");

    HttpResponse<String> refused =
        studentPost("/me/meetings/" + meeting + "/book", Map.of("slot", String.valueOf(slot)));
    assertEquals(303, refused.statusCode());
    assertTrue(
        student
            .follow(refused)
            .body()
            .contains(
                "Het gesprek is te dichtbij om nog te veranderen. Neem contact op met de mentor."));
    assertEquals(0, world.tool.count("SELECT booked FROM meeting_slot WHERE id = ?", slot));

    String meetingPage = world.url("/class/" + world.courseId + "/meetings/" + meeting);
    HttpResponse<String> byMentor =
        world.mentor.postForm(
            meetingPage + "/book",
            Map.of(
                "csrf",
                ClassPages.csrf(world.mentor.get(meetingPage)),
                "slot",
                String.valueOf(slot)));
    assertEquals(303, byMentor.statusCode());
    assertTrue(world.mentor.follow(byMentor).body().contains("De tijd staat vast."));
    assertEquals(1, world.tool.count("SELECT booked FROM meeting_slot WHERE id = ?", slot));
  }

  @Test
  void insideTheGuardTimeTheStudentCannotGiveTheTimeBackButTheMentorCan() {
    long slot = guardedSlot("21:00");
    long meeting = world.plan(studentId, "VOORTGANG", slot);
    String page = student.get(world.url("/me/meetings")).body();
    assertTrue(page.contains("Veranderen kan nu alleen via Jeroen Smits."), page);
    assertFalse(page.contains("/me/meetings/" + meeting + "/cancel"), "no cancel button");

    HttpResponse<String> refused = studentPost("/me/meetings/" + meeting + "/cancel", Map.of());
    assertTrue(student.follow(refused).body().contains("te dichtbij om nog te veranderen"));
    assertEquals(
        1,
        world.tool.count(
            "SELECT COUNT(*) FROM meeting WHERE id = ? AND status = 'PLANNED'", meeting));

    String meetingPage = world.url("/class/" + world.courseId + "/meetings/" + meeting);
    HttpResponse<String> released =
        world.mentor.postForm(
            meetingPage + "/release",
            Map.of("csrf", ClassPages.csrf(world.mentor.get(meetingPage))));
    assertTrue(world.mentor.follow(released).body().contains("De tijd is vrijgegeven."));
    assertEquals(
        1,
        world.tool.count("SELECT COUNT(*) FROM meeting WHERE id = ? AND status = 'OPEN'", meeting));
    assertEquals(0, world.tool.count("SELECT booked FROM meeting_slot WHERE id = ?", slot));
  }

  @Test
  void beforeTheGuardTimeTheStudentMovesAndGivesBack() {
    world.addSlots(Map.of("from", "13:00"));
    long first = world.slotAt(MeetingWorld.mondayInTwoWeeks().atTime(13, 0));
    world.addSlots(Map.of("from", "14:00"));
    long second = world.slotAt(MeetingWorld.mondayInTwoWeeks().atTime(14, 0));
    long meeting = world.plan(studentId, "VOORTGANG", first);
    HttpResponse<String> moved =
        studentPost("/me/meetings/" + meeting + "/book", Map.of("slot", String.valueOf(second)));
    assertTrue(student.follow(moved).body().contains("Het gesprek is verplaatst."));
    assertEquals(0, world.tool.count("SELECT booked FROM meeting_slot WHERE id = ?", first));
    assertEquals(1, world.tool.count("SELECT booked FROM meeting_slot WHERE id = ?", second));
    HttpResponse<String> back = studentPost("/me/meetings/" + meeting + "/cancel", Map.of());
    assertTrue(student.follow(back).body().contains("De tijd is vrijgegeven."));
    assertEquals(0, world.tool.count("SELECT booked FROM meeting_slot WHERE id = ?", second));
  }

  @Test
  void anotherStudentsMeetingIsNotFound() {
    long meeting = world.plan(studentId, "VOORTGANG", null);
    Browser other = Buddies.student(world.platform, "s-other", "Ilse", "Smit");
    HttpResponse<String> refused =
        other.postForm(
            world.url("/me/meetings/" + meeting + "/cancel"),
            Map.of("csrf", ClassPages.csrf(other.get(world.url("/me/meetings")))));
    assertEquals(404, refused.statusCode());
  }
}
