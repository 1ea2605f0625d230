package nl.samenaanwezig.attendance.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CSV import page over HTTP, each test in a class (LTI context) of its own. */
class ImportPageTest {
  static ToolServer tool;
  static TestPlatform platform;
  ImportClass klas;

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

  @BeforeEach
  void aClassWithThreeStudents() {
    klas = ImportClass.open(tool, platform);
  }

  private HttpResponse<String> upload(String csv, boolean validOnly) {
    Upload upload = new Upload().file("aanwezigheid.csv", csv);
    if (validOnly) {
      upload.field("validOnly", "1");
    }
    return klas.post(upload);
  }

  private long count(String sql) {
    return klas.count(sql);
  }

  private long marks() {
    return klas.marks("");
  }

  private long history() {
    return count(
        "SELECT COUNT(*) FROM mark_change h JOIN mark m ON h.mark_id = m.id"
            + " JOIN lesson l ON m.lesson_id = l.id JOIN course c ON l.course_id = c.id"
            + " WHERE c.context_id = ?");
  }

  private long lessons() {
    return klas.lessons();
  }

  private static final String GOOD =
      "\uFEFFstudent_id;date;start;end;category;late_minutes;lesson_id\n"
          + "1001;2026-11-16;09:00;09:50;aanwezig;;wis-1\n"
          + "1002;2026-11-16;09:00;09:50;te laat;10;wis-1\n"
          + "1003@school.example;2026-11-16;09:00;09:50;ziek;;wis-1\n"
          + "1001;2026-11-17;10:00;10:50;PRESENT;;wis-2\n"
          + "1002;2026-11-17;10:00;10:50;ongeoorloofd;;wis-2\n"
          + "1003;2026-11-17;10:00;10:50;bijzonder verlof;;wis-2\n";

