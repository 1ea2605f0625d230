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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.buddies.Buddies;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ClassPages;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Access requests (export) and erasure over real HTTP, for students and administrators. */
class PrivacyTest {
  static ToolServer tool;
  static TestPlatform platform;
  static Browser mentor;
  static Browser admin;
  static long courseId;

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
    platform = TestPlatform.start().registerWith(tool);
    mentor = Buddies.mentor(platform, "m-privacy", "Jeroen", "Smits");
    admin = new Browser();
    admin.follow(platform.launch().asAdmin().run(admin));
    courseId = tool.count("SELECT id FROM course WHERE context_id = 'course-1'");
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

  /**
   * A student with two buddies, consent for one topic to one of them, a mentor who looked at them
   * and logged a call.
   */
  static Browser studentWithHistory(String sub, String family) {
    Browser student = Buddies.student(platform, sub, "Fenna", family);
    Buddies.enterBirthDate(student, tool, today().minusYears(19).toString());
    Buddies.add(student, tool, Map.of("name", "Samira " + family));
    Map<String, String> brother = new HashMap<>();
    brother.put("name", "Milan " + family);
    brother.put("relationship", "SIBLING");
    brother.put("legalRepresentative", null);
    long milan = Buddies.add(student, tool, brother);
    Buddies.decide(student, tool, milan, "ATTENDANCE", "give");
    String url = tool.baseUrl() + "/class/" + courseId + "/students/" + personId(sub) + "/buddies";
    Map<String, String> call = new LinkedHashMap<>();
    call.put("csrf", ClassPages.csrf(mentor.get(url)));
    call.put("with", String.valueOf(milan));
    call.put("topic", "ATTENDANCE");
    call.put("channel", "CALL");
    call.put("kind", "GOOD_NEWS");
    call.put("date", today().toString());
    call.put("summary", "Milan gebeld: het gaat goed.");
    assertEquals(303, mentor.postForm(url + "/contacts", call).statusCode());
    return student;
  }

