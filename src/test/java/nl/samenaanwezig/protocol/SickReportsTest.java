package nl.samenaanwezig.protocol;

import static nl.samenaanwezig.attendance.MarkCategory.PRESENT;
import static nl.samenaanwezig.attendance.MarkCategory.SICK;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What one sick report (ziekmelding) is: a day sick, all of it or from a lesson on, over all the
 * student's courses; sick days in a row are one report. Registered through the real lesson register
 * and counted by {@link Signals} as the pages do.
 */
class SickReportsTest {
  static ToolServer tool;
  ProtocolFixture f;

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
  }

  @AfterAll
  static void stop() {
    tool.close();
  }

  @BeforeEach
  void aFreshSchool() {
    f = new ProtocolFixture(tool);
  }

  private static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }

  /** The student's sick reports up to {@code today}, as the sickness rule finds them. */
  private List<SickSpells.Spell> spells(LocalDate today) {
    return SickSpells.spells(
        lessonDays(today), f.sickDays(today.minusWeeks(16), today), today, null);
  }

  /** The student's lesson days as presence_day has them (one course: the fixture's). */
  private List<Day> lessonDays(LocalDate today) {
    List<Object[]> rows =
        tool.db()
            .read(
                em ->
                    nl.samenaanwezig.db.Sql.rows(
                        em,
                        "SELECT day, lessons FROM presence_day WHERE person_id = ? AND day <= ?",
                        List.of(f.student.id(), java.sql.Date.valueOf(today))));
    return rows.stream()
        .map(
            r ->
                new Day(
                    ((java.sql.Date) r[0]).toLocalDate(),
                    ((Number) r[1]).intValue(),
                    0,
                    0,
                    0,
                    0,
                    0))
        .sorted(java.util.Comparator.comparing(Day::date))
        .toList();
  }

  @Test
  void aSpellOverAWeekendAndAHolidayIsOneReport() {
    f.holiday("2026-10-17", "2026-10-25");
    f.day(day("2026-10-15"), PRESENT, PRESENT);
    // Friday before the autumn holiday, Monday after it, and on through Wednesday.
    f.day(day("2026-10-16"), SICK, SICK);
    f.day(day("2026-10-26"), SICK, SICK);
    f.day(day("2026-10-27"), SICK, SICK);
    f.day(day("2026-10-28"), SICK, SICK);
    f.day(day("2026-10-29"), PRESENT, PRESENT);
    assertEquals(
        List.of(new SickSpells.Spell(day("2026-10-16"), day("2026-10-28"))),
        spells(day("2026-10-30")));
  }

  @Test
  void goingHomeSickIsASickDayAndTheNextDayContinuesTheReport() {
    f.day(day("2026-11-02"), PRESENT, PRESENT, SICK, SICK, SICK);
    f.day(day("2026-11-03"), SICK, SICK, SICK, SICK, SICK);
    f.day(day("2026-11-04"), PRESENT, PRESENT, PRESENT, PRESENT, PRESENT);
    assertEquals(
        Set.of(day("2026-11-02"), day("2026-11-03")),
        f.sickDays(day("2026-11-01"), day("2026-11-05")));
    assertEquals(
        List.of(new SickSpells.Spell(day("2026-11-02"), day("2026-11-03"))),
        spells(day("2026-11-05")));
  }

  @Test
  void aLoneSickLessonBetweenLessonsAttendedIsNoReport() {
    f.day(day("2026-11-02"), PRESENT, SICK, PRESENT);
    f.day(day("2026-11-03"), SICK, PRESENT, PRESENT);
    assertEquals(Set.of(), f.sickDays(day("2026-11-01"), day("2026-11-05")));
    // Four days like that are still no sick report at all, let alone the fourth.
    f.day(day("2026-11-04"), PRESENT, SICK, PRESENT);
    f.day(day("2026-11-05"), PRESENT, SICK, PRESENT);
    assertEquals(List.of(), f.open(day("2026-11-06"), Rule.SICKNESS));
  }

  @Test
  void aLoneSickLessonEndsASpell() {
    f.day(day("2026-11-02"), SICK, SICK);
    // Back at school, though sick in one lesson: the report ended the day before.
    f.day(day("2026-11-03"), PRESENT, SICK, PRESENT);
    f.day(day("2026-11-04"), SICK, SICK);
    assertEquals(
        List.of(
            new SickSpells.Spell(day("2026-11-02"), day("2026-11-02")),
            new SickSpells.Spell(day("2026-11-04"), day("2026-11-04"))),
        spells(day("2026-11-05")));
  }

  @Test
  void sickLessonsInTwoCoursesOnOneDayCombine() {
    Course other = f.otherCourse();
    // Present in the morning in one course, sick in the afternoon in both: went home sick.
    f.lesson(f.course, day("2026-11-02"), "08:30", PRESENT);
    f.lesson(other, day("2026-11-02"), "09:30", PRESENT);
    f.lesson(f.course, day("2026-11-02"), "11:00", SICK);
    f.lesson(other, day("2026-11-02"), "13:00", SICK);
    // Sick in the only lesson of one course, but present later in the other: not a sick day,
    // although that course alone would see a whole day sick.
    f.lesson(other, day("2026-11-03"), "08:30", SICK);
    f.lesson(f.course, day("2026-11-03"), "10:00", PRESENT);
    assertEquals(Set.of(day("2026-11-02")), f.sickDays(day("2026-11-01"), day("2026-11-04")));
  }

  @Test
  void theFourthReportCountsDaysNotLessons() {
    // Three sick lessons on one day (went home sick) are one report, not three.
    f.day(day("2026-11-02"), PRESENT, SICK, SICK, SICK);
    f.day(day("2026-11-03"), PRESENT);
    f.day(day("2026-11-04"), SICK, SICK);
    f.day(day("2026-11-05"), PRESENT);
    f.day(day("2026-11-06"), PRESENT, PRESENT, SICK);
    f.day(day("2026-11-09"), PRESENT);
    assertEquals(List.of(), f.open(day("2026-11-09"), Rule.SICKNESS), "three reports");
    f.day(day("2026-11-10"), SICK);
    assertEquals(4, f.open(day("2026-11-10"), Rule.SICKNESS).get(0).finding().amount());
  }

  @Test
  void partlySickDaysAreLookedIntoOnlyWhenTheyCouldBringTheSignal() {
    nl.samenaanwezig.attendance.SchoolCalendar calendar =
        new nl.samenaanwezig.attendance.SchoolCalendar(List.of());
    RuleSetting mazl = RuleSetting.defaults(Rule.SICKNESS);
    LocalDate today = day("2026-11-20");
    List<Day> lessonDays = new java.util.ArrayList<>();
    for (LocalDate d = day("2026-11-02"); !d.isAfter(today); d = d.plusDays(1)) {
      if (d.getDayOfWeek().getValue() <= 5) {
        lessonDays.add(new Day(d, 3, 150, 150, 0, 0, 0));
      }
    }
    Set<LocalDate> three = Set.of(day("2026-11-02"), day("2026-11-04"), day("2026-11-06"));
    assertEquals(
        false,
        SickSpells.couldSignal(lessonDays, Set.of(), three, mazl, calendar, today),
        "three separate days are at most three reports");
    assertEquals(
        true,
        SickSpells.couldSignal(lessonDays, Set.of(day("2026-11-10")), three, mazl, calendar, today),
        "with a fourth sick day they could be four");
    Set<LocalDate> week = new java.util.HashSet<>();
    for (String d : List.of("2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13", "2026-11-16")) {
      week.add(day(d));
    }
    assertEquals(
        true,
        SickSpells.couldSignal(
            lessonDays,
            Set.of(day("2026-11-17"), day("2026-11-18")),
            week,
            new RuleSetting(Rule.SICKNESS, true, List.of(20, 12, 7)),
            calendar,
            today),
        "all sick they would make seven days in a row");
  }
}
