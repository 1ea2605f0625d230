package nl.samenaanwezig.attendance.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.attendance.Lesson;
import nl.samenaanwezig.attendance.LessonRegister;
import nl.samenaanwezig.attendance.Mark;
import nl.samenaanwezig.attendance.MarkCategory;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.protocol.Signals;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ClassPages;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The excused choice per category over HTTP: switching one recomputes the stored unexcused minutes
 * (the same as a full rebuild from the marks would give) and the class page follows; the fixed
 * categories and missing choices are refused with nothing stored; only an administrator may.
 */
class CategoryChoicesTest {
  static ToolServer tool;
  static TestPlatform platform;
  static Browser admin;
  static Browser mentor;
  static long courseId;
  static long fenna;
  static long sam;
  static LocalDate day;

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
    platform = TestPlatform.start().registerWith(tool);
    Browser student = new Browser();
    student.follow(platform.launch().asStudent().run(student));
    Browser other = new Browser();
    other.follow(
        platform
            .launch()
            .person("student-2", "Sam", "de Vries", List.of(Role.Lis.LEARNER.uri()))
            .run(other));
    mentor = new Browser();
    courseId = ClassPages.courseId(mentor.follow(platform.launch().asMentor().run(mentor)));
    admin = new Browser();
    admin.follow(platform.launch().asAdmin().run(admin));
    fenna = tool.count("SELECT id FROM person WHERE subject = 'student-1'");
    sam = tool.count("SELECT id FROM person WHERE subject = 'student-2'");
    day = LocalDate.now(Signals.SCHOOL_ZONE);
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.minusDays(1);
    }
    LessonRegister register = new LessonRegister(tool.db(), Clock.systemUTC());
    // Fenna: sent out of one lesson (60), late 10 minutes in another (30), sick in a third (45).
    // Sam: away without an excuse in the first (60).
    lesson(
        register,
        "a",
        9,
        60,
        Map.of(fenna, mark(MarkCategory.REMOVED, 0), sam, mark(MarkCategory.UNEXCUSED, 0)));
    lesson(register, "b", 11, 30, Map.of(fenna, mark(MarkCategory.LATE, 10)));
    lesson(register, "c", 13, 45, Map.of(fenna, mark(MarkCategory.SICK, 0)));
  }

  @AfterAll
  static void stop() {
    platform.close();
    tool.close();
  }

  private static Mark.Entry mark(MarkCategory c, int late) {
    return new Mark.Entry(c, late);
  }

  private static void lesson(
      LessonRegister register, String id, int hour, int minutes, Map<Long, Mark.Entry> marks) {
    LocalTime start = LocalTime.of(hour, 0);
    Lesson lesson =
        register.lesson(
            courseId,
            new LessonRegister.LessonSpec(
                day, start, start.plusMinutes(minutes), null, null, Lesson.Source.API, id));
    register.save(lesson.id(), marks, null, Lesson.Source.API);
  }

  private static String url(String path) {
    return tool.baseUrl() + path;
  }

  private static long unexcused(long person) {
    return tool.count(
        "SELECT unexcused_minutes FROM presence_day WHERE course_id = ? AND person_id = ?",
        courseId,
        person);
  }

  /** Posts every choosable category: the defaults, with {@code changes} on top. */
  private static HttpResponse<String> choose(Browser who, Map<String, String> changes) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("c-LATE", "unexcused");
    form.put("c-SICK", "excused");
    form.put("c-MEDICAL", "excused");
    form.put("c-SUSPENDED", "excused");
    form.put("c-REMOVED", "unexcused");
    form.putAll(changes);
    form.put("csrf", ClassPages.csrf(who.get(url(who == admin ? "/admin" : "/class/" + courseId))));
    return who.postForm(url("/admin/categories"), form);
  }

  private static String fennaRow() {
    String html = mentor.get(url("/class/" + courseId)).body();
    int at = html.indexOf("Fenna");
    // Her row and the row below it, where "Meer" keeps the unexcused hours.
    return html.substring(at, html.indexOf("</tr>", html.indexOf("</tr>", at) + 1));
  }

  /** The stored figures equal what a full rebuild from the marks gives under the new policy. */
  private static void assertSameAsRebuild() {
    long before = unexcused(fenna) * 1000 + unexcused(sam);
    tool.db()
        .run(em -> LessonRegister.recomputeDays(em, em.find(Course.class, courseId), day, day));
    assertEquals(before, unexcused(fenna) * 1000 + unexcused(sam));
  }

  @Test
  void switchingACategoryRecomputesTheUnexcusedHoursAndTheClassPageFollows() {
    assertEquals(70, unexcused(fenna), "60 sent out + 10 late");
    assertTrue(fennaRow().contains(">1,2 uur<"), fennaRow());

    HttpResponse<String> saved = choose(admin, Map.of("c-REMOVED", "excused"));
    assertEquals(303, saved.statusCode(), saved.body());
    assertTrue(
        admin
            .follow(saved)
            .body()
            .contains("Opgeslagen. Opnieuw berekend voor: uit de les verwijderd."));
    assertEquals(10, unexcused(fenna));
    assertEquals(60, unexcused(sam), "Sam had no such mark");
    assertTrue(fennaRow().contains(">0,2 uur<"), fennaRow());
    assertSameAsRebuild();

    // Sick counted as unexcused and lateness as excused: 45 minutes.
    assertEquals(
        303,
        choose(admin, Map.of("c-REMOVED", "excused", "c-SICK", "unexcused", "c-LATE", "excused"))
            .statusCode());
    assertEquals(45, unexcused(fenna));
    assertSameAsRebuild();

    // Back to the defaults; the page shows the choices as stored.
    assertEquals(303, choose(admin, Map.of()).statusCode());
    assertEquals(70, unexcused(fenna));
    String page = admin.get(url("/admin/categories")).body();
    assertTrue(
        page.contains("id=\"c-SICK-excused\" name=\"c-SICK\" value=\"excused\" checked"), page);
    assertTrue(page.contains("luxe verzuim</strong>: <span>is altijd ongeoorloofd."), page);
  }

  @Test
  void aFixedCategoryOrAMissingChoiceIsRefusedAndNothingIsStored() {
    long rows = tool.count("SELECT COUNT(*) FROM attendance_category");
    HttpResponse<String> luxury =
        choose(admin, Map.of("c-LUXURY", "excused", "c-REMOVED", "excused"));
    assertEquals(400, luxury.statusCode());
    assertTrue(
        luxury.body().contains("luxe verzuim ligt vast. Dat kun je niet veranderen."),
        luxury.body());
    Map<String, String> noSick = new LinkedHashMap<>(Map.of("c-REMOVED", "excused"));
    noSick.put("c-SICK", "misschien");
    HttpResponse<String> missing = choose(admin, noSick);
    assertEquals(400, missing.statusCode());
    assertTrue(
        missing.body().contains("Kies voor ziek: geoorloofd of ongeoorloofd."), missing.body());
    assertEquals(rows, tool.count("SELECT COUNT(*) FROM attendance_category"));
    assertEquals(70, unexcused(fenna));
  }

  @Test
  void aMentorCannotChangeTheChoice() {
    HttpResponse<String> refused = choose(mentor, Map.of("c-REMOVED", "excused"));
    assertEquals(404, refused.statusCode());
    assertEquals(70, unexcused(fenna));
  }
}