  @Test
  void aStudentsExportHoldsBuddiesConsentsContactsAndWhoReadThem() {
    Browser student = studentWithHistory("s-export", "Kok");
    HttpResponse<String> page = student.get(tool.baseUrl() + "/me/export");
    assertEquals(200, page.statusCode(), page.body());
    String html = page.body();
    assertTrue(html.contains("Samira Kok"), html);
    assertTrue(html.contains("Milan gebeld: het gaat goed."), html);
    assertTrue(html.contains("toestemming gegeven"), html);
    assertTrue(
        html.contains("Ik vind het goed dat school Milan Kok vertelt hoe vaak ik op school ben"),
        "the exact text the student agreed to");
    assertTrue(html.contains("Jeroen Smits (mentor)"), html);

    HttpResponse<String> json = student.get(tool.baseUrl() + "/me/export/json");
    assertEquals(200, json.statusCode());
    assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertTrue(
        json.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    JsonObject export = Json.createReader(new StringReader(json.body())).readObject();
    assertEquals("s-export", export.getJsonObject("student").getString("lmsUserId"));
    assertEquals(2, export.getJsonArray("buddies").size());
    assertEquals(
        "+31612345678", export.getJsonArray("buddies").getJsonObject(0).getString("phone"));
    assertEquals(1, export.getJsonArray("consents").size());
    assertEquals(1, export.getJsonArray("contacts").size());
    List<JsonObject> mentorReads =
        export.getJsonArray("auditLog").stream()
            .map(JsonValue::asJsonObject)
            .filter(
                a ->
                    a.getString("role").equals("MENTOR") && a.getString("operation").equals("READ"))
            .toList();
    assertEquals(
        List.of("BUDDY", "CONSENT", "CONTACT"),
        mentorReads.stream().map(a -> a.getString("data")).distinct().toList());
    assertEquals(
        2,
        tool.count(
            "SELECT COUNT(*) FROM audit_event WHERE student_id = ? AND data_kind = 'EXPORT'"
                + " AND actor_role = 'STUDENT'",
            personId("s-export")));
  }

  @Test
  void aStudentsExportHoldsNothingOfAnotherStudent() {
    studentWithHistory("s-one", "Jansen");
    Browser other = Buddies.student(platform, "s-two", "Daan", "Visser");
    String html = other.get(tool.baseUrl() + "/me/export").body();
    assertFalse(html.contains("Jansen"), html);
    assertFalse(other.get(tool.baseUrl() + "/me/export/json").body().contains("Jansen"));
  }

  @Test
  void anAdministratorFindsAStudentAndSeesTheExportWhichIsAudited() {
    studentWithHistory("s-admin-export", "de Boer");
    long id = personId("s-admin-export");
    String search = admin.get(tool.baseUrl() + "/admin/privacy?q=boer").body();
    assertTrue(search.contains("/admin/privacy/students/" + id + "/export"), search);
    HttpResponse<String> export =
        admin.get(tool.baseUrl() + "/admin/privacy/students/" + id + "/export");
    assertEquals(200, export.statusCode());
    assertTrue(export.body().contains("Samira de Boer"), export.body());
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM audit_event WHERE student_id = ? AND data_kind = 'EXPORT'"
                + " AND actor_role = 'ADMIN' AND actor_id = ?",
            id,
            personId("admin-1")));
  }

  @Test
  void anAdministratorErasesAStudentOnlyAfterConfirmingAndTheAuditLogStays() {
    Browser student = studentWithHistory("s-erase", "Bakker");
    long id = personId("s-erase");
    long audits = tool.count("SELECT COUNT(*) FROM audit_event WHERE student_id = ?", id);
    String confirm = admin.get(tool.baseUrl() + "/admin/privacy/students/" + id + "/erase").body();
    HttpResponse<String> unconfirmed =
        admin.postForm(
            tool.baseUrl() + "/admin/privacy/students/" + id + "/erase",
            Map.of("csrf", ClassPages.csrf(admin.get(tool.baseUrl() + "/admin/privacy"))));
    assertEquals(400, unconfirmed.statusCode());
    assertTrue(
        unconfirmed.body().contains("Vink aan dat je de gegevens echt wilt verwijderen."),
        unconfirmed.body());
    assertEquals(2, tool.count("SELECT COUNT(*) FROM buddy WHERE student_id = ?", id));
    assertTrue(confirm.contains("Ja, verwijder alle gegevens van Fenna Bakker"), confirm);

    HttpResponse<String> erased =
        admin.postForm(
            tool.baseUrl() + "/admin/privacy/students/" + id + "/erase",
            Map.of(
                "csrf",
                ClassPages.csrf(admin.get(tool.baseUrl() + "/admin/privacy")),
                "confirm",
                "yes"));
    assertEquals(303, erased.statusCode(), erased.body());
    assertTrue(admin.follow(erased).body().contains("De gegevens van de student zijn verwijderd."));
    assertEquals(0, tool.count("SELECT COUNT(*) FROM buddy WHERE student_id = ?", id));
    assertEquals(0, tool.count("SELECT COUNT(*) FROM contact WHERE student_id = ?", id));
    assertEquals(0, tool.count("SELECT COUNT(*) FROM student_profile WHERE person_id = ?", id));
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM person WHERE id = ? AND name IS NULL AND email IS NULL"
                + " AND given_name IS NULL AND subject LIKE 'erased:%'",
            id));
    assertEquals(
        0, tool.count("SELECT COUNT(*) FROM member WHERE person_id = ? AND active = TRUE", id));
    assertEquals(
        audits + 1, tool.count("SELECT COUNT(*) FROM audit_event WHERE student_id = ?", id));
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM audit_event WHERE student_id = ? AND operation = 'DELETE'"
                + " AND data_kind = 'STUDENT' AND actor_role = 'ADMIN'",
            id));
    assertEquals(401, student.get(tool.baseUrl() + "/me/buddies").statusCode(), "signed out");
  }

  @Test
  void studentsAndMentorsCannotUseThePrivacyAdministration() {
    studentWithHistory("s-guarded", "Smit");
    long id = personId("s-guarded");
    Browser student = Buddies.student(platform, "s-curious", "Tim", "Bos");
    assertEquals(404, student.get(tool.baseUrl() + "/admin/privacy").statusCode());
    assertEquals(
        404,
        student.get(tool.baseUrl() + "/admin/privacy/students/" + id + "/export").statusCode());
    assertEquals(
        404, mentor.get(tool.baseUrl() + "/admin/privacy/students/" + id + "/export").statusCode());
    assertEquals(
        0,
        tool.count(
            "SELECT COUNT(*) FROM audit_event WHERE student_id = ? AND data_kind = 'EXPORT'", id));
  }

  @Test
  void anAdministratorOfAnotherSchoolGetsTheSame404AsAGuessedId() {
    studentWithHistory("s-school-a", "Mulder");
    long id = personId("s-school-a");
    try (TestPlatform otherSchool = TestPlatform.start().registerWith(tool)) {
      Browser otherAdmin = new Browser();
      otherAdmin.follow(
          otherSchool
              .launch()
              .person("admin-b", "Bert", "Beheer", List.of(Role.Lis.INSTITUTION_ADMIN.uri()))
              .run(otherAdmin));
      assertEquals(
          404,
          otherAdmin
              .get(tool.baseUrl() + "/admin/privacy/students/" + id + "/export")
              .statusCode());
      assertEquals(
          404,
          otherAdmin.get(tool.baseUrl() + "/admin/privacy/students/999999/export").statusCode());
      String search = otherAdmin.get(tool.baseUrl() + "/admin/privacy?q=Mulder").body();
      assertTrue(search.contains("Geen student gevonden."), search);
      assertFalse(search.contains("/admin/privacy/students/" + id), search);
    }
  }

  @Test
  void anAdministratorImportsDatesOfBirthThatTheStudentCannotChange() {
    Browser student = Buddies.student(platform, "s-import", "Iris", "de Wit");
    String csrf = ClassPages.csrf(admin.get(tool.baseUrl() + "/admin/privacy"));
    HttpResponse<String> bad =
        admin.postForm(
            tool.baseUrl() + "/admin/privacy/birthdates",
            Map.of("csrf", csrf, "lines", "s-import;14-03-2009\nnobody;01-01-2009"));
    assertEquals(400, bad.statusCode());
    assertTrue(
        bad.body().contains("Regel 2: geen (unieke) student gevonden met nobody."), bad.body());
    assertEquals(
        0,
        tool.count(
            "SELECT COUNT(*) FROM student_profile WHERE person_id = ?", personId("s-import")));
    HttpResponse<String> good =
        admin.postForm(
            tool.baseUrl() + "/admin/privacy/birthdates",
            Map.of("csrf", csrf, "lines", "s-import;14-03-2009\n"));
    assertEquals(200, good.statusCode(), good.body());
    assertTrue(good.body().contains("1 geboortedatum ingelezen."), good.body());
    HttpResponse<String> refused = Buddies.enterBirthDate(student, tool, "2008-01-01");
    assertEquals(400, refused.statusCode());
    assertTrue(
        refused.body().contains("Je geboortedatum is ingevoerd door de administratie."),
        refused.body());
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM student_profile WHERE person_id = ?"
                + " AND date_of_birth = '2009-03-14' AND birth_date_source = 'ADMIN'",
            personId("s-import")));
  }

  static long milan(long studentId) {
    return tool.count(
        "SELECT id FROM buddy WHERE student_id = ? AND relationship = 'SIBLING'", studentId);
  }

  static StudentFiles.Made files(String sub, String tag) {
    long id = personId(sub);
    return StudentFiles.meetingAndProtocol(
        tool, courseId, id, personId("m-privacy"), milan(id), tag);
  }

  static HttpResponse<String> erase(long id) {
    return admin.postForm(
        tool.baseUrl() + "/admin/privacy/students/" + id + "/erase",
        Map.of(
            "csrf",
            ClassPages.csrf(admin.get(tool.baseUrl() + "/admin/privacy")),
            "confirm",
            "yes"));
  }

  @Test
  void theExportHoldsMeetingsSignalsAndMailsAndConfidentialTextOnlyForTheAdministrator() {
    Browser student = studentWithHistory("s-files", "Peters");
    files("s-files", "peters");
    studentWithHistory("s-neighbour", "Vos");
    files("s-neighbour", "vos");

    String body = student.get(tool.baseUrl() + "/me/export/json").body();
    JsonObject export = Json.createReader(new StringReader(body)).readObject();
    assertEquals(1, export.getJsonArray("meetings").size(), body);
    JsonObject meeting = export.getJsonArray("meetings").getJsonObject(0);
    assertEquals("VOORTGANG", meeting.getString("kind"));
    assertEquals("HELD", meeting.getString("status"));
    assertEquals("Jeroen Smits", meeting.getString("mentor"));
    assertEquals("Lokaal peters", meeting.getString("locationDetails"));
    List<JsonObject> notes =
        meeting.getJsonArray("notes").stream().map(JsonValue::asJsonObject).toList();
    assertEquals(2, notes.size());
    assertEquals("Gedeelde notitie peters", notes.get(0).getString("body"));
    assertFalse(notes.get(0).getBoolean("withheld"));
    assertEquals("CONFIDENTIAL", notes.get(1).getString("visibility"));
    assertTrue(notes.get(1).getBoolean("withheld"));
    assertFalse(body.contains("Vertrouwelijke notitie peters"), "not in the student's own export");
    JsonObject agreement = meeting.getJsonArray("agreements").getJsonObject(0);
    assertEquals("Afspraak peters", agreement.getString("body"));
    assertEquals("STUDENT", agreement.getString("owner"));
    assertEquals(
        "Milan Peters", meeting.getJsonArray("answers").getJsonObject(0).getString("buddyName"));
    assertEquals(
        "Milan Peters", meeting.getJsonArray("buddyLinks").getJsonObject(0).getString("buddyName"));
    JsonObject mail = meeting.getJsonArray("mails").getJsonObject(0);
    assertEquals("buddy-peters@example.nl", mail.getString("address"));
    assertEquals("CONFIRMATION", mail.getString("kind"));
    JsonObject ack = export.getJsonArray("acknowledgements").getJsonObject(0);
    assertEquals("LATENESS", ack.getString("rule"));
    assertEquals("Signaalnotitie peters", ack.getString("note"));
    assertEquals("Jeroen Smits", ack.getString("by"));
    assertEquals("RMC", export.getJsonObject("legalDuty").getString("duty"));
    List<JsonObject> changes =
        export.getJsonArray("attendanceChanges").stream().map(JsonValue::asJsonObject).toList();
    JsonObject last = changes.get(changes.size() - 1);
    assertEquals("UNEXCUSED", last.getString("oldCategory"));
    assertEquals("SICK", last.getString("newCategory"));
    for (String other : List.of("vos", "Vos")) {
      assertFalse(body.contains(other), "nothing of another student: " + other);
    }

    String html = student.get(tool.baseUrl() + "/me/export").body();
    for (String shown :
        List.of(
            "Voortgangsgesprek",
            "Gedeelde notitie peters",
            "Deze vertrouwelijke notitie staat niet in deze inzage.",
            "Afspraak peters",
            "Antwoord peters",
            "Link voor Milan Peters",
            "aan Ontvanger peters (buddy-peters@example.nl)",
            "Te laat komen (ladder)",
            "Signaalnotitie peters",
            "18 tot 23 jaar zonder startkwalificatie",
            "Wijzigingen in de aanwezigheid")) {
      assertTrue(html.contains(shown), shown + " in " + html);
    }
    assertFalse(html.contains("Vertrouwelijke notitie peters"), html);
    assertFalse(html.contains("vos"), html);

    String byAdmin =
        admin
            .get(tool.baseUrl() + "/admin/privacy/students/" + personId("s-files") + "/export")
            .body();
    assertTrue(byAdmin.contains("Vertrouwelijke notitie peters"), byAdmin);
    assertTrue(byAdmin.contains("vertrouwelijk (alleen medewerkers)"), byAdmin);
  }

  @Test
  void erasureRemovesMeetingsSignalsAndMailsOfThatStudentOnly() {
    studentWithHistory("s-leaves", "Gone");
    StudentFiles.Made gone = files("s-leaves", "gone");
    studentWithHistory("s-remains", "Stays");
    StudentFiles.Made stays = files("s-remains", "stays");
    long goneId = personId("s-leaves");
    long staysId = personId("s-remains");
    long staysRows = StudentFiles.rowsAbout(tool, staysId);
    assertTrue(StudentFiles.rowsAbout(tool, goneId) > 10);

    assertEquals(303, erase(goneId).statusCode());
    assertEquals(0, StudentFiles.rowsAbout(tool, goneId));
    assertEquals(
        0,
        tool.count(
            "SELECT COUNT(*) FROM meeting_mail WHERE address = 'buddy-gone@example.nl'"
                + " OR recipient_name = 'Ontvanger gone'"));
    assertEquals(
        0,
        tool.count("SELECT booked FROM meeting_slot WHERE id = ?", gone.slotId()),
        "the place goes back to the slot");
    assertEquals(1, tool.count("SELECT booked FROM meeting_slot WHERE id = ?", stays.slotId()));
    assertEquals(staysRows, StudentFiles.rowsAbout(tool, staysId), "the other student keeps all");
    assertEquals(1, tool.count("SELECT COUNT(*) FROM meeting WHERE id = ?", stays.meetingId()));
    assertTrue(
        tool.count("SELECT COUNT(*) FROM mark WHERE person_id = ?", goneId) > 0,
        "attendance stays, of an anonymous person");
  }
}
