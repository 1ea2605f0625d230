package nl.samenaanwezig.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.samenaanwezig.attendance.LessonRegister;
import nl.samenaanwezig.attendance.MarkCategory;
import org.junit.jupiter.api.Test;

/**
 * The demo's sickness is whole days in short spells, the same for a given date, and never by itself
 * enough for the MAZL signal; every day of a demo year gives a class without failing.
 */
class DemoSicknessTest {
  static final int PERIODS = 5;

  private static List<LocalDate> year(int startYear) {
    return DemoAttendance.schoolYear(LocalDate.of(startYear, 8, 24));
  }

  @Test
  void everyStudentIsIllInAFewShortSpellsAndRarelyInOneLesson() {
    int sickDays = 0;
    int students = 0;
    for (int startYear = 2025; startYear <= 2030; startYear++) {
      List<LocalDate> year = year(startYear);
      for (DemoSchool.User u : DemoSchool.STUDENTS) {
        DemoSickness.Plan plan = DemoSickness.plan(u.sub(), year, u.sub().endsWith("09"), PERIODS);
        List<List<LocalDate>> spells = spells(plan, year);
        assertTrue(spells.size() <= DemoSickness.MAX_SPELLS, u.sub() + ": " + spells);
        for (List<LocalDate> spell : spells) {
          assertTrue(spell.size() <= 5, u.sub() + " ill for " + spell);
          // Only the first day of a spell may begin after the first lesson (went home sick).
          spell.stream().skip(1).forEach(d -> assertEquals(0, plan.sickFrom(d)));
        }
        plan.single()
            .forEach(
                (day, period) -> {
                  assertTrue(period < PERIODS - 1, "a lesson attended after a single sick one");
                  assertEquals(-1, plan.sickFrom(day), "a single sick lesson is no sick day");
                });
        sickDays += plan.sickFrom().size();
        students++;
      }
    }
    double perYear = (double) sickDays / students;
    assertTrue(perYear >= 2 && perYear <= 6, "sick days a student a year: " + perYear);
  }

  @Test
  void theSamePlanForTheSameStudentAndYear() {
    List<LocalDate> year = year(2026);
    assertEquals(
        DemoSickness.plan("demo-student-07", year, false, PERIODS),
        DemoSickness.plan("demo-student-07", year, false, PERIODS));
  }

  @Test
  void everyDayOfTheYearGivesTheSameClassTwiceAndTheStoriesWhenThereAreDays() {
    Map<String, Long> ids = new TreeMap<>();
    for (int i = 0; i < DemoSchool.STUDENTS.size(); i++) {
      ids.put(DemoSchool.STUDENTS.get(i).sub(), (long) i + 1);
    }
    LocalDate first = LocalDate.of(2026, 8, 24);
    for (LocalDate today = first; today.isBefore(first.plusYears(1)); today = today.plusDays(1)) {
      List<LessonRegister.LessonMarks> lessons = DemoAttendance.year(today, ids);
      if (today.isAfter(first.plusWeeks(3))) {
        // demo-student-14 (id 14): seven school days sick up to yesterday.
        long sickLessons =
            lessons.stream()
                .filter(l -> l.marks().get(14L).category() == MarkCategory.SICK)
                .count();
        assertEquals(35, sickLessons, today.toString());
      }
    }
    LocalDate day = LocalDate.of(2027, 3, 10);
    assertEquals(render(DemoAttendance.year(day, ids)), render(DemoAttendance.year(day, ids)));
  }

  private static String render(List<LessonRegister.LessonMarks> lessons) {
    return lessons.stream()
        .map(l -> l.lesson().externalId() + l.marks())
        .collect(Collectors.joining("\n"));
  }

  /** Runs of consecutive school days in the plan's sick days. */
  private static List<List<LocalDate>> spells(DemoSickness.Plan plan, List<LocalDate> year) {
    List<List<LocalDate>> spells = new ArrayList<>();
    List<LocalDate> current = new ArrayList<>();
    for (LocalDate d : year) {
      if (plan.sickFrom(d) >= 0) {
        current.add(d);
      } else if (!current.isEmpty()) {
        spells.add(current);
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty()) {
      spells.add(current);
    }
    return spells;
  }
}