  @Test
  void importsTheGenericFormatAndTheClassPageShowsIt() {
    HttpResponse<String> result = upload(GOOD, false);
    assertEquals(200, result.statusCode(), result.body());
    assertTrue(result.body().contains("6 regels verwerkt."), result.body());
    assertTrue(result.body().contains("6 nieuwe markeringen, 0 gewijzigd, 0 al goed."));
    assertTrue(result.body().contains("2 nieuwe lessen"));
    assertEquals(2, lessons());
    assertEquals(6, marks());
    assertEquals(0, history(), "a new mark has no history row");
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM mark m JOIN lesson l ON m.lesson_id = l.id"
                + " JOIN course c ON l.course_id = c.id JOIN person p ON m.person_id = p.id"
                + " WHERE c.context_id = ? AND p.subject = '1002' AND m.category = 'LATE'"
                + " AND m.late_minutes = 10 AND l.source = 'CSV' AND l.external_id = 'wis-1'"));
    // Day figures were recomputed: Daan missed 10 of 50 minutes on the 16th, 50 on the 17th.
    assertEquals(
        60,
        count(
            "SELECT SUM(d.unexcused_minutes) FROM presence_day d JOIN course c"
                + " ON d.course_id = c.id JOIN person p ON d.person_id = p.id"
                + " WHERE c.context_id = ? AND p.subject = '1002'"));
  }

  @Test
  void reimportingChangesNothingAndAChangedMarkIsUpdatedWithHistory() {
    assertEquals(200, upload(GOOD, false).statusCode());
    HttpResponse<String> again = upload(GOOD, false);
    assertEquals(200, again.statusCode(), again.body());
    assertTrue(again.body().contains("0 nieuwe markeringen, 0 gewijzigd, 6 al goed."));
    assertEquals(2, lessons());
    assertEquals(6, marks());
    assertEquals(0, history());

    HttpResponse<String> changed =
        upload(
            GOOD.replace(
                "1002;2026-11-16;09:00;09:50;te laat;10", "1002;2026-11-16;09:00;09:50;aanwezig;"),
            false);
    assertEquals(200, changed.statusCode(), changed.body());
    assertTrue(changed.body().contains("0 nieuwe markeringen, 1 gewijzigd, 5 al goed."));
    assertEquals(6, marks());
    assertEquals(1, history());
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM mark_change h JOIN mark m ON h.mark_id = m.id"
                + " JOIN lesson l ON m.lesson_id = l.id JOIN course c ON l.course_id = c.id"
                + " WHERE c.context_id = ? AND h.old_category = 'LATE'"
                + " AND h.old_late_minutes = 10 AND h.new_category = 'PRESENT'"
                + " AND h.changed_via = 'CSV' AND h.changed_by IS NOT NULL"
                + " AND h.old_via = 'CSV' AND h.old_by = h.changed_by AND h.old_at IS NOT NULL"));
    assertEquals(
        50,
        count(
            "SELECT SUM(d.unexcused_minutes) FROM presence_day d JOIN course c"
                + " ON d.course_id = c.id JOIN person p ON d.person_id = p.id"
                + " WHERE c.context_id = ? AND p.subject = '1002'"));
  }

  private static final String BAD =
      "student_id,date,start,end,category,late_minutes\n"
          + "1001,2026-11-16,09:00,09:50,aanwezig,\n"
          + "1002,16 november,09:00,09:50,aanwezig,\n"
          + "1003,2026-11-16,09:00,09:50,op vakantie,\n"
          + "1002,2026-11-16,09:00,09:50,te laat,\n";

  @Test
  void refusesAFileWithErrorsPerLineAndImportsNothing() {
    HttpResponse<String> result = upload(BAD, false);
    assertEquals(400, result.statusCode());
    String html = result.body();
    assertTrue(html.contains("Er is niets geïmporteerd: 3 fouten op 3 regels."), html);
    assertTrue(
        html.contains("Ongeldige datum &#39;16 november&#39;. Schrijf de datum als jjjj-mm-dd"),
        html);
    assertTrue(html.contains("Onbekende categorie &#39;op vakantie&#39;."), html);
    assertTrue(html.contains("Vul bij te laat het aantal minuten in."), html);
    assertTrue(
        Pattern.compile("<th scope=\"row\" class=\"num\">3</th>\\s*<td><code>date</code>")
            .matcher(html)
            .find(),
        html);
    assertEquals(0, lessons());
    assertEquals(0, marks());
  }

  @Test
  void validRowsOnlyImportsTheValidLinesAndReportsTheRest() {
    HttpResponse<String> result = upload(BAD, true);
    assertEquals(200, result.statusCode(), result.body());
    assertTrue(result.body().contains("1 nieuwe markeringen, 0 gewijzigd, 0 al goed."));
    assertTrue(result.body().contains("3 regels met een fout zijn overgeslagen."));
    assertEquals(1, marks());
    assertEquals(1, lessons());
  }

  @Test
  void anUnknownStudentIsALineError() {
    long before = marks();
    HttpResponse<String> result =
        upload(
            "student_id;date;start;end;category\n"
                + "1001;2026-11-16;09:00;09:50;aanwezig\n"
                + "9999;2026-11-16;09:00;09:50;aanwezig\n",
            false);
    assertEquals(400, result.statusCode());
    assertTrue(
        result
            .body()
            .contains("Onbekende student &#39;9999&#39;: niet gevonden als student van deze klas."),
        result.body());
    assertTrue(
        Pattern.compile("<th scope=\"row\" class=\"num\">3</th>\\s*<td><code>student_id</code>")
            .matcher(result.body())
            .find());
    assertEquals(before, marks());
  }

  @Test
  void aSecondMarkForTheSameStudentAndLessonIsALineError() {
    HttpResponse<String> result =
        upload(
            "student_id;date;start;end;category\n"
                + "1001;2026-11-16;09:00;09:50;aanwezig\n"
                + "1001;2026-11-16;09:00;09:50;ziek\n",
            false);
    assertEquals(400, result.statusCode());
    assertTrue(
        result.body().contains("Deze student staat voor dezelfde les al op regel 2."),
        result.body());
    assertEquals(0, marks());
  }

  @Test
  void importsMoodleAttendanceExport() throws IOException {
    byte[] export;
    try (InputStream in = getClass().getResourceAsStream("/imports/mod_attendance_export.txt")) {
      export = in.readAllBytes();
    }
    HttpResponse<String> result =
        new Upload()
            .file("Wiskunde_2B_Aanwezigheid_20261118-1200.txt", export)
            .field("csrf", klas.csrf())
            .post(klas.mentor, klas.importUrl());
    assertEquals(200, result.statusCode(), result.body());
    assertTrue(result.body().contains("3 regels verwerkt."), result.body());
    assertTrue(result.body().contains("6 nieuwe markeringen"), result.body());
    assertEquals(3, lessons());
    assertEquals(6, marks());
    String mark =
        "SELECT COUNT(*) FROM mark m JOIN lesson l ON m.lesson_id = l.id"
            + " JOIN course c ON l.course_id = c.id JOIN person p ON m.person_id = p.id"
            + " WHERE c.context_id = ? AND l.source = 'MOODLE' AND ";
    assertEquals(
        1,
        count(
            mark
                + "p.subject = '1001' AND l.lesson_date = '2026-11-16'"
                + " AND l.start_time = '10:00:00' AND l.end_time = '10:50:00'"
                + " AND m.category = 'LATE' AND m.late_minutes = 5"));
    assertEquals(
        1,
        count(
            mark
                + "p.subject = '1002' AND l.start_time = '09:00:00' AND m.category = 'UNEXCUSED'"));
    assertEquals(
        1,
        count(
            mark
                + "p.subject = '1003' AND l.start_time = '13:30:00' AND l.group_name = 'Groep A'"
                + " AND m.category = 'SPECIAL_LEAVE'"));
    // The same export again: nothing new.
    HttpResponse<String> again =
        new Upload()
            .file("export.txt", export)
            .field("csrf", klas.csrf())
            .post(klas.mentor, klas.importUrl());
    assertTrue(again.body().contains("0 nieuwe markeringen, 0 gewijzigd, 6 al goed."));
    assertEquals(6, marks());
  }

  @Test
  void aStudentGetsNotFound() {
    Browser student = new Browser();
    klas.launch(student, "1001", "Fenna", "Kok", Role.Lis.LEARNER);
    assertEquals(404, student.get(klas.importUrl()).statusCode());
    Matcher csrf =
        Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
            .matcher(student.get(tool.baseUrl() + "/me").body());
    assertTrue(csrf.find());
    HttpResponse<String> post =
        new Upload()
            .file("a.csv", GOOD)
            .field("csrf", csrf.group(1))
            .post(student, klas.importUrl());
    assertEquals(404, post.statusCode());
    assertEquals(0, marks());
  }

  @Test
  void aMentorOfAnotherClassGetsNotFound() {
    Browser other = new Browser();
    ImportClass.launch(
        platform,
        "course-" + UUID.randomUUID(),
        other,
        "mentor-2",
        "Mila",
        "Bakker",
        Role.Lis.INSTRUCTOR);
    assertEquals(404, other.get(klas.importUrl()).statusCode());
  }

  @Test
  void uploadingWithoutTheCsrfTokenIsRefused() {
    HttpResponse<String> result =
        new Upload().file("a.csv", GOOD).post(klas.mentor, klas.importUrl());
    assertEquals(403, result.statusCode());
    assertTrue(result.body().contains("Dit formulier is verlopen."), result.body());
    assertEquals(0, marks());
  }

  @Test
  void theTokenInTheQueryStringIsRefusedAndTheFormKeepsItOutOfItsUrl() {
    HttpResponse<String> result =
        new Upload()
            .file("a.csv", GOOD)
            .post(klas.mentor, klas.importUrl() + "?csrf=" + klas.csrf());
    assertEquals(403, result.statusCode());
    assertEquals(0, marks());
    String form = klas.mentor.get(klas.importUrl()).body();
    assertTrue(form.contains("action=\"" + klas.classPath + "/import\""), form);
    assertFalse(form.contains("csrf="), form);
  }

  @Test
  void aFileThatIsNotUtf8IsRefused() {
    byte[] latin1 =
        "student_id;date;start;end;category\n1001;2026-11-16;09:00;09:50;aanwezig;café\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    HttpResponse<String> result =
        new Upload()
            .file("a.csv", latin1)
            .field("csrf", klas.csrf())
            .post(klas.mentor, klas.importUrl());
    assertEquals(400, result.statusCode());
    assertTrue(result.body().contains("Het bestand is geen UTF-8-tekst."), result.body());
    assertEquals(0, marks());
  }

  @Test
  void theClassPageLinksToTheImport() {
    String html = klas.mentor.get(tool.baseUrl() + klas.classPath).body();
    assertTrue(html.contains("href=\"" + klas.classPath + "/import\""), html);
    assertFalse(klas.mentor.get(klas.importUrl()).body().contains("??"));
  }
}
