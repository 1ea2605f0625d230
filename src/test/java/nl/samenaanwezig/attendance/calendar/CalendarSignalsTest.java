package nl.samenaanwezig.attendance.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.attendance.Lesson;
import nl.samenaanwezig.attendance.LessonRegister;
import nl.samenaanwezig.attendance.Mark;
import nl.samenaanwezig.attendance.MarkCategory;
import nl.samenaanwezig.protocol.Signals;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ClassPages;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signals are worked out from the day figures and the calendar, so a holiday the administrator adds
 * changes the DUO window at once, on the class's list and on the institution's (which the change
 * makes evaluate again): weeks without school days do not count.
 */
class CalendarSignalsTest {
  static ToolServer tool;
  static TestPlatform platform;
  static Browser admin;
  static Browser mentor;
  static long courseId;
  static LocalDate d1;
  static LocalDate d2;

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
    platform = TestPlatform.start().registerWith(tool);
    Browser student = new Browser();
    student.follow(platform.launch().asStudent().run(student));
    mentor = new Browser();
    courseId = ClassPages.courseId(mentor.follow(platform.launch().asMentor().run(mentor)));
    admin = new Browser();
    admin.follow(platform.launch().asAdmin().run(admin));
    long fenna = tool.count("SELECT id FROM person WHERE subject = 'student-1'");
    // The last two school days up to today: two whole days away without an excuse, 16 hours.
    d2 = weekdayOnOrBefore(LocalDate.now(Signals.SCHOOL_ZONE));
    d1 = weekdayOnOrBefore(d2.minusDays(1));
    LessonRegister register = new LessonRegister(tool.db(), Clock.systemUTC());
    for (LocalDate d : List.of(d1, d2)) {
      LocalTime start = LocalTime.of(8, 0);
      Lesson lesson =
          register.lesson(
              courseId,
              new LessonRegister.LessonSpec(
                  d, start, start.plusMinutes(480), null, null, Lesson.Source.API, "day-" + d));
      register.save(
          lesson.id(),
          Map.of(fenna, new Mark.Entry(MarkCategory.UNEXCUSED, 0)),
          null,
          Lesson.Source.API);
    }
  }

  @AfterAll
  static void stop() {
    platform.close();
    tool.close();
  }

  private static LocalDate weekdayOnOrBefore(LocalDate day) {
    LocalDate d = day;
    while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
      d = d.minusDays(1);
    }
    return d;
  }

  /** The administrator's list of the whole institution (the last evaluation). */
  private static String institutionList() {
    HttpResponse<String> page = admin.get(tool.baseUrl() + "/admin/signals/csv?rule=DUO");
    assertEquals(200, page.statusCode());
    return page.body();
  }

  private static String signals() {
    HttpResponse<String> page = mentor.get(tool.baseUrl() + "/class/" + courseId + "/signals");
    assertEquals(200, page.statusCode());
    return page.body();
  }

  @Test
  void aHolidayOverTheAbsenceWeeksTakesTheDuoSignalAwayAndRemovingItBringsItBack() {
    assertTrue(signals().contains("DUO-melding voorbereiden"), "16 hours in this school week");
    assertTrue(institutionList().contains(";open;"), institutionList());

    // The school forgot a week off: the weeks of both days were no school weeks after all.
    LocalDate monday = d1.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate friday = d2.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
    String csrf = ClassPages.csrf(admin.get(tool.baseUrl() + "/admin/calendar"));
    HttpResponse<String> added =
        admin.postForm(
            tool.baseUrl() + "/admin/calendar/holidays",
            Map.of(
                "csrf",
                csrf,
                "name",
                "Calamiteitenweek",
                "firstDay",
                monday.toString(),
                "lastDay",
                friday.toString()));
    assertEquals(303, added.statusCode(), added.body());
    assertFalse(signals().contains("DUO-melding voorbereiden"), signals());
    assertFalse(institutionList().contains(";open;"), "the institution's list is evaluated again");

    long id = tool.count("SELECT id FROM school_holiday WHERE name = 'Calamiteitenweek'");
    HttpResponse<String> removed =
        admin.postForm(
            tool.baseUrl() + "/admin/calendar/holidays/" + id + "/remove", Map.of("csrf", csrf));
    assertEquals(303, removed.statusCode());
    assertTrue(signals().contains("DUO-melding voorbereiden"));
    assertTrue(institutionList().contains(";open;"));
  }
}
