package nl.samenaanwezig.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.samenaanwezig.attendance.ClassFigures;
import nl.samenaanwezig.attendance.PresenceRate;
import org.junit.jupiter.api.Test;

/** The two four-week windows good news compares, summed from the class page's week sums. */
class GoodNewsFiguresTest {

  /** Figures whose last eight school weeks (newest first) have these attended minutes of 100. */
  static ClassFigures.StudentFigures weeks(long person, int... attended) {
    List<PresenceRate> schoolWeeks = new ArrayList<>();
    for (int a : attended) {
      schoolWeeks.add(a < 0 ? PresenceRate.NONE : new PresenceRate(a, 100));
    }
    ClassFigures.StudentFigures empty = ClassFigures.StudentFigures.empty(person);
    return new ClassFigures.StudentFigures(
        person, empty.week(), empty.fourWeeks(), empty.year(), 0, 0, empty.weekly(), schoolWeeks);
  }

  @Test
  void theLastFourSchoolWeeksAgainstTheFourBefore() {
    List<GoodNews.Figures> figures =
        GoodNews.figures(List.of(7L), Map.of(7L, weeks(7, 100, 100, 90, -1, 50, 50, 60, 40)));
    assertEquals(
        List.of(
            new GoodNews.Figures(
                7, new PresenceRate(290, 300), new PresenceRate(200, 400), Optional.empty())),
        figures);
  }

  @Test
  void onlyActiveStudentsWithRecentLessonsInStudentOrder() {
    Map<Long, ClassFigures.StudentFigures> figures =
        Map.of(
            3L, weeks(3, 100, 100, 100, 100, 100, 100, 100, 100),
            2L, weeks(2, 90, 90, 90, 90, 90, 90, 90, 90),
            4L, weeks(4, -1, -1, -1, -1, 100, 100, 100, 100),
            5L, weeks(5, 100, 100, 100, 100, 100, 100, 100, 100));
    // 5 is not an active student of the course; 4 had no lessons lately; 6 has no figures.
    assertEquals(
        List.of(2L, 3L),
        GoodNews.figures(List.of(3L, 2L, 4L, 6L), figures).stream()
            .map(GoodNews.Figures::studentId)
            .toList());
  }

  @Test
  void noneWhenTheCalendarHasFewerThanEightSchoolWeeks() {
    assertEquals(
        List.of(),
        GoodNews.figures(List.of(1L), Map.of(1L, weeks(1, 100, 100, 100, 100, 50, 50, 50))));
  }
}
