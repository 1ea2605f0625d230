package nl.samenaanwezig.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import nl.samenaanwezig.buddies.Buddies;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ClassPages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "done when" over real HTTP: the mentor adds an evening series and invites the class;
 * the student books in the LMS or the buddy through the link from the mail; the .ics parses; the
 * buddy without consent never receives anything.
 */
class MeetingFlowTest {
  static MeetingWorld world;

  @BeforeAll
  static void start() {
    world = MeetingWorld.start();
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  /** A 17-year-old with a mother (mail, consent), a brother (phone, consent), an aunt (none). */
  record Family(Browser student, long studentId, long mother, long brother, long aunt) {}

  static Family family(String sub, String given) {
    Browser student = Buddies.student(world.platform, sub, given, "Kok");
    Buddies.enterBirthDate(student, world.tool, MeetingWorld.today().minusYears(17).toString());
    long mother =
        Buddies.add(
            student,
            world.tool,
            Map.of(
                "name",
                "Moeder " + given,
                "channel",
                "EMAIL",
                "email",
                sub + "-mother@example.nl"));
    Map<String, String> brother = new HashMap<>();
    brother.put("name", "Broer " + given);
    brother.put("relationship", "SIBLING");
    brother.put("legalRepresentative", null);
    brother.put("email", null);
    brother.put("channel", "CALL");
    long brotherId = Buddies.add(student, world.tool, brother);
    Map<String, String> aunt = new HashMap<>();
    aunt.put("name", "Tante " + given);
    aunt.put("relationship", "UNCLE_AUNT");
    aunt.put("legalRepresentative", null);
    aunt.put("channel", "EMAIL");
    aunt.put("email", sub + "-aunt@example.nl");
    aunt.put("phone", "06-87654321");
    long auntId = Buddies.add(student, world.tool, aunt);
    for (long b : List.of(mother, brotherId)) {
      assertEquals(
          303, Buddies.decide(student, world.tool, b, "MEETING_INVITATIONS", "give").statusCode());
    }
    return new Family(student, world.personId(sub), mother, brotherId, auntId);
  }

  @Test
  void aBuddyBooksThroughTheLinkFromTheMailAndEveryoneGetsACalendarInvitation() {
    Family f = family("s-flow", "Fenna");
    world.addSlots(
        Map.of(
            "lastDay",
            MeetingWorld.mondayInTwoWeeks().plusDays(4).toString(),
            "weekday",
            "TUESDAY",
            "until",
            "20:00"));
    long campaignId = world.campaign("KENNISMAKING");
    long meetingId = world.meetingOf(f.studentId());
    world.awaitMailLog(meetingId, 2);

    List<MimeMessage> toMother = world.mailsTo("s-flow-mother@example.nl");
    assertEquals(1, toMother.size());
    assertTrue(
        MeetingWorld.subject(toMother.get(0))
            .startsWith("Uitnodiging: Kennismakingsgesprek over Fenna"));
    assertEquals(1, world.mailsTo("s-flow@school.example").size(), "the student is invited too");
    assertEquals(List.of(), world.mailsTo("s-flow-aunt@example.nl"), "no consent, no mail");

    String link = world.linkIn(toMother.get(0));
    Browser buddy = new Browser();
    HttpResponse<String> page = buddy.get(link);
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("Beste Moeder Fenna,"), page.body());
    assertTrue(page.body().contains("Aanwezigheid: hoe gaat het"), "attendance on the agenda");
    long slotId =
        world
            .ids(
                "SELECT id FROM meeting_slot WHERE course_id = ? ORDER BY starts_at",
                world.courseId)
            .get(0);
    HttpResponse<String> booked =
        buddy.postForm(link + "/book", Map.of("slot", String.valueOf(slotId)));
    assertEquals(303, booked.statusCode(), booked.body());
    String after = buddy.follow(booked).body();
    assertTrue(after.contains("De tijd staat vast."), after);
    assertTrue(after.contains("19:00"), after);

    world.awaitMailLog(meetingId, 5);
    MimeMessage confirmation = world.mailsTo("s-flow-mother@example.nl").get(1);
    Calendar ics = MeetingWorld.ics(confirmation).orElseThrow();
    assertEquals("REQUEST", ics.getProperty("METHOD").orElseThrow().getValue());
    VEvent event = (VEvent) ics.getComponent("VEVENT").orElseThrow();
    assertEquals(
        "Europe/Amsterdam",
        event.getStartDate().orElseThrow().getParameter("TZID").orElseThrow().getValue());
    assertEquals(1, world.mailsTo("m-1@school.example").size(), "the mentor's calendar too");
    assertEquals(List.of(), world.mailsTo("s-flow-aunt@example.nl"));

    String mine = f.student().get(world.url("/me/meetings")).body();
    assertTrue(mine.contains("19:00"), mine);
    String campaign = world.mentor.get(world.planner() + "/campaigns/" + campaignId).body();
    assertTrue(campaign.contains("Tijd gekozen (1)"), campaign);
    assertFalse(campaign.contains("tel:+31687654321"), "the aunt's number stays hidden");
  }

