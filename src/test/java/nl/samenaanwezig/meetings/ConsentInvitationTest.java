package nl.samenaanwezig.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.buddies.Buddies;
import nl.samenaanwezig.testing.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Consent decides who is invited: an adult student's mother without consent gets no mail, no link
 * and no phone number on the call list; once the student consents, the next round invites her. A
 * buddy who prefers the phone is on the call list instead of mailed.
 */
class ConsentInvitationTest {
  static MeetingWorld world;

  @BeforeAll
  static void start() {
    world = MeetingWorld.start();
    world.addSlots(Map.of());
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  @Test
  void withoutConsentTheMotherOfAnAdultGetsNothingUntilTheStudentConsents() {
    Browser student = Buddies.student(world.platform, "s-adult", "Ruben", "Claes");
    Buddies.enterBirthDate(student, world.tool, MeetingWorld.today().minusYears(19).toString());
    long mother =
        Buddies.add(
            student,
            world.tool,
            Map.of(
                "name",
                "Els Claes",
                "channel",
                "EMAIL",
                "email",
                "els@example.nl",
                "phone",
                "06-11112222"));
    long studentId = world.personId("s-adult");
    long campaign = world.campaign("KENNISMAKING");
    long meeting = world.meetingOf(studentId);
    world.awaitMailLog(meeting, 1);

    assertEquals(List.of(), world.mailsTo("els@example.nl"));
    assertEquals(
        0, world.tool.count("SELECT COUNT(*) FROM meeting_mail WHERE buddy_id = ?", mother));
    assertEquals(
        0, world.tool.count("SELECT COUNT(*) FROM meeting_link WHERE buddy_id = ?", mother));
    assertEquals(0, buddyMailsAudited(studentId, mother));
    String page = world.mentor.get(world.planner() + "/campaigns/" + campaign).body();
    assertTrue(page.contains("Els Claes"), page);
    assertTrue(page.contains("niet uitnodigen"), page);
    assertFalse(page.contains("tel:+31611112222"), "no number without consent");
    assertTrue(page.contains("Toestemming nodig: de student is op "), "the reason, in words");

    Buddies.decide(student, world.tool, mother, "MEETING_INVITATIONS", "give");
    world.campaign("KENNISMAKING");
    world.awaitMailLog(meeting, 2);
    assertEquals(1, world.mailsTo("els@example.nl").size());
    assertTrue(
        MeetingWorld.subject(world.mailsTo("els@example.nl").get(0)).startsWith("Uitnodiging"));
    assertEquals(1, buddyMailsAudited(studentId, mother), "a use of her consent, in the audit log");
    String after = world.mentor.get(world.planner() + "/campaigns/" + campaign).body();
    assertTrue(after.contains("tel:+31611112222"), after);
    assertTrue(after.contains("krijgt de uitnodiging per mail"), after);
  }

  @Test
  void aBuddyWhoPrefersThePhoneIsOnTheCallListWithALinkToText() {
    Browser student = Buddies.student(world.platform, "s-phone", "Lina", "Amrani");
    Buddies.enterBirthDate(student, world.tool, MeetingWorld.today().minusYears(15).toString());
    Map<String, String> father = new HashMap<>();
    father.put("name", "Karim Amrani");
    father.put("channel", "CALL");
    father.put("email", "karim@example.nl");
    father.put("phone", "06-33334444");
    Buddies.add(student, world.tool, father);
    long campaign = world.campaign("KENNISMAKING");
    long meeting = world.meetingOf(world.personId("s-phone"));
    world.awaitMailLog(meeting, 1);
    assertEquals(List.of(), world.mailsTo("karim@example.nl"), "he prefers a call");
    String page = world.mentor.get(world.planner() + "/campaigns/" + campaign).body();
    assertTrue(page.contains("bellen (wil liever gebeld worden of heeft geen e-mail)"), page);
    assertTrue(page.contains("href=\"tel:+31633334444\""), page);
    assertTrue(page.contains("href=\"sms:+31633334444?body="), page);
    assertTrue(page.contains("/m/"), "the link to read out or text");
  }

  /** Lines in the student's audit log for mails the tool sent to this buddy. */
  private static long buddyMailsAudited(long studentId, long buddy) {
    return world.tool.count(
        "SELECT COUNT(*) FROM audit_event WHERE student_id = ? AND object_id = ?"
            + " AND operation = 'SEND' AND data_kind = 'BUDDY_MAIL' AND actor_role = 'SYSTEM'",
        studentId,
        buddy);
  }
}
