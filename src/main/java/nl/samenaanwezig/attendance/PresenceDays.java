package nl.samenaanwezig.attendance;

import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keeps {@code presence_day} (one row per course, student and day) in step with the marks, so
 * figures read a few hundred pre-aggregated rows instead of every mark.
 */
final class PresenceDays {
  private PresenceDays() {}

  /** Student and day of an aggregate row within a course. */
  record Key(long courseId, long personId, LocalDate day) {}

  /** Adds deltas in the caller's transaction (update, else insert). */
  static void apply(EntityManager em, Map<Key, DayDelta> deltas) {
    deltas.forEach(
        (key, d) -> {
          if (d.isZero()) {
            return;
          }
          int updated =
              em.createNativeQuery(
                      "UPDATE presence_day SET lessons = lessons + ?, scheduled_minutes ="
                          + " scheduled_minutes + ?, attended_minutes = attended_minutes + ?,"
                          + " unexcused_minutes = unexcused_minutes + ?, late_count = late_count"
                          + " + ?, sick_lessons = sick_lessons + ?, absent_lessons ="
                          + " absent_lessons + ?, luxury_lessons = luxury_lessons + ? WHERE"
                          + " course_id = ? AND person_id = ? AND day = ?")
                  .setParameter(1, d.lessons())
                  .setParameter(2, d.scheduled())
                  .setParameter(3, d.attended())
                  .setParameter(4, d.unexcused())
                  .setParameter(5, d.late())
                  .setParameter(6, d.sick())
                  .setParameter(7, d.absent())
                  .setParameter(8, d.luxury())
                  .setParameter(9, key.courseId())
                  .setParameter(10, key.personId())
                  .setParameter(11, Date.valueOf(key.day()))
                  .executeUpdate();
          if (updated == 0) {
            em.createNativeQuery(
                    "INSERT INTO presence_day (course_id, person_id, day, lessons,"
                        + " scheduled_minutes, attended_minutes, unexcused_minutes, late_count,"
                        + " sick_lessons, absent_lessons, luxury_lessons)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, key.courseId())
                .setParameter(2, key.personId())
                .setParameter(3, Date.valueOf(key.day()))
                .setParameter(4, d.lessons())
                .setParameter(5, d.scheduled())
                .setParameter(6, d.attended())
                .setParameter(7, d.unexcused())
                .setParameter(8, d.late())
                .setParameter(9, d.sick())
                .setParameter(10, d.absent())
                .setParameter(11, d.luxury())
                .executeUpdate();
          }
        });
  }

  /**
   * Recomputes a course's rows for a period from the marks, in SQL (after a bulk import or a change
   * of the institution's category policy).
   *
   * <p>Both statements name the indexes Derby is to use ({@code --DERBY-PROPERTIES}, a comment to
   * any other database): the period's lessons by course and date, then each lesson's marks through
   * {@code mark_unique}, and the period's day rows by course and day. On a table that was nearly
   * empty when its statistics were taken, Derby would otherwise scan the whole table, and a scan
   * waits for every row another transaction has open, as a parallel import's other writer does.
   */
  static void rebuild(
      EntityManager em, long courseId, LocalDate from, LocalDate to, CategoryPolicy policy) {
    em.createNativeQuery("DELETE FROM presence_day WHERE course_id = ? AND day BETWEEN ? AND ?")
        .setParameter(1, courseId)
        .setParameter(2, Date.valueOf(from))
        .setParameter(3, Date.valueOf(to))
        .executeUpdate();
    String unexcusedAbsences =
        java.util.Arrays.stream(MarkCategory.values())
            .filter(c -> c.isAbsence() && !policy.isExcused(c))
            .map(c -> "'" + c.name() + "'")
            .collect(Collectors.joining(", "));
    String lateUnexcused = policy.isExcused(MarkCategory.LATE) ? "0" : "m.late_minutes";
    em.createNativeQuery(
            "INSERT INTO presence_day (course_id, person_id, day, lessons, scheduled_minutes,"
                + " attended_minutes, unexcused_minutes, late_count, sick_lessons,"
                + " absent_lessons, luxury_lessons)"
                + " SELECT l.course_id, m.person_id, l.lesson_date, COUNT(*),"
                + " SUM(l.scheduled_minutes),"
                + " SUM(CASE WHEN m.category = 'PRESENT' THEN l.scheduled_minutes"
                + "   WHEN m.category = 'LATE' THEN CASE WHEN l.scheduled_minutes > m.late_minutes"
                + "     THEN l.scheduled_minutes - m.late_minutes ELSE 0 END ELSE 0 END),"
                + " SUM(CASE WHEN m.category = 'LATE' THEN "
                + lateUnexcused
                + (unexcusedAbsences.isEmpty()
                    ? ""
                    : " WHEN m.category IN (" + unexcusedAbsences + ") THEN l.scheduled_minutes")
                + "   ELSE 0 END),"
                + " SUM(CASE WHEN m.category = 'LATE' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN m.category = 'SICK' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN m.category IN ('PRESENT', 'LATE') THEN 0 ELSE 1 END),"
                + " SUM(CASE WHEN m.category = 'LUXURY' THEN 1 ELSE 0 END)"
                + " FROM --DERBY-PROPERTIES joinOrder=FIXED\n"
                + " lesson l --DERBY-PROPERTIES index=LESSON_COURSE_DATE\n"
                + " JOIN mark m --DERBY-PROPERTIES constraint=MARK_UNIQUE,"
                + " joinStrategy=NESTEDLOOP\n"
                + " ON m.lesson_id = l.id"
                + " WHERE l.course_id = ? AND l.lesson_date BETWEEN ? AND ?"
                + " GROUP BY l.course_id, m.person_id, l.lesson_date")
        .setParameter(1, courseId)
        .setParameter(2, Date.valueOf(from))
        .setParameter(3, Date.valueOf(to))
        .executeUpdate();
  }

  /**
   * Recomputes {@code unexcused_minutes}, the one figure the category policy decides, of a course's
   * day rows that hold a mark of {@code category}: after the institution changed whether that
   * category counts as excused. The other figures do not depend on the policy.
   */
  static int recomputeUnexcused(
      EntityManager em, long courseId, MarkCategory category, CategoryPolicy policy) {
    String unexcusedAbsences =
        java.util.Arrays.stream(MarkCategory.values())
            .filter(c -> c.isAbsence() && !policy.isExcused(c))
            .map(c -> "'" + c.name() + "'")
            .collect(Collectors.joining(", "));
    String lateUnexcused =
        policy.isExcused(MarkCategory.LATE)
            ? "0"
            : "CASE WHEN m.late_minutes < l.scheduled_minutes THEN m.late_minutes"
                + " ELSE l.scheduled_minutes END";
    return em.createNativeQuery(
            "UPDATE presence_day SET unexcused_minutes = (SELECT COALESCE(SUM("
                + "CASE WHEN m.category = 'LATE' THEN "
                + lateUnexcused
                + (unexcusedAbsences.isEmpty()
                    ? ""
                    : " WHEN m.category IN (" + unexcusedAbsences + ") THEN l.scheduled_minutes")
                + " ELSE 0 END), 0)"
                + " FROM lesson l JOIN mark m ON m.lesson_id = l.id"
                + " WHERE l.course_id = presence_day.course_id"
                + " AND l.lesson_date = presence_day.day AND m.person_id = presence_day.person_id)"
                + " WHERE course_id = ? AND EXISTS (SELECT 1 FROM lesson l2"
                + " JOIN mark m2 ON m2.lesson_id = l2.id WHERE l2.course_id = presence_day.course_id"
                + " AND l2.lesson_date = presence_day.day"
                + " AND m2.person_id = presence_day.person_id AND m2.category = ?)")
        .setParameter(1, courseId)
        .setParameter(2, category.name())
        .executeUpdate();
  }
}
