package nl.samenaanwezig.attendance;

import static nl.samenaanwezig.db.Sql.number;

import java.sql.Date;
import java.sql.Time;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.db.Sql;

/**
 * One student's attendance for the pages about that student (the mentor's detail page, the
 * student's own page, the evidence of a DUO report): in one course, or in every course of the
 * student when a mentor group asks ({@link LessonScope}). Every query is bounded by a period.
 */
public final class StudentAttendance {
  private final Database db;

  public StudentAttendance(Database db) {
    this.db = db;
  }

  /** A lesson with the student's mark, and the title of the course it was given in. */
  public record LessonMark(
      LocalDate date,
      LocalTime start,
      LocalTime end,
      int scheduledMinutes,
      MarkCategory category,
      int lateMinutes,
      String course) {

    public int attendedMinutes() {
      return category.attendedMinutes(scheduledMinutes, lateMinutes);
    }
  }

  /**
   * The lessons of the scope: the course's own, or those of every course the student was ever a
   * member of (found through the memberships: {@code mark} has no index by person on every
   * database, {@code lesson} has one by course and day).
   */
  private static String lessonsOf(LessonScope scope) {
    return scope.everyCourse()
        ? "l.course_id IN (SELECT course_id FROM member WHERE person_id = ?)"
        : "l.course_id = ?";
  }

  private static long scopeParameter(LessonScope scope, long personId) {
    return scope.everyCourse() ? personId : scope.courseId();
  }

  /** The student's marked lessons from {@code from} to {@code to}, in time order. */
  public List<LessonMark> marks(LessonScope scope, long personId, LocalDate from, LocalDate to) {
    return db.read(
        em -> {
          @SuppressWarnings("unchecked")
          List<Object[]> rows =
              em.createNativeQuery(
                      "SELECT l.lesson_date, l.start_time, l.end_time, l.scheduled_minutes,"
                          + " m.category, m.late_minutes, c.title, c.label, c.context_id"
                          + " FROM mark m JOIN lesson l ON m.lesson_id = l.id"
                          + " JOIN course c ON c.id = l.course_id WHERE "
                          + lessonsOf(scope)
                          + " AND m.person_id = ? AND l.lesson_date BETWEEN ? AND ?"
                          + " ORDER BY l.lesson_date, l.start_time")
                  .setParameter(1, scopeParameter(scope, personId))
                  .setParameter(2, personId)
                  .setParameter(3, Date.valueOf(from))
                  .setParameter(4, Date.valueOf(to))
                  .getResultList();
          return rows.stream()
              .map(
                  r ->
                      new LessonMark(
                          ((Date) r[0]).toLocalDate(),
                          ((Time) r[1]).toLocalTime(),
                          ((Time) r[2]).toLocalTime(),
                          ((Number) r[3]).intValue(),
                          MarkCategory.valueOf(String.valueOf(r[4])),
                          ((Number) r[5]).intValue(),
                          r[6] != null
                              ? (String) r[6]
                              : r[7] != null ? (String) r[7] : (String) r[8]))
              .toList();
        });
  }

  /** The day of the student's last marked lesson before {@code day}, if any (for paging back). */
  public Optional<LocalDate> lastMarkBefore(LessonScope scope, long personId, LocalDate day) {
    return db.read(
        em -> {
          Object last =
              em.createNativeQuery(
                      "SELECT MAX(l.lesson_date) FROM mark m JOIN lesson l ON m.lesson_id = l.id"
                          + " WHERE "
                          + lessonsOf(scope)
                          + " AND m.person_id = ? AND l.lesson_date < ?")
                  .setParameter(1, scopeParameter(scope, personId))
                  .setParameter(2, personId)
                  .setParameter(3, Date.valueOf(day))
                  .getSingleResult();
          return Optional.ofNullable(last).map(d -> ((Date) d).toLocalDate());
        });
  }

  /** Presence from {@code from} to {@code to}, summed in SQL over the day rows. */
  public PresenceRate rate(LessonScope scope, long personId, LocalDate from, LocalDate to) {
    List<Object> params = new ArrayList<>(List.of(personId));
    if (!scope.everyCourse()) {
      params.add(scope.courseId());
    }
    params.add(Date.valueOf(from));
    params.add(Date.valueOf(to));
    return db.read(
        em -> {
          Object[] r =
              Sql.rows(
                      em,
                      "SELECT SUM(attended_minutes), SUM(scheduled_minutes) FROM presence_day"
                          + " WHERE person_id = ?"
                          + (scope.everyCourse() ? "" : " AND course_id = ?")
                          + " AND day BETWEEN ? AND ?",
                      params)
                  .get(0);
          return new PresenceRate(number(r[0]), number(r[1]));
        });
  }

  /** Presence in one course from {@code from} to {@code to} (the student's own page). */
  public PresenceRate rate(long courseId, long personId, LocalDate from, LocalDate to) {
    return rate(new LessonScope(courseId, false), personId, from, to);
  }

  /** Lessons per category from {@code from} to {@code to}, counted in SQL. */
  public Map<MarkCategory, Long> counts(
      long courseId, long personId, LocalDate from, LocalDate to) {
    return db.read(
        em -> {
          @SuppressWarnings("unchecked")
          List<Object[]> rows =
              em.createNativeQuery(
                      "SELECT m.category, COUNT(*) FROM mark m JOIN lesson l"
                          + " ON m.lesson_id = l.id WHERE l.course_id = ? AND m.person_id = ?"
                          + " AND l.lesson_date BETWEEN ? AND ? GROUP BY m.category")
                  .setParameter(1, courseId)
                  .setParameter(2, personId)
                  .setParameter(3, Date.valueOf(from))
                  .setParameter(4, Date.valueOf(to))
                  .getResultList();
          Map<MarkCategory, Long> counts = new EnumMap<>(MarkCategory.class);
          for (Object[] r : rows) {
            MarkCategory.parse(String.valueOf(r[0])).ifPresent(c -> counts.put(c, number(r[1])));
          }
          return counts;
        });
  }

  /** The institution's school holidays. */
  public SchoolCalendar calendar(long institutionId) {
    return db.read(em -> Holidays.of(em, institutionId));
  }

  /** The institution's mapping of categories to excused or unexcused. */
  public CategoryPolicy policy(long institutionId) {
    return db.read(em -> Policies.of(em, institutionId));
  }
}
