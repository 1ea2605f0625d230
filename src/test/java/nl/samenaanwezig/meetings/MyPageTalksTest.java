package nl.samenaanwezig.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import nl.samenaanwezig.buddies.Buddies;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ClassPages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "Mijn pagina" shows the student's next talk and the agreements still open, with the way on. */
class MyPageTalksTest {
  static MeetingWorld world;

  @BeforeAll
  static void start() {
    world = MeetingWorld.start();
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  static HttpResponse<String> mentorPost(String url, Map<String, String> fields) {
    Map<String, String> form = new HashMap<>(fields);
    form.put("csrf", ClassPages.csrf(world.mentor.get(world.planner())));
    return world.mentor.postForm(url, form);
  }

  @Test
  void theNextTalkAndTheOpenAgreementsShowOnMyPage() {
    Browser student = Buddies.student(world.platform, "s-mine", "Roos", "Prins");
    long studentId = world.personId("s-mine");
    world.addSlots(Map.of("from", "09:00"));
    long earlier = world.slotAt(MeetingWorld.mondayInTwoWeeks().atTime(9, 0));
    long held = world.plan(studentId, "VOORTGANG", earlier);
    Instant start = Instant.now().minus(Duration.ofHours(3));
    world.sql(
        "UPDATE meeting_slot SET starts_at = ?, ends_at = ? WHERE id = ?",
        Timestamp.from(start),
        Timestamp.from(start.plus(Duration.ofMinutes(20))),
        earlier);
    String page = world.url("/class/" + world.courseId + "/meetings/" + held);
    assertEquals(303, mentorPost(page + "/outcome", Map.of("status", "HELD")).statusCode());
    assertEquals(
        303,
        mentorPost(
                page + "/agreements",
                Map.of("body", "Roos zet haar wekker om 7 uur", "owner", "STUDENT"))
            .statusCode());
    assertEquals(
        303,
        mentorPost(page + "/agreements", Map.of("body", "Rooster mailen", "owner", "MENTOR"))
            .statusCode());
    long done =
        world.tool.count(
            "SELECT id FROM meeting_agreement WHERE meeting_id = ? AND body = 'Rooster mailen'",
            held);
    assertEquals(303, mentorPost(page + "/agreements/" + done + "/done", Map.of()).statusCode());

    world.addSlots(Map.of("from", "19:00", "location", "VIDEO", "details", "https://meet.example"));
    long next = world.slotAt(MeetingWorld.mondayInTwoWeeks().atTime(19, 0));
    world.plan(studentId, "EVALUATIE", next);

    String me = student.get(world.url("/me")).body();
    String day =
        DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.forLanguageTag("nl"))
            .format(MeetingWorld.mondayInTwoWeeks());
    assertTrue(
        me.contains(
            "Je volgende gesprek: Evaluatiegesprek, " + day + " om 19:00. Waar: Videobellen."),
        me);
    assertTrue(me.contains("Roos zet haar wekker om 7 uur"), me);
    assertTrue(me.contains("wie: Student"), me);
    assertFalse(me.contains("Rooster mailen"), "a done agreement is not open");
    assertFalse(
        me.contains("https://meet.example"), "the place kind only, the link is on /me/meetings");
    assertTrue(me.contains("href=\"/me/meetings\""), me);
    String planner = world.mentor.get(world.planner()).body();
    assertTrue(planner.contains("Afgelopen gesprekken (1)"), planner);
    assertTrue(
        planner.contains("Roos Prins</span> (<span>Voortgangsgesprek</span>, <span>Gevoerd"),
        planner);
  }

  @Test
  void anOpenInvitationAsksForATimeAndNoTalkSaysSo() {
    Browser invited = Buddies.student(world.platform, "s-invited", "Bram", "Kok");
    world.plan(world.personId("s-invited"), "KENNISMAKING", null);
    String me = invited.get(world.url("/me")).body();
    assertTrue(me.contains("Je bent uitgenodigd voor een gesprek."), me);
    assertFalse(me.contains("Je volgende gesprek"), me);

    Browser none = Buddies.student(world.platform, "s-none", "Evi", "Dam");
    String empty = none.get(world.url("/me")).body();
    assertTrue(empty.contains("Je hebt nu geen gesprek gepland."), empty);
    assertFalse(empty.contains("Afspraken die nog open staan"), empty);
  }
}
