package nl.samenaanwezig.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import nl.samenaanwezig.attendance.Lesson;
import nl.samenaanwezig.attendance.LessonRegister;
import nl.samenaanwezig.attendance.Mark;
import nl.samenaanwezig.attendance.MarkCategory;
import nl.samenaanwezig.buddies.Buddies;
import nl.samenaanwezig.testing.ClassPages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An open protocol signal offers "Plan een gesprek over aanwezigheid" (on the signals list, the
 * student's detail and the class page's row): the link opens the planner for that student with the
 * kind preset, and inviting from there makes a talk about attendance.
 */
class SignalToTalkTest {
  static MeetingWorld world;
  static long studentId;

  @BeforeAll
  static void start() {
    world = MeetingWorld.start();
    Buddies.student(world.platform, "s-signal", "Mila", "Hoek");
    studentId = world.personId("s-signal");
    // Three late arrivals on school days: the first step of the lateness ladder is open.
    LessonRegister register = new LessonRegister(world.tool.db(), java.time.Clock.systemUTC());
    LocalDate day = MeetingWorld.today();
    for (int late = 0; late < 3; day = day.minusDays(1)) {
      if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      Lesson lesson =
          register.lesson(
              world.courseId,
              new LessonRegister.LessonSpec(
                  day,
                  LocalTime.of(8, 30),
                  LocalTime.of(9, 20),
                  null,
                  null,
                  Lesson.Source.API,
                  "signal-" + day));
      register.save(
          lesson.id(),
          Map.of(studentId, new Mark.Entry(MarkCategory.LATE, 10)),
          null,
          Lesson.Source.API);
      late++;
    }
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  @Test
  void theSignalsListAndTheStudentDetailOfferATalkAboutAttendance() {
    String planner =
        "/class/" + world.courseId + "/students/" + studentId + "/meetings?kind=AANWEZIGHEID#plan";
    String signals = world.mentor.get(world.url("/class/" + world.courseId + "/signals")).body();
    assertTrue(signals.contains("href=\"" + planner + "\""), signals);
    assertTrue(signals.contains("aria-label=\"Plan een gesprek over aanwezigheid met Mila"));
    String detail =
        world.mentor.get(world.url("/class/" + world.courseId + "/students/" + studentId)).body();
    assertTrue(detail.contains("href=\"" + planner + "\""), detail);
    String classPage = world.mentor.get(world.url("/class/" + world.courseId)).body();
    assertTrue(classPage.contains("href=\"" + planner + "\""), "the badge's row: " + classPage);

    HttpResponse<String> page = world.mentor.get(world.url(planner));
    assertEquals(200, page.statusCode());
    assertTrue(
        page.body().contains("<option value=\"AANWEZIGHEID\" selected=\"selected\">"), page.body());
    HttpResponse<String> planned =
        world.mentor.postForm(
            world.url("/class/" + world.courseId + "/students/" + studentId + "/meetings"),
            Map.of("csrf", ClassPages.csrf(page), "kind", "AANWEZIGHEID", "slot", ""));
    assertEquals(303, planned.statusCode(), planned.body());
    assertEquals(
        1,
        world.tool.count(
            "SELECT COUNT(*) FROM meeting WHERE student_id = ? AND kind = 'AANWEZIGHEID'",
            studentId));
  }
}
