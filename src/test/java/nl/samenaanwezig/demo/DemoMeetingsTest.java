package nl.samenaanwezig.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenaanwezig.attendance.LessonRegister;
import nl.samenaanwezig.lti.Platforms;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo class has a kennismakingscampagne in progress: an evening series, students and buddies
 * booked, "none of these times fit" answers with proposals, a call list, and a held talk whose
 * shared note and agreements the student sees; seeding again writes nothing.
 */
class DemoMeetingsTest {
  static ToolServer tool;

  @BeforeAll
  static void start() {
    tool = ToolServer.startSeededDemo();
  }

  @AfterAll
  static void stop() {
    tool.close();
  }

  @Test
  void theMentorSeesACampaignInProgressWithProposalsAndACallList() {
    Browser mentor = new Browser();
    HttpResponse<String> classPage = DemoBuddiesTest.launch(mentor, tool, "as=mentor");
    String planner = classPage.uri().getPath() + "/meetings";
    String plannerHtml = mentor.get(tool.baseUrl() + planner).body();
    assertTrue(plannerHtml.contains("Kennismakingsgesprek"), plannerHtml);
    Matcher campaign =
        Pattern.compile("href=\"(" + planner + "/campaigns/\\d+)\"").matcher(plannerHtml);
    assertTrue(campaign.find(), plannerHtml);
    String html = mentor.get(tool.baseUrl() + campaign.group(1)).body();
    assertTrue(html.contains("Tijd gekozen (8)"), html);
    assertTrue(html.contains("Nog geen tijd gekozen (17)"), html);
    assertTrue(html.contains("Khadija El Amrani: donderdag: avond. Ik werk in de thuiszorg"), html);
    assertTrue(html.contains("class=\"proposals\""), "Thursday evenings fit Khadija");
    assertTrue(html.contains("Geen van je vrije tijden past bij wat zij opgaven."), "Lucas");
    assertTrue(html.contains("Anouk Jansen"), html);
    assertTrue(html.contains("href=\"tel:+31629887766\""), "Anouk on the call list");
    assertTrue(html.contains("/m/"), "the personal link to pass on");

    assertEquals(21, tool.count("SELECT COUNT(*) FROM meeting_slot"));
    assertEquals(25, tool.count("SELECT COUNT(*) FROM meeting"));
    assertEquals(
        2, tool.count("SELECT COUNT(*) FROM meeting WHERE booked_by = 'BUDDY'"), "via the link");
    assertEquals(
        8, tool.count("SELECT SUM(booked) FROM meeting_slot"), "places follow the bookings");
    assertEquals(4, tool.count("SELECT COUNT(*) FROM meeting_link"));
  }

  @Test
  void emmaSeesTheSharedNoteAndTheOpenAgreementsOfHerHeldTalk() {
    Browser emma = new Browser();
    HttpResponse<String> me =
        DemoBuddiesTest.launch(emma, tool, "as=student&student=demo-student-03");
    assertTrue(me.body().contains("Emma zet elke zondag haar lesrooster en werktijden"), me.body());
    String mine = emma.get(tool.baseUrl() + "/me/meetings").body();
    assertTrue(mine.contains("Emma wil stage lopen in de ouderenzorg."), mine);
    assertTrue(mine.contains("Gevoerd") || mine.contains("gevoerd"), mine);
  }

  @Test
  void seedingAgainAfterARestartWritesNothing() {
    long meetings = tool.count("SELECT COUNT(*) FROM meeting");
    long slots = tool.count("SELECT COUNT(*) FROM meeting_slot");
    long buddies = tool.count("SELECT COUNT(*) FROM buddy");
    Clock clock = Clock.systemUTC();
    DemoPlatform restarted =
        new DemoPlatform(
            tool.config(),
            new Platforms(tool.db(), clock),
            tool.db(),
            new LessonRegister(tool.db(), clock),
            clock);
    try {
      restarted.platformFor(tool.baseUrl());
      assertEquals(false, restarted.seeding(), "no second school year either");
    } finally {
      restarted.close();
    }
    assertEquals(meetings, tool.count("SELECT COUNT(*) FROM meeting"));
    assertEquals(slots, tool.count("SELECT COUNT(*) FROM meeting_slot"));
    assertEquals(buddies, tool.count("SELECT COUNT(*) FROM buddy"));
    assertEquals(1, tool.count("SELECT COUNT(*) FROM meeting_campaign"));
  }
}
