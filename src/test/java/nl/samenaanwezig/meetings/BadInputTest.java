package nl.samenaanwezig.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.buddies.Buddies;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ClassPages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every meetings page and form under bad input: unknown message keys in the query string are
 * ignored, non-numeric ids and missing or past values give a Dutch 4xx, never a 500, and nothing is
 * stored.
 */
class BadInputTest {
  static MeetingWorld world;
  static Browser student;
  static long studentId;
  static long slot;
  static long campaignId;
  static long meetingId;
  static String link;

  @BeforeAll
  static void start() {
    world = MeetingWorld.start();
    student = Buddies.student(world.platform, "s-bad", "Tess", "Vink");
    Buddies.enterBirthDate(student, world.tool, MeetingWorld.today().minusYears(15).toString());
    Buddies.add(
        student, world.tool, Map.of("channel", "EMAIL", "email", "s-bad-mother@example.nl"));
    studentId = world.personId("s-bad");
    slot = world.addSlots(Map.of("capacity", "3")).get(0);
    campaignId = world.campaign("KENNISMAKING");
    meetingId = world.meetingOf(studentId);
    world.awaitMailLog(meetingId, 2);
    link = world.linkIn(world.mailsTo("s-bad-mother@example.nl").get(0));
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  static String meetingPage() {
    return world.url("/class/" + world.courseId + "/meetings/" + meetingId);
  }

  static HttpResponse<String> mentorPost(String url, Map<String, String> fields) {
    Map<String, String> form = new HashMap<>(fields);
    form.put("csrf", ClassPages.csrf(world.mentor.get(world.planner())));
    return world.mentor.postForm(url, form);
  }

  static void clean(HttpResponse<String> page) {
    assertEquals(200, page.statusCode(), page.uri() + "\n" + page.body());
    assertFalse(page.body().contains("??"), page.uri() + "\n" + page.body());
    assertFalse(page.body().contains("bogus"), page.uri() + "\n" + page.body());
  }

  @Test
  void unknownNoticeAndRefusalKeysAreIgnoredOnEveryPage() {
    String bogus = "?notice=booking.bogus&refused=booking.bogus&n=bogus";
    for (String path :
        List.of(
            "/class/" + world.courseId + "/meetings",
            "/class/" + world.courseId + "/meetings/campaigns/" + campaignId,
            "/class/" + world.courseId + "/meetings/" + meetingId,
            "/class/" + world.courseId + "/students/" + studentId + "/meetings")) {
      clean(world.mentor.get(world.url(path + bogus)));
      clean(world.mentor.get(world.url(path + "?notice=slots.added&n=99999999999")));
    }
    clean(student.get(world.url("/me/meetings" + bogus)));
    clean(student.get(world.url("/me/meetings?notice=&refused=link.renewed")));
    clean(new Browser().get(link + bogus));
    clean(new Browser().get(link + "?lang=bogus-!!&notice=answer.bogus"));
    clean(
        world.mentor.get(
            world.url(
                "/class/" + world.courseId + "/students/" + studentId + "/meetings?kind=bogus")));
  }

  @Test
  void nonNumericIdsAreNotFoundInDutch() {
    for (String path :
        List.of(
            "/class/abc/meetings",
            "/class/" + world.courseId + "/meetings/abc",
            "/class/" + world.courseId + "/meetings/campaigns/abc",
            "/class/" + world.courseId + "/students/abc/meetings",
            "/class/" + world.courseId + "/meetings/99999999999999999999")) {
      HttpResponse<String> page = world.mentor.get(world.url(path));
      assertEquals(404, page.statusCode(), path);
      assertTrue(page.body().contains("Deze pagina bestaat niet"), path + "\n" + page.body());
    }
    HttpResponse<String> posted =
        mentorPost(meetingPage().replace("/" + meetingId, "/abc") + "/book", Map.of("slot", "1"));
    assertTrue(posted.statusCode() == 404 || posted.statusCode() == 405, posted.body());
  }

  @Test
  void aTimeThatIsNoNumberOrNotOfferedIsRefusedEverywhere() {
    for (String value : List.of("", "abc", "-1", "99999999")) {
      HttpResponse<String> byMentor = mentorPost(meetingPage() + "/book", Map.of("slot", value));
      assertEquals(303, byMentor.statusCode());
      String shown = world.mentor.follow(byMentor).body();
      assertTrue(
          shown.contains("Kies eerst een tijd.") || shown.contains("Deze tijd kan niet gekozen"),
          value + "\n" + shown);
      HttpResponse<String> byBuddy = new Browser().postForm(link + "/book", Map.of("slot", value));
      assertEquals(303, byBuddy.statusCode());
    }
    assertEquals(0, world.tool.count("SELECT booked FROM meeting_slot WHERE id = ?", slot));
    HttpResponse<String> unfit =
        new Browser().postForm(link + "/unfit", Map.of("slot", "SUNDAY-NIGHT"));
    assertTrue(new Browser().follow(unfit).body().contains("Kies minstens één dagdeel"));
    assertEquals(
        0, world.tool.count("SELECT COUNT(*) FROM meeting_answer WHERE meeting_id = ?", meetingId));
  }

  @Test
  void aCampaignOfAnUnknownKindIsRefusedAndStartsNothing() {
    long campaigns = world.tool.count("SELECT COUNT(*) FROM meeting_campaign");
    for (Map<String, String> form : List.of(Map.of("kind", "bogus"), Map.<String, String>of())) {
      HttpResponse<String> refused = mentorPost(world.planner() + "/campaigns", form);
      assertEquals(400, refused.statusCode(), refused.body());
      assertTrue(refused.body().contains("Kies een soort gesprek uit de lijst."), refused.body());
    }
    assertEquals(campaigns, world.tool.count("SELECT COUNT(*) FROM meeting_campaign"));
  }

  @Test
  void planningOneTalkWithATimeThatIsNotOfferedStoresNothing() {
    String page = world.url("/class/" + world.courseId + "/students/" + studentId + "/meetings");
    long before = world.tool.count("SELECT COUNT(*) FROM meeting WHERE student_id = ?", studentId);
    for (Map<String, String> form :
        List.of(
            Map.of("kind", "VOORTGANG", "slot", "999999"),
            Map.of("kind", "VOORTGANG", "slot", "abc"),
            Map.of("kind", "bogus", "slot", ""),
            Map.of("slot", String.valueOf(slot)))) {
      HttpResponse<String> refused = mentorPost(page, form);
      assertEquals(400, refused.statusCode(), form.toString());
      assertTrue(
          refused.body().contains("Kies een soort gesprek en eventueel een tijd uit de lijst."));
    }
    assertEquals(
        before, world.tool.count("SELECT COUNT(*) FROM meeting WHERE student_id = ?", studentId));
  }

  @Test
  void anAgreementDueInThePastOrOnNoDateIsRefused() {
    world.addSlots(Map.of("from", "08:00"));
    long earlier = world.slotAt(MeetingWorld.mondayInTwoWeeks().atTime(8, 0));
    long talk = world.plan(studentId, "EVALUATIE", earlier);
    Instant start = Instant.now().minus(Duration.ofHours(1));
    world.sql(
        "UPDATE meeting_slot SET starts_at = ?, ends_at = ? WHERE id = ?",
        Timestamp.from(start),
        Timestamp.from(start.plus(Duration.ofMinutes(20))),
        earlier);
    String url = world.url("/class/" + world.courseId + "/meetings/" + talk + "/agreements");
    String yesterday = MeetingWorld.today().minusDays(1).toString();
    HttpResponse<String> inPast =
        mentorPost(url, Map.of("body", "Huiswerk plannen", "owner", "STUDENT", "due", yesterday));
    assertEquals(400, inPast.statusCode());
    assertTrue(inPast.body().contains("Kies voor de afspraak een datum van vandaag of later."));
    HttpResponse<String> noDate =
        mentorPost(url, Map.of("body", "Huiswerk plannen", "owner", "STUDENT", "due", "morgen"));
    assertEquals(400, noDate.statusCode());
    assertTrue(noDate.body().contains("De datum is geen geldige datum."));
    HttpResponse<String> noOwner = mentorPost(url, Map.of("body", "Huiswerk plannen"));
    assertEquals(400, noOwner.statusCode());
    assertTrue(noOwner.body().contains("Kies wie de afspraak uitvoert."));
    assertEquals(
        0, world.tool.count("SELECT COUNT(*) FROM meeting_agreement WHERE meeting_id = ?", talk));
    HttpResponse<String> noOutcome =
        mentorPost(
            url.replace("/agreements", "/outcome"),
            Map.of("status", "HELD", "nextEvaluation", yesterday));
    assertEquals(400, noOutcome.statusCode());
    assertTrue(noOutcome.body().contains("vandaag of later"));
  }
}