  @Test
  void theStudentBooksInTheLms() {
    Family f = family("s-lms", "Sem");
    List<Long> slots = world.addSlots(Map.of("from", "16:00", "details", "B2.01"));
    world.campaign("KENNISMAKING");
    long meetingId = world.meetingOf(f.studentId());
    String page = f.student().get(world.url("/me/meetings")).body();
    assertTrue(page.contains("Kennismakingsgesprek"), page);
    HttpResponse<String> booked =
        f.student()
            .postForm(
                world.url("/me/meetings/" + meetingId + "/book"),
                Map.of(
                    "csrf",
                    ClassPages.csrf(f.student().get(world.url("/me/meetings"))),
                    "slot",
                    String.valueOf(slots.get(slots.size() - 1))));
    assertEquals(303, booked.statusCode(), booked.body());
    assertTrue(f.student().follow(booked).body().contains("De tijd staat vast."));
    assertEquals("PLANNED", status(meetingId));
    String classPage = world.mentor.get(world.url("/class/" + world.courseId)).body();
    assertTrue(classPage.contains("Volgende gesprek"), classPage);
  }

  @Test
  void everyMeetingPageShowsAllItsTexts() {
    Family f = family("s-texts", "Noor");
    world.addSlots(Map.of("from", "17:00", "details", "C0.01"));
    long campaignId = world.campaign("KENNISMAKING");
    long meetingId = world.meetingOf(f.studentId());
    world.awaitMailLog(meetingId, 2);
    String link = world.linkIn(world.mailsTo("s-texts-mother@example.nl").get(0));
    for (String lang : List.of("nl", "en")) {
      world.mentor.postForm(
          world.url("/lang"),
          Map.of(
              "csrf",
              ClassPages.csrf(world.mentor.get(world.planner())),
              "lang",
              lang,
              "back",
              "/"));
      for (String path :
          List.of(
              "/class/" + world.courseId + "/meetings",
              "/class/" + world.courseId + "/meetings/campaigns/" + campaignId,
              "/class/" + world.courseId + "/meetings/" + meetingId,
              "/class/" + world.courseId + "/students/" + f.studentId() + "/meetings",
              "/class/" + world.courseId + "/students/" + f.studentId(),
              "/class/" + world.courseId)) {
        complete(world.mentor.get(world.url(path)), lang);
      }
      complete(new Browser().get(link + "?lang=" + lang), lang);
    }
    complete(f.student().get(world.url("/me/meetings")), "nl");
    complete(f.student().get(world.url("/me")), "nl");
  }

  static void complete(HttpResponse<String> page, String lang) {
    assertEquals(200, page.statusCode(), page.uri() + "\n" + page.body());
    assertFalse(page.body().contains("??"), page.uri() + " " + lang + "\n" + page.body());
    assertTrue(page.body().contains("lang=\"" + lang + "\""), page.uri() + " " + lang);
  }

  static String status(long meetingId) {
    return world.tool.count(
                "SELECT COUNT(*) FROM meeting WHERE id = ? AND status = 'PLANNED'", meetingId)
            == 1
        ? "PLANNED"
        : "OTHER";
  }
}
