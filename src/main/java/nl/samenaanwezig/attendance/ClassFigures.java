package nl.samenaanwezig.attendance;

import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;

/**
 * The figures of a class page, computed in one SQL aggregation over {@code presence_day} per
 * course: presence this week, in the last four school weeks and this school year, unexcused minutes
 * in the last four school weeks, lateness this school year, and weekly presence for the sparkline.
 */
public final class ClassFigures {
  public static final int SPARK_WEEKS = 10;

  private final Database db;

  public ClassFigures(Database db) {
    this.db = db;
  }

  /** One student's figures on {@code today}. */
  public record StudentFigures(
      long personId,
      PresenceRate week,
      PresenceRate fourWeeks,
      PresenceRate year,
      long unexcusedMinutesFourWeeks,
      long lateCountYear,
      List<PresenceRate> weekly) {

    public static StudentFigures empty(long personId) {
      List<PresenceRate> none = new ArrayList<>();
      for (int i = 0; i < SPARK_WEEKS; i++) {
        none.add(PresenceRate.NONE);
      }
      return new StudentFigures(
          personId, PresenceRate.NONE, PresenceRate.NONE, PresenceRate.NONE, 0, 0, none);
    }
  }

  /** Figures per student id for the whole course (students without marks are absent). */
  public Map<Long, StudentFigures> forCourse(Course course, LocalDate today) {
    return db.read(em -> forCourse(em, course, today));
  }

  static Map<Long, StudentFigures> forCourse(EntityManager em, Course course, LocalDate today) {
    SchoolCalendar calendar = Holidays.of(em, course.platform().institution().id());
    LocalDate yearStart = SchoolCalendar.schoolYearStart(today);
    SchoolCalendar.Week thisWeek = SchoolCalendar.weekOf(today);
    List<SchoolCalendar.Week> fourWeeks = calendar.lastSchoolWeeks(today, 4);
    List<SchoolCalendar.Week> spark = new ArrayList<>();
    for (int i = SPARK_WEEKS - 1; i >= 0; i--) {
      spark.add(new SchoolCalendar.Week(thisWeek.monday().minusWeeks(i)));
    }
    LocalDate from = yearStart;
    for (SchoolCalendar.Week w : fourWeeks) {
      from = w.monday().isBefore(from) ? w.monday() : from;
    }
    from = spark.get(0).monday().isBefore(from) ? spark.get(0).monday() : from;

    StringBuilder sql = new StringBuilder("SELECT person_id");
    List<Object> params = new ArrayList<>();
    // week
    sum(sql, params, "scheduled_minutes", range(thisWeek.monday(), today));
    sum(sql, params, "attended_minutes", range(thisWeek.monday(), today));
    // four school weeks
    sum(sql, params, "scheduled_minutes", weeks(fourWeeks, today));
    sum(sql, params, "attended_minutes", weeks(fourWeeks, today));
    sum(sql, params, "unexcused_minutes", weeks(fourWeeks, today));
    // school year
    sum(sql, params, "scheduled_minutes", range(yearStart, today));
    sum(sql, params, "attended_minutes", range(yearStart, today));
    sum(sql, params, "late_count", range(yearStart, today));
    for (SchoolCalendar.Week w : spark) {
      sum(sql, params, "scheduled_minutes", range(w.monday(), min(w.sunday(), today)));
      sum(sql, params, "attended_minutes", range(w.monday(), min(w.sunday(), today)));
    }
    sql.append(" FROM presence_day WHERE course_id = ? AND day BETWEEN ? AND ? GROUP BY person_id");
    params.add(course.id());
    params.add(Date.valueOf(from));
    params.add(Date.valueOf(today));

    var query = em.createNativeQuery(sql.toString());
    for (int i = 0; i < params.size(); i++) {
      query.setParameter(i + 1, params.get(i));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    Map<Long, StudentFigures> figures = new HashMap<>();
    for (Object[] r : rows) {
      long person = ((Number) r[0]).longValue();
      List<PresenceRate> weekly = new ArrayList<>();
      for (int i = 0; i < SPARK_WEEKS; i++) {
        weekly.add(new PresenceRate(n(r[10 + 2 * i]), n(r[9 + 2 * i])));
      }
      figures.put(
          person,
          new StudentFigures(
              person,
              new PresenceRate(n(r[2]), n(r[1])),
              new PresenceRate(n(r[4]), n(r[3])),
              new PresenceRate(n(r[7]), n(r[6])),
              n(r[5]),
              n(r[8]),
              weekly));
    }
    return figures;
  }

  /** A SQL condition on {@code day} with its parameters. */
  private record Condition(String sql, List<Object> params) {}

  private static Condition range(LocalDate from, LocalDate to) {
    return new Condition("day BETWEEN ? AND ?", List.of(Date.valueOf(from), Date.valueOf(to)));
  }

  private static Condition weeks(List<SchoolCalendar.Week> weeks, LocalDate today) {
    if (weeks.isEmpty()) {
      return new Condition("1 = 0", List.of());
    }
    List<String> parts = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    for (SchoolCalendar.Week w : weeks) {
      parts.add("day BETWEEN ? AND ?");
      params.add(Date.valueOf(w.monday()));
      params.add(Date.valueOf(min(w.sunday(), today)));
    }
    return new Condition("(" + String.join(" OR ", parts) + ")", params);
  }

  private static void sum(StringBuilder sql, List<Object> params, String column, Condition c) {
    sql.append(", SUM(CASE WHEN ")
        .append(c.sql())
        .append(" THEN ")
        .append(column)
        .append(" ELSE 0 END)");
    params.addAll(c.params());
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static long n(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
