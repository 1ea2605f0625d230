package nl.samenaanwezig.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Institution;
import nl.samenaanwezig.lti.Member;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.lti.Platform;
import nl.samenaanwezig.lti.PlatformSettings;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Presence figures on crafted data: late minutes, partial lessons, holidays, school-year edges. */
class AttendanceFiguresTest {
  static ToolServer tool;
  static LessonRegister register;
  static ClassFigures figures;
  Course course;
  Person anna;
  Person bram;

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
    register = new LessonRegister(tool.db(), java.time.Clock.systemUTC());
    figures = new ClassFigures(tool.db());
  }

  @AfterAll
  static void stop() {
    tool.close();
  }

  @BeforeEach
  void aFreshCourseWithTwoStudents() {
    String id = UUID.randomUUID().toString();
    course =
        tool.db()
            .tx(
                em -> {
                  Institution school = new Institution("School " + id);
                  em.persist(school);
                  Platform platform =
                      new Platform(
                          school,
                          new PlatformSettings(
                              "https://lms-" + id + ".example",
                              "c",
                              java.util.Set.of("1"),
                              "https://lms.example/auth",
                              null,
                              "https://lms.example/jwks",
                              "LMS",
                              "School"),
                          false);
                  em.persist(platform);
                  Course c = new Course(platform, "course-" + id);
                  em.persist(c);
                  anna = new Person(platform, "anna");
                  bram = new Person(platform, "bram");
                  em.persist(anna);
                  em.persist(bram);
                  // The class's students: a mentor group counts its students' lessons.
                  for (Person p : List.of(anna, bram)) {
                    em.persist(
                        new Member(
                            c,
                            p,
                            java.util.Set.of(Role.STUDENT),
                            Member.Source.ROSTER,
                            java.time.Instant.now()));
                  }
                  return c;
                });
  }

  private Lesson lesson(LocalDate date, int startHour, int minutes, Integer scheduled) {
    LocalTime start = LocalTime.of(startHour, 0);
    return register.lesson(
        course.id(),
        new LessonRegister.LessonSpec(
            date,
            start,
            start.plusMinutes(minutes),
            scheduled,
            null,
            Lesson.Source.API,
            date + "-" + startHour));
  }

  private static Mark.Entry mark(MarkCategory c) {
    return new Mark.Entry(c, 0);
  }

  private static Mark.Entry late(int minutes) {
    return new Mark.Entry(MarkCategory.LATE, minutes);
  }

  private static Mark.Entry anyEntry(Random random) {
    MarkCategory c = MarkCategory.values()[random.nextInt(MarkCategory.values().length)];
    return c == MarkCategory.LATE ? late(1 + random.nextInt(49)) : mark(c);
  }

  private ClassFigures.StudentFigures of(Person p, LocalDate today) {
    return figures.forCourse(course, today).get(p.id());
  }

  @Test
  void lateMinutesReduceAttendanceAndCountAsUnexcused() {
    LocalDate monday = LocalDate.of(2026, 11, 16);
    Lesson first = lesson(monday, 9, 60, null);
    Lesson second = lesson(monday, 10, 60, null);
    register.save(
        first.id(),
        Map.of(anna.id(), late(15), bram.id(), mark(MarkCategory.PRESENT)),
        null,
        Lesson.Source.API);
    register.save(
        second.id(),
        Map.of(anna.id(), mark(MarkCategory.SICK), bram.id(), mark(MarkCategory.UNEXCUSED)),
        null,
        Lesson.Source.API);
    ClassFigures.StudentFigures a = of(anna, monday.plusDays(2));
    assertEquals(new PresenceRate(45, 120), a.week());
    assertEquals("37%", a.week().label());
    assertEquals(15, a.unexcusedMinutesFourWeeks());
    assertEquals(1, a.lateCountYear());
    ClassFigures.StudentFigures b = of(bram, monday.plusDays(2));
    assertEquals(new PresenceRate(60, 120), b.week());
    assertEquals(60, b.unexcusedMinutesFourWeeks());
  }

  @Test
  void partialLessonCountsOnlyItsScheduledMinutes() {
    LocalDate day = LocalDate.of(2026, 11, 17);
    Lesson partial = lesson(day, 9, 90, 45);
    register.save(partial.id(), Map.of(anna.id(), late(15)), null, Lesson.Source.API);
    assertEquals(new PresenceRate(30, 45), of(anna, day).week());
    assertThrows(
        IllegalArgumentException.class,
        () -> register.save(partial.id(), Map.of(anna.id(), late(50)), null, Lesson.Source.API));
  }

  @Test
  void savingTheSameMarksTwiceChangesNothing() {
    LocalDate day = LocalDate.of(2026, 11, 18);
    Lesson l = lesson(day, 9, 50, null);
    Map<Long, Mark.Entry> marks = Map.of(anna.id(), mark(MarkCategory.UNEXCUSED));
    assertEquals(1, register.save(l.id(), marks, null, Lesson.Source.MANUAL));
    assertEquals(0, register.save(l.id(), marks, null, Lesson.Source.MANUAL));
    assertEquals(Lesson.Source.API, lesson(day, 9, 50, null).source());
    assertEquals(1, tool.count("SELECT COUNT(*) FROM lesson WHERE course_id = ?", course.id()));
    assertEquals(1, tool.count("SELECT COUNT(*) FROM mark WHERE lesson_id = ?", l.id()));
    assertEquals(50, of(anna, day).unexcusedMinutesFourWeeks());
  }

  @Test
  void aChangedMarkKeepsItsHistoryAndCorrectsTheFigures() {
    LocalDate day = LocalDate.of(2026, 11, 19);
    Lesson l = lesson(day, 9, 60, null);
    register.save(
        l.id(), Map.of(anna.id(), mark(MarkCategory.UNEXCUSED)), null, Lesson.Source.MANUAL);
    register.save(
        l.id(), Map.of(anna.id(), mark(MarkCategory.MEDICAL)), anna.id(), Lesson.Source.MANUAL);
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM mark_change c JOIN mark m ON c.mark_id = m.id WHERE m.lesson_id = ?"
                + " AND c.old_category = 'UNEXCUSED' AND c.old_by IS NULL AND c.old_via = 'MANUAL'"
                + " AND c.new_category = 'MEDICAL' AND c.changed_by = ?",
            l.id(),
            anna.id()),
        "one row: what it was and who registered that, what it became and who changed it");
    assertEquals(0, of(anna, day).unexcusedMinutesFourWeeks());
    assertEquals(new PresenceRate(0, 60), of(anna, day).week());
  }

  @Test
  void holidayWeeksDoNotCountAsSchoolWeeks() {
    tool.db()
        .run(
            em ->
                em.createNativeQuery(
                        "INSERT INTO school_holiday (institution_id, first_day, last_day, name)"
                            + " VALUES (?, ?, ?, 'Herfstvakantie')")
                    .setParameter(1, course.platform().institution().id())
                    .setParameter(2, java.sql.Date.valueOf("2026-10-17"))
                    .setParameter(3, java.sql.Date.valueOf("2026-10-25"))
                    .executeUpdate());
    // Four school weeks back from 2026-11-13 skip the autumn holiday week (19-23 Oct).
    Lesson inWindow = lesson(LocalDate.of(2026, 10, 16), 9, 60, null);
    Lesson before = lesson(LocalDate.of(2026, 10, 9), 9, 60, null);
    register.save(
        inWindow.id(), Map.of(anna.id(), mark(MarkCategory.UNEXCUSED)), null, Lesson.Source.API);
    register.save(
        before.id(), Map.of(anna.id(), mark(MarkCategory.UNEXCUSED)), null, Lesson.Source.API);
    assertEquals(60, of(anna, LocalDate.of(2026, 11, 13)).unexcusedMinutesFourWeeks());
  }

  @Test
  void schoolYearStartsOnTheFirstOfAugust() {
    Lesson july = lesson(LocalDate.of(2026, 7, 31), 9, 60, null);
    Lesson august = lesson(LocalDate.of(2026, 8, 3), 9, 60, null);
    register.save(july.id(), Map.of(anna.id(), late(10)), null, Lesson.Source.API);
    register.save(august.id(), Map.of(anna.id(), late(10)), null, Lesson.Source.API);
    assertEquals(1, of(anna, LocalDate.of(2026, 8, 4)).lateCountYear());
    assertEquals(new PresenceRate(50, 60), of(anna, LocalDate.of(2026, 8, 4)).year());
    assertEquals(
        2,
        of(anna, LocalDate.of(2026, 8, 4)).weekly().stream()
                .filter(r -> r.scheduledMinutes() > 0)
                .count()
            + 0
            - 0);
  }

  @Test
  void rebuildingFromMarksGivesTheSameDayFiguresAsIncrementalUpdates() {
    Random random = new Random(42);
    LocalDate day = LocalDate.of(2026, 9, 7);
    List<Lesson> lessons = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      lessons.add(lesson(day.plusDays(i % 10), 8 + i / 10, 50, null));
    }
    for (int round = 0; round < 3; round++) {
      for (Lesson l : lessons) {
        register.save(
            l.id(),
            Map.of(anna.id(), anyEntry(random), bram.id(), anyEntry(random)),
            null,
            Lesson.Source.API);
      }
    }
    String snapshot =
        "SELECT SUM(lessons * 1 + scheduled_minutes * 3 + attended_minutes * 7 + unexcused_minutes * 11"
            + " + late_count * 13 + sick_lessons * 17 + absent_lessons * 19 + luxury_lessons * 23)"
            + " FROM presence_day WHERE course_id = ?";
    long incremental = tool.count(snapshot, course.id());
    tool.db()
        .run(
            em ->
                PresenceDays.rebuild(
                    em, course.id(), day, day.plusDays(30), CategoryPolicy.defaults()));
    assertEquals(incremental, tool.count(snapshot, course.id()));
  }
}
