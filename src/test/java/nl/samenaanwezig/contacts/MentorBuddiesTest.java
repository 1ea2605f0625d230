package nl.samenaanwezig.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.buddies.Buddies;
import nl.samenaanwezig.lti.LtiClaims;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ClassPages;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mentor's view of a student's buddies and the contact log over real HTTP, with the
 * authorization matrix and the audit log.
 */
class MentorBuddiesTest {
  static ToolServer tool;
  static TestPlatform platform;
  static Browser mentor;
  static long courseId;

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
    platform = TestPlatform.start().registerWith(tool);
    mentor = Buddies.mentor(platform, "m-1", "Jeroen", "Smits");
    courseId = tool.count("SELECT id FROM course WHERE context_id = 'course-1'");
  }

  @AfterAll
  static void stop() {
    platform.close();
    tool.close();
  }

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Europe/Amsterdam"));
  }

  static long personId(String sub) {
    return tool.count("SELECT id FROM person WHERE subject = ?", sub);
  }

  static String buddiesUrl(long studentId) {
    return tool.baseUrl() + "/class/" + courseId + "/students/" + studentId + "/buddies";
  }

  static Map<String, String> notLegal(String name) {
    Map<String, String> changes = new HashMap<>();
    changes.put("name", name);
    changes.put("relationship", "SIBLING");
    changes.put("legalRepresentative", null);
    changes.put("channel", "SMS_WHATSAPP");
    return changes;
  }

  static HttpResponse<String> logContact(long studentId, Map<String, String> changes) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrf", ClassPages.csrf(mentor.get(buddiesUrl(studentId))));
    form.put("with", "student");
    form.put("topic", "ATTENDANCE");
    form.put("channel", "CALL");
    form.put("kind", "GOOD_NEWS");
    form.put("date", today().toString());
    form.put("summary", "Goed gesprek over de eerste weken.");
    form.putAll(changes);
    return mentor.postForm(buddiesUrl(studentId) + "/contacts", form);
  }

  /**
   * A 17-year-old with a mother (legal representative) and a brother with consent for one topic.
   */
  record Family(long studentId, long mother, long brother) {}

  static Family seventeenWithTwoBuddies(String sub) {
    Browser student = Buddies.student(platform, sub, "Fenna", "Kok");
    Buddies.enterBirthDate(student, tool, today().minusYears(17).toString());
    long mother = Buddies.add(student, tool, Map.of("name", "Samira Kok"));
    long brother = Buddies.add(student, tool, notLegal("Milan Kok"));
    assertEquals(303, Buddies.decide(student, tool, brother, "ATTENDANCE", "give").statusCode());
    return new Family(personId(sub), mother, brother);
  }

  @Test
  void theMentorSeesPerBuddyAndTopicWhatIsAllowedAndWhyAndTheReadIsAudited() {
    Family f = seventeenWithTwoBuddies("s-family");
    long auditsBefore =
        tool.count(
            "SELECT COUNT(*) FROM audit_event WHERE student_id = ? AND operation = 'READ'",
            f.studentId());
    String classPage = mentor.get(tool.baseUrl() + "/class/" + courseId).body();
    assertTrue(classPage.contains("2 buddy&#39;s, contact mag"), classPage);
    HttpResponse<String> view = mentor.get(buddiesUrl(f.studentId()));
    assertEquals(200, view.statusCode(), view.body());
    String page = view.body();
    assertTrue(page.contains("Buddy&#39;s van Fenna Kok"), page);
    assertTrue(page.contains("16 of 17 jaar"), page);
    assertTrue(
        page.contains(
            "Mag: ouder of voogd van een leerling van 16 of 17. De school moet ouders informeren"
                + " over aanwezigheid en studievoortgang tot de leerling 18 is."),
        page);
    assertTrue(
        page.contains(
            "Mag niet: vanaf 16 jaar beslist de student zelf of ouders worden uitgenodigd voor"
                + " gesprekken. Er is geen toestemming."),
        page);
    assertTrue(page.contains("Mag: de student gaf hiervoor toestemming op "), page);
    assertTrue(
        page.contains("Mag niet: de student heeft hiervoor geen toestemming gegeven."), page);
    assertTrue(page.contains("href=\"tel:+31612345678\""), page);
    assertTrue(page.contains("href=\"sms:+31612345678\""), "the brother prefers texts");
    // The class page's buddy column (one line) and the buddies page (buddies, consents, contacts).
    assertEquals(
        auditsBefore + 4,
        tool.count(
            "SELECT COUNT(*) FROM audit_event WHERE student_id = ? AND operation = 'READ'"
                + " AND actor_role = 'MENTOR' AND actor_id = ?",
            f.studentId(),
            personId("m-1")));
    for (String kind : List.of("BUDDY_SUMMARY", "BUDDY", "CONSENT", "CONTACT")) {
      assertTrue(
          tool.count(
                  "SELECT COUNT(*) FROM audit_event WHERE student_id = ? AND operation = 'READ'"
                      + " AND data_kind = ?",
                  f.studentId(),
                  kind)
              > 0,
          kind);
    }
  }

  @Test
  void theMentorLogsACallWithABuddyTheRuleAllows() {
    Family f = seventeenWithTwoBuddies("s-call");
    HttpResponse<String> saved =
        logContact(
            f.studentId(),
            Map.of(
                "with",
                String.valueOf(f.brother()),
                "summary",
                "Milan gebeld: Fenna was deze week elke dag op tijd.",
                "followUp",
                today().plusDays(14).toString()));
    assertEquals(303, saved.statusCode(), saved.body());
    String page = mentor.follow(saved).body();
    assertTrue(page.contains("Het contact is vastgelegd."), page);
    assertTrue(page.contains("Milan gebeld: Fenna was deze week elke dag op tijd."), page);
    assertTrue(page.contains("Laatste keer goed nieuws gedeeld: "), page);
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM contact WHERE student_id = ? AND buddy_id = ?"
                + " AND topic = 'ATTENDANCE' AND kind = 'GOOD_NEWS' AND channel = 'CALL'",
            f.studentId(),
            f.brother()));
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM audit_event WHERE student_id = ? AND operation = 'CREATE'"
                + " AND data_kind = 'CONTACT' AND actor_role = 'MENTOR'",
            f.studentId()));
  }

  @Test
  void aContactTheRuleForbidsIsRefusedWithTheReasonAndNotStored() {
    Family f = seventeenWithTwoBuddies("s-refused");
    long before = tool.count("SELECT COUNT(*) FROM contact");
    HttpResponse<String> refused =
        logContact(f.studentId(), Map.of("with", String.valueOf(f.brother()), "topic", "PROGRESS"));
    assertEquals(400, refused.statusCode());
    assertTrue(
        refused
            .body()
            .contains(
                "Niet vastgelegd. Mag niet: de student heeft hiervoor geen toestemming gegeven."),
        refused.body());
    assertTrue(
        refused.body().contains("Goed gesprek over de eerste weken."), "the form keeps the text");
    assertEquals(before, tool.count("SELECT COUNT(*) FROM contact"));
  }

  @Test
  void aContactWithTheStudentNeedsNoConsent() {
    Family f = seventeenWithTwoBuddies("s-self");
    HttpResponse<String> saved = logContact(f.studentId(), Map.of("kind", "AGREEMENT"));
    assertEquals(303, saved.statusCode(), saved.body());
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM contact WHERE student_id = ? AND buddy_id IS NULL"
                + " AND topic IS NULL AND kind = 'AGREEMENT'",
            f.studentId()));
  }

  @Test
  void anAdultWithoutConsentHidesContactOptionsWithTheReason() {
    Browser student = Buddies.student(platform, "s-adult", "Ravi", "Pinas");
    Buddies.enterBirthDate(student, tool, today().minusYears(18).toString());
    long mother = Buddies.add(student, tool, Map.of("name", "Asha Pinas"));
    long studentId = personId("s-adult");
    String classPage = mentor.get(tool.baseUrl() + "/class/" + courseId).body();
    assertTrue(classPage.contains("1 buddy, toestemming nodig"), classPage);
    String page = mentor.get(buddiesUrl(studentId)).body();
    assertTrue(page.contains("Toestemming nodig"), page);
    assertTrue(
        page.contains(
            "Toestemming nodig: de student is op "
                + new nl.samenaanwezig.buddies.BirthDate(today().minusYears(18))
                    .eighteenthBirthday()
                    .format(
                        java.time.format.DateTimeFormatter.ofLocalizedDate(
                                java.time.format.FormatStyle.LONG)
                            .withLocale(nl.samenaanwezig.web.Locales.DUTCH))
                + " 18 geworden."),
        page);
    assertTrue(
        page.contains(
            "Contactgegevens verborgen: er is nu geen onderwerp waarover je deze buddy mag"
                + " benaderen."),
        page);
    assertFalse(page.contains("tel:"), page);
    assertFalse(page.contains("06 12345678"), page);
    HttpResponse<String> refused =
        logContact(studentId, Map.of("with", String.valueOf(mother), "kind", "CONCERN"));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("Niet vastgelegd. Toestemming nodig: "), refused.body());
  }

  @Test
  void aMentorOfAnotherCourseSeesNothing() {
    Family f = seventeenWithTwoBuddies("s-private");
    Browser other = new Browser();
    other.follow(
        platform
            .launch()
            .person("m-other", "Els", "Dekker", List.of(Role.Lis.INSTRUCTOR.uri()))
            .claim(
                LtiClaims.CONTEXT, Map.of("id", "course-2", "label", "NE-1", "title", "Nederlands"))
            .run(other));
    long otherCourse = tool.count("SELECT id FROM course WHERE context_id = 'course-2'");
    long reads =
        tool.count("SELECT COUNT(*) FROM audit_event WHERE actor_id = ?", personId("m-other"));
    assertEquals(0, reads);
    assertEquals(404, other.get(buddiesUrl(f.studentId())).statusCode());
    HttpResponse<String> viaOwnCourse =
        other.get(
            tool.baseUrl() + "/class/" + otherCourse + "/students/" + f.studentId() + "/buddies");
    assertEquals(404, viaOwnCourse.statusCode());
    assertFalse(viaOwnCourse.body().contains("Samira"));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrf", ClassPages.csrf(other.get(tool.baseUrl() + "/class/" + otherCourse)));
    form.put("with", "student");
    form.put("channel", "CALL");
    form.put("kind", "CONCERN");
    form.put("date", today().toString());
    form.put("summary", "Poging");
    assertEquals(
        404,
        other
            .postForm(
                tool.baseUrl()
                    + "/class/"
                    + otherCourse
                    + "/students/"
                    + f.studentId()
                    + "/buddies/contacts",
                form)
            .statusCode());
    assertEquals(
        0, tool.count("SELECT COUNT(*) FROM audit_event WHERE actor_id = ?", personId("m-other")));
    assertEquals(0, tool.count("SELECT COUNT(*) FROM contact WHERE summary = 'Poging'"));
  }

  @Test
  void aStudentCannotOpenTheMentorsView() {
    Family f = seventeenWithTwoBuddies("s-peek");
    Browser classmate = Buddies.student(platform, "s-classmate", "Daan", "Jansen");
    assertEquals(404, classmate.get(buddiesUrl(f.studentId())).statusCode());
    assertEquals(
        404, classmate.get(buddiesUrl(personId("s-classmate"))).statusCode(), "not even their own");
  }

  @Test
  void guessedIdsGiveTheSame404() {
    assertEquals(404, mentor.get(buddiesUrl(999_999)).statusCode());
    assertEquals(404, mentor.get(buddiesUrl(personId("m-1"))).statusCode(), "a mentor");
    assertEquals(
        404,
        mentor
            .get(tool.baseUrl() + "/class/999999/students/" + personId("m-1") + "/buddies")
            .statusCode());
  }

  @Test
  void aBuddyOfAnotherStudentCannotBeLogged() {
    Family f = seventeenWithTwoBuddies("s-mine");
    Family g = seventeenWithTwoBuddies("s-theirs");
    long before = tool.count("SELECT COUNT(*) FROM contact");
    HttpResponse<String> refused =
        logContact(f.studentId(), Map.of("with", String.valueOf(g.brother())));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("Kies met wie je contact had."), refused.body());
    assertEquals(before, tool.count("SELECT COUNT(*) FROM contact"));
  }

  @Test
  void refusesAContactDatedInTheFuture() {
    Family f = seventeenWithTwoBuddies("s-future");
    HttpResponse<String> refused =
        logContact(f.studentId(), Map.of("date", today().plusDays(1).toString()));
    assertEquals(400, refused.statusCode());
    assertTrue(
        refused.body().contains("Vul een datum in van vandaag of uit het afgelopen jaar."),
        refused.body());
  }

  @Test
  void htmlInNamesNotesAndSummariesIsShownAsText() {
    Browser student = Buddies.student(platform, "s-inert", "Tim", "Bos");
    Map<String, String> changes = notLegal("<b onmouseover=alert(1)>Broer</b>");
    changes.put("note", "<script>steal()</script>");
    long brother = Buddies.add(student, tool, changes);
    Buddies.decide(student, tool, brother, "ATTENDANCE", "give");
    long studentId = personId("s-inert");
    logContact(
        studentId,
        Map.of("with", String.valueOf(brother), "summary", "<iframe src=//evil.example>"));
    String page = mentor.get(buddiesUrl(studentId)).body();
    assertTrue(page.contains("&lt;b onmouseover=alert(1)&gt;Broer&lt;/b&gt;"), page);
    assertTrue(page.contains("&lt;script&gt;steal()&lt;/script&gt;"), page);
    assertTrue(page.contains("&lt;iframe src=//evil.example&gt;"), page);
    assertFalse(page.contains("<b onmouseover"), page);
    assertFalse(page.contains("<script>steal"), page);
    assertFalse(page.contains("<iframe src=//evil"), page);
  }
}
