package nl.samenaanwezig.privacy.rights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.buddies.Buddies;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ClassPages;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's "done when", walked once over HTTP: a student launched from the learning platform
 * registers two buddies and gives consent for one topic to one of them; the mentor sees what is
 * allowed and why and logs a call; the audit log shows the reads; set to 18+ without consent, the
 * contact options are hidden with the reason; the export holds all of it; another student reaches
 * none of it.
 */
class BuddyStoryTest {
  static ToolServer tool;
  static TestPlatform platform;

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
    platform = TestPlatform.start().registerWith(tool);
  }

  @AfterAll
  static void stop() {
    platform.close();
    tool.close();
  }

  static long personId(String sub) {
    return tool.count("SELECT id FROM person WHERE subject = ?", sub);
  }

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Europe/Amsterdam"));
  }

  static long mentorReads(long studentId, long mentorId, String kind) {
    return tool.count(
        "SELECT COUNT(*) FROM audit_event WHERE student_id = ? AND actor_id = ?"
            + " AND actor_role = 'MENTOR' AND operation = 'READ' AND data_kind = ?",
        studentId,
        mentorId,
        kind);
  }

  @Test
  void twoBuddiesOneConsentTheMentorsViewACallEighteenTheExportAndNobodyElse() {
    // The student launches and registers two buddies: mother and brother (16, so the mother is
    // informed about attendance by law, the brother only with consent).
    Browser student = Buddies.student(platform, "s-story", "Fenna", "Kok");
    long studentId = personId("s-story");
    assertEquals(
        303, Buddies.enterBirthDate(student, tool, today().minusYears(16).toString()).statusCode());
    long mother = Buddies.add(student, tool, Map.of("name", "Samira Kok"));
    Map<String, String> brotherForm = new HashMap<>();
    brotherForm.put("name", "Milan Kok");
    brotherForm.put("relationship", "SIBLING");
    brotherForm.put("legalRepresentative", null);
    brotherForm.put("phone", "06-87654321");
    brotherForm.put("email", "milan@example.nl");
    long brother = Buddies.add(student, tool, brotherForm);
    assertEquals(303, Buddies.decide(student, tool, brother, "ATTENDANCE", "give").statusCode());

    // The mentor launches and sees per buddy and topic what is allowed today, and why.
    Browser mentor = Buddies.mentor(platform, "m-story", "Jeroen", "Smits");
    long mentorId = personId("m-story");
    long courseId = tool.count("SELECT id FROM course WHERE context_id = 'course-1'");
    String buddiesUrl =
        tool.baseUrl() + "/class/" + courseId + "/students/" + studentId + "/buddies";
    String classPage = mentor.get(tool.baseUrl() + "/class/" + courseId).body();
    assertTrue(classPage.contains("2 buddy&#39;s, contact mag"), classPage);
    String view = mentor.get(buddiesUrl).body();
    assertTrue(view.contains("16 of 17 jaar"), view);
    assertTrue(
        view.contains(
            "Mag: ouder of voogd van een leerling van 16 of 17. De school moet ouders informeren"
                + " over aanwezigheid en studievoortgang tot de leerling 18 is."),
        view);
    assertTrue(
        view.contains(
            "Mag niet: vanaf 16 jaar beslist de student zelf of ouders worden uitgenodigd voor"
                + " gesprekken. Er is geen toestemming."),
        view);
    assertTrue(
        view.contains(
            "Mag: de student gaf hiervoor toestemming op "
                + today()
                    .format(
                        DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                            .withLocale(nl.samenaanwezig.web.Locales.DUTCH))
                + "."),
        view);
    assertTrue(
        view.contains("Mag niet: de student heeft hiervoor geen toestemming gegeven."), view);
    assertTrue(view.contains("href=\"tel:+31612345678\""), "the mother may be called");
    assertTrue(view.contains("href=\"tel:+31687654321\""), "the brother may be called");

    // The mentor logs a call with the brother about attendance.
    Map<String, String> call = new LinkedHashMap<>();
    call.put("csrf", ClassPages.csrf(mentor.get(buddiesUrl)));
    call.put("with", String.valueOf(brother));
    call.put("topic", "ATTENDANCE");
    call.put("channel", "CALL");
    call.put("kind", "GOOD_NEWS");
    call.put("date", today().toString());
    call.put("summary", "Milan gebeld: Fenna was deze week elke les op tijd.");
    HttpResponse<String> logged = mentor.postForm(buddiesUrl + "/contacts", call);
    assertEquals(303, logged.statusCode(), logged.body());
    assertTrue(
        mentor
            .follow(logged)
            .body()
            .contains("Milan gebeld: Fenna was deze week elke les op tijd."));

    // The audit log shows the mentor's reads: the class page's buddy column (the launch lands on
    // the class page, then the mentor opened it once more), and each view of buddies, consents and
    // contacts (three views: before, for the form, after the call).
    assertEquals(2, mentorReads(studentId, mentorId, "BUDDY_SUMMARY"));
    for (String kind : List.of("BUDDY", "CONSENT", "CONTACT")) {
      assertEquals(3, mentorReads(studentId, mentorId, kind), kind);
    }
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM audit_event WHERE student_id = ? AND actor_id = ?"
                + " AND operation = 'CREATE' AND data_kind = 'CONTACT'",
            studentId,
            mentorId));

    // The administration sets the student's date of birth: 18 today. The mother relied on the
    // under-18 rule: her contact options are hidden with the reason; the brother keeps consent.
    Browser admin = new Browser();
    admin.follow(platform.launch().asAdmin().run(admin));
    String eighteen = today().minusYears(18).format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));
    HttpResponse<String> imported =
        admin.postForm(
            tool.baseUrl() + "/admin/privacy/birthdates",
            Map.of(
                "csrf",
                ClassPages.csrf(admin.get(tool.baseUrl() + "/admin/privacy")),
                "lines",
                "s-story;" + eighteen));
    assertEquals(200, imported.statusCode(), imported.body());
    String adult = mentor.get(buddiesUrl).body();
    assertTrue(adult.contains("18 jaar of ouder"), adult);
    assertTrue(
        adult.contains(
            "Toestemming nodig: de student is op "
                + today()
                    .format(
                        DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                            .withLocale(nl.samenaanwezig.web.Locales.DUTCH))
                + " 18 geworden."),
        adult);
    assertTrue(
        adult.contains(
            "Contactgegevens verborgen: er is nu geen onderwerp waarover je deze buddy mag"
                + " benaderen."),
        adult);
    assertFalse(adult.contains("tel:+31612345678"), "the mother's number is hidden");
    assertTrue(adult.contains("tel:+31687654321"), "the brother has the student's consent");
    assertTrue(
        mentor.get(tool.baseUrl() + "/class/" + courseId).body().contains("toestemming nodig"));
    call.put("csrf", ClassPages.csrf(mentor.get(buddiesUrl)));
    call.put("with", String.valueOf(mother));
    call.put("kind", "CONCERN");
    call.put("summary", "Moeder bellen over te laat komen.");
    HttpResponse<String> refused = mentor.postForm(buddiesUrl + "/contacts", call);
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("Niet vastgelegd. Toestemming nodig: "), refused.body());
    assertTrue(
        student.get(tool.baseUrl() + "/me").body().contains("Je bent 18: jij beslist nu"),
        "the student is asked");

    // The student's export holds all of it, including who read it.
    String json = student.get(tool.baseUrl() + "/me/export/json").body();
    JsonObject export = Json.createReader(new StringReader(json)).readObject();
    assertEquals(
        today().minusYears(18).toString(),
        export.getJsonObject("profile").getString("dateOfBirth"));
    assertEquals(
        List.of("Samira Kok", "Milan Kok"),
        export.getJsonArray("buddies").stream()
            .map(b -> b.asJsonObject().getString("name"))
            .toList());
    JsonObject consent = export.getJsonArray("consents").getJsonObject(0);
    assertEquals("Milan Kok", consent.getString("buddyName"));
    assertEquals("ATTENDANCE", consent.getString("topic"));
    assertTrue(consent.getBoolean("given"));
    assertEquals(1, export.getJsonArray("contacts").size(), "the refused call is not stored");
    assertEquals(
        "Milan gebeld: Fenna was deze week elke les op tijd.",
        export.getJsonArray("contacts").getJsonObject(0).getString("summary"));
    List<String> mentorReadKinds =
        export.getJsonArray("auditLog").stream()
            .map(JsonValue::asJsonObject)
            .filter(a -> a.getString("role").equals("MENTOR"))
            .filter(a -> a.getString("operation").equals("READ"))
            .map(a -> a.getString("data"))
            .distinct()
            .sorted()
            .toList();
    assertEquals(List.of("BUDDY", "BUDDY_SUMMARY", "CONSENT", "CONTACT"), mentorReadKinds);
    String page = student.get(tool.baseUrl() + "/me/export").body();
    assertTrue(page.contains("Jeroen Smits (mentor)"), page);

    // Another student of the same course reaches none of it.
    Browser other = Buddies.student(platform, "s-story-other", "Daan", "Jansen");
    assertEquals(404, other.get(buddiesUrl).statusCode());
    assertFalse(other.get(tool.baseUrl() + "/me/buddies").body().contains("Samira"));
    assertFalse(other.get(tool.baseUrl() + "/me/export/json").body().contains("Kok"));
    Map<String, String> steal = new LinkedHashMap<>();
    steal.put("csrf", Buddies.csrf(other, tool));
    steal.put("topic", "PROGRESS");
    steal.put("decision", "give");
    steal.put("version", nl.samenaanwezig.buddies.ConsentTexts.CURRENT);
    HttpResponse<String> foreignConsent =
        other.postForm(tool.baseUrl() + "/me/buddies/" + mother + "/consent", steal);
    assertEquals(404, foreignConsent.statusCode());
    assertEquals(404, other.get(tool.baseUrl() + "/me/buddies/" + mother).statusCode());
    assertEquals(
        1, tool.count("SELECT COUNT(*) FROM consent WHERE buddy_id IN (?, ?)", mother, brother));
    assertEquals(
        0,
        tool.count(
            "SELECT COUNT(*) FROM audit_event WHERE student_id = ? AND actor_id = ?",
            studentId,
            personId("s-story-other")));
  }
}
