package nl.samenaanwezig.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The registration screen over HTTP: create a lesson, mark it, save twice, bad input. */
class LessonScreenTest {
  static ToolServer tool;
  static TestPlatform platform;
  static Browser mentor;
  static String classPath;

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
    platform = TestPlatform.start().registerWith(tool);
    // The student launches once so the roster knows them.
    Browser student = new Browser();
    student.follow(platform.launch().asStudent().run(student));
    mentor = new Browser();
    classPath = mentor.follow(platform.launch().asMentor().run(mentor)).uri().getPath();
  }

  @AfterAll
  static void stop() {
    platform.close();
    tool.close();
  }

  private static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
    assertTrue(m.find());
    return m.group(1);
  }

  private static String field(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
    assertTrue(m.find(), name);
    return m.group(1);
  }

  private HttpResponse<String> newLesson(String date, String start, String end) {
    String form = mentor.get(tool.baseUrl() + classPath + "/lessons/new").body();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("csrf", csrf(form));
    fields.put("formId", field(form, "formId"));
    fields.put("date", date);
    fields.put("start", start);
    fields.put("end", end);
    return mentor.postForm(tool.baseUrl() + classPath + "/lessons/new", fields);
  }

  @Test
  void registersALessonWithEveryonePresentByDefaultAndALateStudent() {
    HttpResponse<String> created = newLesson("2026-11-16", "09:00", "09:50");
    assertEquals(303, created.statusCode(), created.body());
    HttpResponse<String> screen = mentor.follow(created);
    assertTrue(screen.body().contains("Fenna Kok"), screen.body());
    Matcher radio =
        Pattern.compile("name=\"(mark-\\d+)\" value=\"PRESENT\"[^>]*checked")
            .matcher(screen.body());
    assertTrue(radio.find(), "present is checked by default");
    String studentField = radio.group(1);
    String lateField = studentField.replace("mark-", "late-");
    Map<String, String> marks = new LinkedHashMap<>();
    marks.put("csrf", csrf(screen.body()));
    marks.put(studentField, "LATE");
    marks.put(lateField, "10");
    HttpResponse<String> saved = mentor.postForm(screen.uri().toString(), marks);
    assertEquals(303, saved.statusCode(), saved.body());
    assertTrue(mentor.follow(saved).body().contains("De aanwezigheid is opgeslagen."));
    HttpResponse<String> again = mentor.postForm(screen.uri().toString(), marks);
    assertEquals(303, again.statusCode());
    assertEquals(
        1, tool.count("SELECT COUNT(*) FROM mark WHERE category = 'LATE' AND late_minutes = 10"));
    assertEquals(0, tool.count("SELECT COUNT(*) FROM mark_change"), "nothing changed yet");

    marks.put(studentField, "PRESENT");
    marks.put(lateField, "");
    assertEquals(303, mentor.postForm(screen.uri().toString(), marks).statusCode());
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM mark_change WHERE old_category = 'LATE'"
                + " AND old_late_minutes = 10 AND old_by IS NOT NULL AND old_via = 'MANUAL'"
                + " AND old_at IS NOT NULL AND new_category = 'PRESENT' AND changed_by = old_by"),
        "the change keeps the registration it replaced");
  }

  @Test
  void submittingTheNewLessonFormTwiceMakesOneLesson() {
    String form = mentor.get(tool.baseUrl() + classPath + "/lessons/new").body();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("csrf", csrf(form));
    fields.put("formId", field(form, "formId"));
    fields.put("date", "2026-11-17");
    fields.put("start", "10:00");
    fields.put("end", "10:50");
    HttpResponse<String> first =
        mentor.postForm(tool.baseUrl() + classPath + "/lessons/new", fields);
    HttpResponse<String> second =
        mentor.postForm(tool.baseUrl() + classPath + "/lessons/new", fields);
    assertEquals(first.headers().firstValue("Location"), second.headers().firstValue("Location"));
  }

  @Test
  void refusesALessonThatEndsBeforeItStarts() {
    long before = tool.count("SELECT COUNT(*) FROM lesson");
    HttpResponse<String> refused = newLesson("2026-11-18", "11:00", "10:00");
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("De eindtijd moet na de begintijd liggen."));
    assertEquals(before, tool.count("SELECT COUNT(*) FROM lesson"));
  }

  @Test
  void refusesLateWithoutMinutesAndSavesNothing() {
    HttpResponse<String> screen = mentor.follow(newLesson("2026-11-19", "09:00", "09:50"));
    Matcher radio =
        Pattern.compile("name=\"(mark-\\d+)\" value=\"PRESENT\"").matcher(screen.body());
    assertTrue(radio.find());
    long marks = tool.count("SELECT COUNT(*) FROM mark");
    HttpResponse<String> refused =
        mentor.postForm(
            screen.uri().toString(), Map.of("csrf", csrf(screen.body()), radio.group(1), "LATE"));
    assertEquals(400, refused.statusCode());
    assertTrue(
        refused.body().contains("Fenna Kok: vul bij te laat het aantal minuten in (1 tot 50)."));
    assertEquals(marks, tool.count("SELECT COUNT(*) FROM mark"));
  }

  @Test
  void aStudentCannotOpenTheRegistrationScreen() {
    Browser student = new Browser();
    student.follow(platform.launch().asStudent().run(student));
    assertEquals(404, student.get(tool.baseUrl() + classPath + "/lessons/new").statusCode());
  }
}
