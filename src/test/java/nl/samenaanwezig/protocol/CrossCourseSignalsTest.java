package nl.samenaanwezig.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.samenaanwezig.attendance.Lesson;
import nl.samenaanwezig.attendance.LessonRegister;
import nl.samenaanwezig.attendance.Mark;
import nl.samenaanwezig.attendance.MarkCategory;
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
 * The legal counts are per student across every course of the institution. Two schools on one tool,
 * each with the same set-up: Fenna is in her mentor group "Mentorgroep 2B" (mentor Jeroen) and in
 * the subject courses Nederlands (teacher Mila) and Wiskunde; she misses 6 hours in Nederlands, 6
 * in Wiskunde and 5 in her mentor group: 17 hours, over the DUO limit only in total. School A keeps
 * the default (every course is a class); school B marks its mentor group, so Nederlands is a
 * subject course.
 */
class CrossCourseSignalsTest {
  static ToolServer tool;
  static School a;
  static School b;
  static School c;

  /** One school with its platform, people and Fenna's lessons. */
  record School(
      TestPlatform platform,
      Browser mentor,
      Browser teacher,
      Browser admin,
      long mentorGroup,
      long dutch,
      long maths,
      long fenna) {}

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
    a = school();
    b = school();
    c = school();
    HttpResponse<String> page = b.admin().get(tool.baseUrl() + "/admin/mentor-groups");
    HttpResponse<String> saved =
        b.admin()
            .postFields(
                tool.baseUrl() + "/admin/mentor-groups",
                List.of(
                    Map.entry("csrf", ClassPages.csrf(page)),
                    Map.entry("mode", "MARKED"),
                    Map.entry("course", String.valueOf(b.mentorGroup()))));
    assertEquals(303, saved.statusCode(), saved.body());
  }

  @AfterAll
  static void stop() {
    a.platform().close();
    b.platform().close();
    c.platform().close();
    tool.close();
  }

  private static School school() {
    TestPlatform platform = TestPlatform.start().registerWith(tool);
    for (String course : List.of("mentor", "ned", "wis")) {
      launch(platform, new Browser(), "fenna", "Fenna", "Kok", Role.Lis.LEARNER, course);
    }
    Browser teacher = new Browser();
    long dutch =
        id(launch(platform, teacher, "mila", "Mila", "Bakker", Role.Lis.INSTRUCTOR, "ned"));
    long maths =
        id(launch(platform, new Browser(), "wim", "Wim", "Vos", Role.Lis.INSTRUCTOR, "wis"));
    Browser mentor = new Browser();
    long mentorGroup =
        id(launch(platform, mentor, "jeroen", "Jeroen", "Smits", Role.Lis.INSTRUCTOR, "mentor"));
    Browser admin = new Browser();
    admin.follow(platform.launch().asAdmin().run(admin));
    long fenna =
        tool.count(
            "SELECT p.id FROM person p JOIN member m ON m.person_id = p.id"
                + " WHERE p.subject = 'fenna' AND m.course_id = "
                + mentorGroup);
    LessonRegister register = new LessonRegister(tool.db(), java.time.Clock.systemUTC());
    LocalDate day = LocalDate.now(Signals.SCHOOL_ZONE);
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.minusDays(1);
    }
    absent(register, dutch, fenna, day, LocalTime.of(8, 30), 360);
    absent(register, maths, fenna, day.minusDays(1), LocalTime.of(8, 30), 360);
    absent(register, mentorGroup, fenna, day, LocalTime.of(15, 0), 300);
    return new School(platform, mentor, teacher, admin, mentorGroup, dutch, maths, fenna);
  }

  private static String launch(
      TestPlatform platform,
      Browser browser,
      String sub,
      String given,
      String family,
      Role.Lis role,
      String course) {
    String title =
        switch (course) {
          case "mentor" -> "Mentorgroep 2B";
          case "ned" -> "Nederlands";
          default -> "Wiskunde";
        };
    return browser
        .follow(
            platform
                .launch()
                .person(sub, given, family, List.of(role.uri()))
                .claim(LtiClaims.CONTEXT, Map.of("id", "course-" + course, "title", title))
                .run(browser))
        .uri()
        .getPath();
  }

  private static long id(String classPath) {
    return Long.parseLong(classPath.substring("/class/".length()));
  }

  private static void absent(
      LessonRegister register,
      long courseId,
      long personId,
      LocalDate day,
      LocalTime start,
      int minutes) {
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
                courseId + "-" + day + "-" + start));
    register.save(
        lesson.id(),
        Map.of(personId, new Mark.Entry(MarkCategory.UNEXCUSED, 0)),
        null,
        Lesson.Source.API);
  }

  private static String page(Browser browser, String path) {
    HttpResponse<String> r = browser.get(tool.baseUrl() + path);
    assertEquals(200, r.statusCode(), path + "\n" + r.body());
    return r.body();
  }

  private static String student(School s, long course) {
    return "/class/" + course + "/students/" + s.fenna();
  }

  @Test
  void theMentorSeesTheDuoSignalOfHoursThatCrossTheLimitOnlyInTotal() {
    for (School s : List.of(a, b)) {
      String signals = page(s.mentor(), "/class/" + s.mentorGroup() + "/signals");
      assertTrue(signals.contains("DUO-melding voorbereiden"), signals);
      assertTrue(signals.contains("Fenna Kok"), signals);
      String classPage = page(s.mentor(), "/class/" + s.mentorGroup());
      assertTrue(classPage.contains("Mentorgroep: de cijfers en signalen tellen"), classPage);
      assertTrue(classPage.contains("DUO-melding voorbereiden"), classPage);
    }
  }

  @Test
  void theDuoEvidenceListsTheLessonsOfEveryCourse() {
    String csv = page(a.mentor(), student(a, a.mentorGroup()) + "/duo/csv");
    assertTrue(csv.contains(";Nederlands;ongeoorloofd afwezig;360;6,0"), csv);
    assertTrue(csv.contains(";Wiskunde;ongeoorloofd afwezig;360;6,0"), csv);
    assertTrue(csv.contains(";Mentorgroep 2B;ongeoorloofd afwezig;300;5,0"), csv);
    assertTrue(csv.contains("Totaal;;;;;1020;17,0"), csv);
    String html = page(b.mentor(), student(b, b.mentorGroup()) + "/duo");
    assertTrue(html.contains("17,0 uur in 3 lessen"), html);
  }

  @Test
  void whereEveryCourseIsAClassEachTeacherSeesTheStudentsSignal() {
    String signals = page(a.teacher(), "/class/" + a.dutch() + "/signals");
    assertTrue(signals.contains("DUO-melding voorbereiden"), signals);
  }

  @Test
  void aSubjectTeacherSeesOnlyTheirOwnCoursesLessonsAndNoSignals() {
    String classPage = page(b.teacher(), "/class/" + b.dutch());
    assertTrue(classPage.contains("Vakcursus: je ziet alleen de lessen van deze cursus."));
    assertFalse(classPage.contains("DUO-melding voorbereiden"), classPage);
    assertTrue(classPage.contains("6,0 uur"), "Nederlands' own 6 hours: " + classPage);
    assertFalse(classPage.contains("17,0 uur"), classPage);

    String signals = page(b.teacher(), "/class/" + b.dutch() + "/signals");
    assertFalse(signals.contains("DUO-melding voorbereiden"), signals);

    String detail = page(b.teacher(), student(b, b.dutch()));
    assertTrue(detail.contains("Dit is een vakcursus"), detail);
    assertFalse(detail.contains("Wiskunde"), "another course's lessons stay hidden");
    assertFalse(detail.contains("Mentorgroep 2B"), "another course's lessons stay hidden");
    assertFalse(detail.contains("id=\"signals\""), detail);

    for (String path :
        List.of(student(b, b.dutch()) + "/duo", student(b, b.dutch()) + "/duo/csv")) {
      assertEquals(404, b.teacher().get(tool.baseUrl() + path).statusCode(), path);
    }
    HttpResponse<String> ack =
        b.teacher()
            .postForm(
                tool.baseUrl() + student(b, b.dutch()) + "/ack",
                Map.of(
                    "csrf",
                    ClassPages.csrf(b.teacher().get(tool.baseUrl() + "/class/" + b.dutch())),
                    "rule",
                    "DUO",
                    "level",
                    "1",
                    "reportedOn",
                    LocalDate.now().toString()));
    assertEquals(404, ack.statusCode(), "a subject teacher takes no protocol step");
  }

  @Test
  void theAdministratorSeesEachStudentOnceUnderTheMentorGroup() {
    String csv = page(b.admin(), "/admin/signals/csv?rule=DUO");
    assertEquals(1, count(csv, "Fenna Kok"), csv);
    assertTrue(csv.contains("Fenna Kok;Mentorgroep 2B;"), csv);
  }

  @Test
  void mentorGroupChoicesAreRefusedForAnotherSchoolsCourseAndForAnUnknownMode() {
    HttpResponse<String> page = a.admin().get(tool.baseUrl() + "/admin/mentor-groups");
    String csrf = ClassPages.csrf(page);
    for (List<Map.Entry<String, String>> form :
        List.of(
            List.of(
                Map.entry("csrf", csrf),
                Map.entry("mode", "MARKED"),
                Map.entry("course", String.valueOf(b.dutch()))),
            List.of(Map.entry("csrf", csrf), Map.entry("mode", "SOME")),
            List.of(
                Map.entry("csrf", csrf),
                Map.entry("mode", "MARKED"),
                Map.entry("course", "elf")))) {
      HttpResponse<String> refused =
          a.admin().postFields(tool.baseUrl() + "/admin/mentor-groups", form);
      assertEquals(400, refused.statusCode(), refused.body());
      assertTrue(refused.body().contains("Dit konden we niet opslaan."), refused.body());
    }
    assertEquals(
        0,
        tool.count(
            "SELECT COUNT(*) FROM course WHERE mentor_group = TRUE AND id <> " + b.mentorGroup()));
    assertTrue(
        Pattern.compile("<input[^>]*value=\"ALL\"[^>]*checked")
            .matcher(page(a.admin(), "/admin/mentor-groups"))
            .find(),
        "school A still has every course as a class");
    assertEquals(
        404, a.mentor().get(tool.baseUrl() + "/admin/mentor-groups").statusCode(), "admins only");
  }

  @Test
  void theAdministratorsListIsTheLastEvaluationAStepTakenShowsAtOnceAndNewMarksOnRefresh() {
    String csv = page(c.admin(), "/admin/signals/csv?rule=DUO");
    assertTrue(csv.contains("Fenna Kok;Mentorgroep 2B;"), csv);
    assertTrue(page(c.admin(), "/admin/signals").contains("Bijgewerkt om"));

    // A step taken by the mentor shows in the administrator's list at once.
    String detail = student(c, c.mentorGroup());
    HttpResponse<String> ack =
        c.mentor()
            .postForm(
                tool.baseUrl() + detail + "/ack",
                Map.of(
                    "csrf",
                    ClassPages.csrf(c.mentor().get(tool.baseUrl() + detail)),
                    "rule",
                    "DUO",
                    "level",
                    "1",
                    "reportedOn",
                    LocalDate.now(Signals.SCHOOL_ZONE).toString(),
                    "note",
                    "Gemeld"));
    assertEquals(303, ack.statusCode(), ack.body());
    String handled = page(c.admin(), "/admin/signals/csv?rule=DUO");
    assertTrue(handled.contains("Fenna Kok;Mentorgroep 2B;"), handled);
    assertTrue(handled.contains(";afgehandeld;"), handled);
    assertFalse(handled.contains(";open;"), handled);

    // New marks show after the next evaluation: the job's, or the administrator's "Nu bijwerken".
    LessonRegister register = new LessonRegister(tool.db(), java.time.Clock.systemUTC());
    LocalDate day = LocalDate.now(Signals.SCHOOL_ZONE);
    for (int i = 0; i < 3; i++) {
      Lesson lesson =
          register.lesson(
              c.maths(),
              new LessonRegister.LessonSpec(
                  day,
                  LocalTime.of(7, 0).plusMinutes(50L * i),
                  LocalTime.of(7, 45).plusMinutes(50L * i),
                  null,
                  null,
                  Lesson.Source.API,
                  "late-" + i));
      register.save(
          lesson.id(),
          Map.of(c.fenna(), new Mark.Entry(MarkCategory.LATE, 5)),
          null,
          Lesson.Source.API);
    }
    assertFalse(
        page(c.admin(), "/admin/signals/csv?rule=LATENESS").contains("Fenna Kok"),
        "not yet evaluated");
    HttpResponse<String> list = c.admin().get(tool.baseUrl() + "/admin/signals");
    HttpResponse<String> refreshed =
        c.admin()
            .postForm(
                tool.baseUrl() + "/admin/signals/refresh", Map.of("csrf", ClassPages.csrf(list)));
    assertEquals(303, refreshed.statusCode(), refreshed.body());
    assertTrue(page(c.admin(), "/admin/signals/csv?rule=LATENESS").contains("Fenna Kok"));
    assertTrue(page(c.admin(), "/admin/signals/csv?rule=DUO").contains(";afgehandeld;"));
    assertEquals(
        404,
        c.mentor()
            .postForm(
                tool.baseUrl() + "/admin/signals/refresh",
                Map.of("csrf", ClassPages.csrf(c.mentor().get(tool.baseUrl() + detail))))
            .statusCode(),
        "administrators only");
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
