package nl.samenaanwezig.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import nl.samenaanwezig.buddies.Buddies;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ClassPages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "None of these times fit": the meeting and campaign pages propose the mentor's free times that
 * fit the student's answer and each buddy's answer (else the days on their profile), and one click
 * books a proposed time.
 */
class ProposalsTest {
  static MeetingWorld world;
  static long mondayEvening;
  static long tuesdayEvening;
  static long tuesdayMorning;
  static long campaignId;

  @BeforeAll
  static void start() {
    world = MeetingWorld.start();
    var monday = MeetingWorld.mondayInTwoWeeks();
    world.addSlots(Map.of("from", "19:00", "capacity", "5"));
    world.addSlots(
        Map.of("firstDay", monday.plusDays(1).toString(), "from", "19:00", "capacity", "5"));
    world.addSlots(
        Map.of("firstDay", monday.plusDays(1).toString(), "from", "10:00", "capacity", "5"));
    mondayEvening = world.slotAt(monday.atTime(19, 0));
    tuesdayEvening = world.slotAt(monday.plusDays(1).atTime(19, 0));
    tuesdayMorning = world.slotAt(monday.plusDays(1).atTime(10, 0));
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  /** A 15-year-old whose mother (mail) can on Tuesday evenings, by her profile; invited. */
  record Invited(Browser student, long meetingId, String link) {}

  static Invited invited(String sub) {
    Browser student = Buddies.student(world.platform, sub, "Lina", "Bakker");
    Buddies.enterBirthDate(student, world.tool, MeetingWorld.today().minusYears(15).toString());
    Map<String, String> mother = new HashMap<>();
    mother.put("name", "Ilse Bakker");
    mother.put("channel", "EMAIL");
    mother.put("email", sub + "-mother@example.nl");
    mother.put("slot", "TUESDAY-EVENING");
    Buddies.add(student, world.tool, mother);
    campaignId = world.campaign("KENNISMAKING");
    long meetingId = world.meetingOf(world.personId(sub));
    world.awaitMailLog(meetingId, 2);
    return new Invited(
        student, meetingId, world.linkIn(world.mailsTo(sub + "-mother@example.nl").get(0)));
  }

  static void studentAnswers(Invited i, Map<String, String> answer) {
    Map<String, String> form = new HashMap<>(answer);
    form.put("csrf", ClassPages.csrf(i.student().get(world.url("/me/meetings"))));
    HttpResponse<String> r =
        i.student().postForm(world.url("/me/meetings/" + i.meetingId() + "/unfit"), form);
    assertEquals(303, r.statusCode(), r.body());
  }

  static String meetingPage(Invited i) {
    return world.url("/class/" + world.courseId + "/meetings/" + i.meetingId());
  }

  /** The proposals block of a page, or "" when there is none. */
  static String proposals(String html, long meetingId) {
    String marker = "action=\"/class/" + world.courseId + "/meetings/" + meetingId + "/book\"";
    int start = html.indexOf("class=\"proposals\"");
    while (start >= 0) {
      int end = html.indexOf("</ul>", start);
      String block = html.substring(start, end);
      if (block.contains(marker)) {
        return block;
      }
      start = html.indexOf("class=\"proposals\"", end);
    }
    return "";
  }

  static String offers(long slot) {
    return "name=\"slot\" value=\"" + slot + "\"";
  }

  @Test
  void noProposalsUntilSomeoneSaysTheTimesDoNotFit() {
    Invited i = invited("s-quiet");
    assertEquals("", proposals(world.mentor.get(meetingPage(i)).body(), i.meetingId()));
  }

  @Test
  void theBuddysProfileNarrowsTheTimesAndOneClickBooksAProposal() {
    Invited i = invited("s-profile");
    studentAnswers(i, Map.of("note", "Na school kan ik altijd."));
    String page = world.mentor.get(meetingPage(i)).body();
    String block = proposals(page, i.meetingId());
    assertTrue(block.contains(offers(tuesdayEvening)), page);
    assertFalse(block.contains(offers(mondayEvening)), "the mother cannot on Mondays");
    assertFalse(block.contains(offers(tuesdayMorning)), "nor in the morning");
    assertTrue(block.contains("aria-label=\"Leg dinsdag"), block);

    HttpResponse<String> booked =
        world.mentor.postForm(
            meetingPage(i) + "/book",
            Map.of(
                "csrf",
                ClassPages.csrf(world.mentor.get(meetingPage(i))),
                "slot",
                String.valueOf(tuesdayEvening)));
    assertEquals(303, booked.statusCode(), booked.body());
    assertTrue(world.mentor.follow(booked).body().contains("De tijd staat vast."));
    assertEquals(
        1,
        world.tool.count(
            "SELECT COUNT(*) FROM meeting WHERE id = ? AND slot_id = ? AND status = 'PLANNED'",
            i.meetingId(),
            tuesdayEvening));
    world.awaitMailLog(i.meetingId(), 5);
    assertEquals(
        1,
        world.tool.count(
            "SELECT COUNT(*) FROM meeting_mail WHERE meeting_id = ? AND kind = 'CONFIRMATION'"
                + " AND recipient_role = 'BUDDY'",
            i.meetingId()));
  }

  @Test
  void aBuddysAnswerCountsInsteadOfTheirProfileOnTheCampaignPageToo() {
    Invited i = invited("s-answer");
    HttpResponse<String> answered =
        new Browser()
            .postForm(i.link() + "/unfit", Map.of("slot", "TUESDAY-MORNING", "note", "Vrij"));
    assertEquals(303, answered.statusCode());
    studentAnswers(i, Map.of("slot", "TUESDAY-MORNING"));
    String campaign = world.mentor.get(world.planner() + "/campaigns/" + campaignId).body();
    String block = proposals(campaign, i.meetingId());
    assertTrue(block.contains(offers(tuesdayMorning)), campaign);
    assertFalse(block.contains(offers(tuesdayEvening)), block);
    assertTrue(
        proposals(world.mentor.get(meetingPage(i)).body(), i.meetingId())
            .contains(offers(tuesdayMorning)));
  }

  @Test
  void whenNothingFitsTheMentorIsToldToAddATime() {
    Invited i = invited("s-nofit");
    studentAnswers(i, Map.of("slot", "WEDNESDAY-EVENING"));
    String page = world.mentor.get(meetingPage(i)).body();
    assertEquals("", proposals(page, i.meetingId()));
    assertTrue(page.contains("Geen van je vrije tijden past bij wat zij opgaven."), page);
    String campaign = world.mentor.get(world.planner() + "/campaigns/" + campaignId).body();
    assertTrue(campaign.contains("Geen van je vrije tijden past bij wat zij opgaven."), campaign);
  }
}
