package nl.samenaanwezig.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenaanwezig.attendance.Lesson;
import nl.samenaanwezig.attendance.LessonRegister;
import nl.samenaanwezig.attendance.Mark;
import nl.samenaanwezig.attendance.MarkCategory;
import nl.samenaanwezig.attendance.SchoolCalendar;
import nl.samenaanwezig.lti.LtiClaims;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mentor's student detail over HTTP: weeks in pages (newest first), and in a mentor group the
 * student's lessons of every course. Fenna is in Klas A and Klas B (the mentor teaches both) and in
 * Klas C (someone else's).
 */
class StudentDetailTest {
  static final DateTimeFormatter WEEK =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));
  static ToolServer tool;
  static TestPlatform platform;
  static Browser mentor;
  static long classA;
  static long classB;
  static long classC;
  static long fenna;
  static LocalDate thisWeek;

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
    platform = TestPlatform.start().registerWith(tool);
    for (String klas : List.of("A", "B", "C")) {
      launch(new Browser(), "fenna", "Fenna", "Kok", Role.Lis.LEARNER, klas);
    }
    launch(new Browser(), "other-mentor", "Mila", "Bakker", Role.Lis.INSTRUCTOR, "C");
    mentor = new Browser();
    classA = id(launch(mentor, "mentor", "Jeroen", "Smits", Role.Lis.INSTRUCTOR, "A"));
    classB = id(launch(mentor, "mentor", "Jeroen", "Smits", Role.Lis.INSTRUCTOR, "B"));
    classC = tool.count("SELECT id FROM course WHERE context_id = 'klas-C'");
    fenna = tool.count("SELECT id FROM person WHERE subject = 'fenna'");
    thisWeek = SchoolCalendar.weekOf(LocalDate.now(Signals.SCHOOL_ZONE)).monday();
    LessonRegister register = new LessonRegister(tool.db(), java.time.Clock.systemUTC());
    // Klas A: one lesson on the Monday of each of the last 14 weeks; sick in the 8th week back.
    for (int k = 0; k < 14; k++) {
      save(
          register,
          classA,
          thisWeek.minusWeeks(k),
          LocalTime.of(9, 0),
          60,
          k == 7 ? MarkCategory.SICK : MarkCategory.PRESENT);
    }
    // This week: 4 hours unexcused in Klas B, 1 hour in Klas C.
    save(register, classB, thisWeek, LocalTime.of(10, 0), 120, MarkCategory.UNEXCUSED);
    save(register, classB, thisWeek, LocalTime.of(13, 0), 120, MarkCategory.UNEXCUSED);
    save(register, classC, thisWeek, LocalTime.of(10, 0), 60, MarkCategory.UNEXCUSED);
  }

  @AfterAll
  static void stop() {
    platform.close();
    tool.close();
  }

  private static String launch(
      Browser browser, String sub, String given, String family, Role.Lis role, String klas) {
    return browser
        .follow(
            platform
                .launch()
                .person(sub, given, family, List.of(role.uri()))
                .claim(LtiClaims.CONTEXT, Map.of("id", "klas-" + klas, "title", "Klas " + klas))
                .run(browser))
        .uri()
        .getPath();
  }

  private static long id(String classPath) {
    return Long.parseLong(classPath.substring("/class/".length()));
  }

  private static void save(
      LessonRegister register,
      long courseId,
      LocalDate day,
      LocalTime start,
      int minutes,
      MarkCategory category) {
    Lesson lesson =
        register.lesson(
            courseId,
            new LessonRegister.LessonSpec(
                day,
                start,
                start.plusMinutes(minutes),
                null,
                null,
                Lesson.Source.API,
                day + "-" + start));
    register.save(lesson.id(), Map.of(fenna, new Mark.Entry(category, 0)), null, Lesson.Source.API);
  }

  private static String page(String path) {
    HttpResponse<String> r = mentor.get(tool.baseUrl() + path);
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  private static String week(int weeksBack) {
    return "Week van " + WEEK.format(thisWeek.minusWeeks(weeksBack));
  }

  private static String link(String html, String text) {
    Matcher m = Pattern.compile("<a[^>]*href=\"([^\"]+)\"[^>]*>" + text + "</a>").matcher(html);
    assertTrue(m.find(), text + " in " + html);
    return m.group(1);
  }

  @Test
  void theTimelineShowsSixWeeksAtATimeNewestFirstWithLinksBothWays() {
    String student = "/class/" + classA + "/students/" + fenna;
    String newest = page(student);
    for (int k = 0; k < 6; k++) {
      assertTrue(newest.contains(week(k)), week(k));
    }
    assertFalse(newest.contains(week(6)));
    assertTrue(newest.indexOf(week(0)) < newest.indexOf(week(5)), "newest first");
    assertFalse(newest.contains("Latere weken"));
    String older = link(newest, "Eerdere weken");
    assertEquals(student + "?until=" + thisWeek.minusWeeks(6) + "#timeline", older);

    String middle = page(older.replace("#timeline", ""));
    for (int k = 6; k < 12; k++) {
      assertTrue(middle.contains(week(k)), week(k));
    }
    assertFalse(middle.contains(week(5)));
    assertFalse(middle.contains(week(12)));
    assertTrue(middle.contains("ziek"), "the sick lesson of the 8th week back");
    assertEquals(student + "?until=" + thisWeek + "#timeline", link(middle, "Latere weken"));

    String oldest = page(link(middle, "Eerdere weken").replace("#timeline", ""));
    assertTrue(oldest.contains(week(12)) && oldest.contains(week(13)));
    assertFalse(oldest.contains(week(11)));
    assertFalse(oldest.contains("Eerdere weken"));
    assertTrue(oldest.contains("Latere weken"));
  }

  @Test
  void aLoneSickLessonShowsOnTheTimelineButIsNoSickReport() {
    launch(new Browser(), "sem", "Sem", "Bos", Role.Lis.LEARNER, "A");
    long sem = tool.count("SELECT id FROM person WHERE subject = 'sem'");
    LessonRegister register = new LessonRegister(tool.db(), java.time.Clock.systemUTC());
    // Four days sick in the middle lesson of three, with lesson days at school in between: by
    // lesson that would be four sick reports in two weeks; he was back in class each time.
    LocalDate monday = thisWeek.minusWeeks(2);
    for (LocalDate day :
        List.of(
            monday,
            monday.plusDays(1),
            monday.plusDays(2),
            monday.plusDays(3),
            monday.plusDays(4),
            monday.plusWeeks(1))) {
      boolean sickDay = !day.equals(monday.plusDays(1)) && !day.equals(monday.plusDays(3));
      for (int p = 0; p < 3; p++) {
        LocalTime start = LocalTime.of(14 + p, 0);
        Lesson lesson =
            register.lesson(
                classA,
                new LessonRegister.LessonSpec(
                    day,
                    start,
                    start.plusMinutes(50),
                    null,
                    null,
                    Lesson.Source.API,
                    "sem-" + day + "-" + p));
        MarkCategory c = sickDay && p == 1 ? MarkCategory.SICK : MarkCategory.PRESENT;
        register.save(lesson.id(), Map.of(sem, new Mark.Entry(c, 0)), null, Lesson.Source.API);
      }
    }
    String html = page("/class/" + classA + "/students/" + sem);
    assertTrue(html.contains("<li class=\"lesson sick\">"), html);
    assertTrue(html.contains("Er zijn nu geen signalen voor deze student."), html);
  }

  @Test
  void aDateThatIsNoDateIsRefusedWith400() {
    HttpResponse<String> r =
        mentor.get(tool.baseUrl() + "/class/" + classA + "/students/" + fenna + "?until=gisteren");
    assertEquals(400, r.statusCode());
    assertTrue(
        r.body()
            .contains(
                "Die datum kennen we niet. Gebruik de links &#39;Eerdere weken&#39; en"
                    + " &#39;Latere weken&#39;."),
        r.body());
  }

  @Test
  void inAMentorGroupTheMentorSeesTheStudentsLessonsOfEveryCourseWithTheirCourse() {
    // Every course is a mentor group by default (one course per class): the protocol counts
    // Fenna's lessons in all three classes, so her mentor sees them all, each with its course.
    String html = page("/class/" + classA + "/students/" + fenna);
    assertTrue(html.contains("Dit is een mentorgroep"), html);
    assertTrue(html.contains("(Klas B)"), html);
    assertTrue(html.contains("(Klas C)"), "a lesson of another teacher's course counts too");
    assertFalse(html.contains("Let op: ook ongeoorloofd afwezig"), "no per-course hint any more");
  }
}
