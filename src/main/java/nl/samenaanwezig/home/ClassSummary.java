package nl.samenaanwezig.home;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import nl.samenaanwezig.attendance.ClassFigures;
import nl.samenaanwezig.attendance.PresenceRate;
import nl.samenaanwezig.attendance.Sparkline;

/**
 * The whole class at a glance: presence over four school weeks, the weekly trend, and whether
 * absence is high enough to suggest an evening about attendance for parents and buddies.
 */
public record ClassSummary(PresenceRate fourWeeks, Sparkline trend, boolean absenceHigh) {

  /** Below this class presence (four school weeks) the page suggests a buddy evening. */
  static final int HIGH_ABSENCE_BELOW_PERCENT = 90;

  /** Sums the students' already aggregated figures (one row per student). */
  static ClassSummary of(Collection<ClassFigures.StudentFigures> students, String noLessons) {
    long attended = 0;
    long scheduled = 0;
    long[] weekAttended = new long[ClassFigures.SPARK_WEEKS];
    long[] weekScheduled = new long[ClassFigures.SPARK_WEEKS];
    for (ClassFigures.StudentFigures f : students) {
      attended += f.fourWeeks().attendedMinutes();
      scheduled += f.fourWeeks().scheduledMinutes();
      for (int i = 0; i < ClassFigures.SPARK_WEEKS; i++) {
        weekAttended[i] += f.weekly().get(i).attendedMinutes();
        weekScheduled[i] += f.weekly().get(i).scheduledMinutes();
      }
    }
    List<PresenceRate> weekly = new ArrayList<>();
    for (int i = 0; i < ClassFigures.SPARK_WEEKS; i++) {
      weekly.add(new PresenceRate(weekAttended[i], weekScheduled[i]));
    }
    PresenceRate rate = new PresenceRate(attended, scheduled);
    return new ClassSummary(rate, Sparkline.of(weekly, noLessons), absenceHigh(rate));
  }

  /** Whether a class's presence over four school weeks is low enough to suggest a buddy evening. */
  static boolean absenceHigh(PresenceRate fourWeeks) {
    return fourWeeks.percent().isPresent()
        && fourWeeks.percent().getAsInt() < HIGH_ABSENCE_BELOW_PERCENT;
  }
}
