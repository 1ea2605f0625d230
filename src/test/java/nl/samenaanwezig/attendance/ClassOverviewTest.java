package nl.samenaanwezig.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.zip.ZipEntry;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Class-level views: summary and hint, the weekday x period pattern, and the exports. */
class ClassOverviewTest {
  static ToolServer tool;
  static TestPlatform platform;
  static Browser mentor;
  static String classUrl;

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
    platform = TestPlatform.start().registerWith(tool);
    Browser student = new Browser();
    student.follow(platform.launch().asStudent().run(student));
    mentor = new Browser();
    classUrl = mentor.follow(platform.launch().asMentor().run(mentor)).uri().toString();
    // This week, Monday and Tuesday at 08:30: present on Monday, absent without excuse Tuesday.
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
    LocalDate monday = SchoolCalendar.weekOf(today).monday();
    Course course =
        tool.db()
            .read(
                em ->
                    em.createQuery("select c from Course c", Course.class).getResultList().get(0));
    Person student1 =
        tool.db()
            .read(
                em ->
                    em.createQuery(
                            "select p from Person p where p.subject = 'student-1'", Person.class)
                        .getSingleResult());
    LessonRegister register = new LessonRegister(tool.db(), java.time.Clock.systemUTC());
    for (int d = 0; d < 2 && !monday.plusDays(d).isAfter(today); d++) {
      Lesson lesson =
          register.lesson(
              course.id(),
              new LessonRegister.LessonSpec(
                  monday.plusDays(d),
                  LocalTime.of(8, 30),
                  LocalTime.of(9, 20),
                  null,
                  null,
                  Lesson.Source.API,
                  "overview-" + d));
      register.save(
          lesson.id(),
          Map.of(
              student1.id(),
              new Mark.Entry(d == 0 ? MarkCategory.PRESENT : MarkCategory.UNEXCUSED, 0)),
          null,
          Lesson.Source.API);
    }
  }

  @AfterAll
  static void stop() {
    platform.close();
    tool.close();
  }

  private static boolean tuesdayHasCome() {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
    return !SchoolCalendar.weekOf(today).monday().plusDays(1).isAfter(today);
  }

  @Test
  void classPageSummarisesTheClassAndSuggestsAnEveningWhenAbsenceIsHigh() {
    String page = mentor.get(classUrl).body();
    assertTrue(page.contains("De klas"), page);
    if (tuesdayHasCome()) {
      assertTrue(page.contains("De klas was de afgelopen 4 schoolweken 50% aanwezig."), page);
      assertTrue(page.contains("Overweeg een avond voor ouders en buddy"), page);
    } else {
      assertTrue(page.contains("100% aanwezig."), page);
      assertFalse(page.contains("Overweeg een avond"), page);
    }
  }

  @Test
  void patternPageShowsPresencePerWeekdayAndPeriodAsText() {
    HttpResponse<String> page = mentor.get(classUrl + "/patterns");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<th scope=\"row\">08:30</th>"), page.body());
    assertTrue(page.body().contains(">100%</td>"), page.body());
    if (tuesdayHasCome()) {
      assertTrue(page.body().contains("class=\"heat heat-4\">0%</td>"), page.body());
    }
  }

  @Test
  void csvExportHasAHeaderAndOneRowPerStudentReadableByExcel() {
    HttpResponse<String> csv = mentor.get(classUrl + "/overview.csv");
    assertEquals(200, csv.statusCode());
    assertEquals(
        "text/csv;charset=UTF-8",
        csv.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
    String[] lines = csv.body().split("\r\n");
    assertTrue(lines[0].startsWith("\uFEFFNaam;E-mail;Aanwezig 4 schoolweken (%)"), lines[0]);
    assertEquals(2, lines.length);
    assertTrue(lines[1].startsWith("Fenna Kok;student-1@school.example;"), lines[1]);
  }

  @Test
  void xlsxExportIsASpreadsheetWithTheStudents() throws Exception {
    String cookie = "sa_session=" + mentor.cookie("localhost", "sa_session");
    HttpResponse<byte[]> xlsx =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(classUrl + "/overview.xlsx"))
                    .header("Cookie", cookie)
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, xlsx.statusCode());
    StringBuilder xml = new StringBuilder();
    java.nio.file.Path file = java.nio.file.Files.createTempFile("overview", ".xlsx");
    java.nio.file.Files.write(file, xlsx.body());
    // The central directory is what spreadsheet programs read; entries use data descriptors.
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        xml.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
      }
    } finally {
      java.nio.file.Files.delete(file);
    }
    assertTrue(xml.toString().contains("Fenna Kok"), "the sheet names the student");
    assertTrue(xml.toString().contains("Aanwezig 4 schoolweken (%)"));
  }

  @Test
  void aStudentCannotDownloadTheOverview() {
    Browser student = new Browser();
    student.follow(platform.launch().asStudent().run(student));
    assertEquals(404, student.get(classUrl + "/overview.csv").statusCode());
    assertEquals(404, student.get(classUrl + "/patterns").statusCode());
  }
}
