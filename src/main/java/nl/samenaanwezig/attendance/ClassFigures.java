package nl.samenaanwezig.attendance;

import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;

/**
 * The figures of a class page, computed in two SQL aggregations over {@code presence_day} per
 * course (per school week shown, and the school year): presence this week, in the last four school
 * weeks and this school year, unexcused minutes in the last four school weeks, lateness this school
 * year, weekly presence for the sparkline, and presence in each of the last eight school weeks (for
 * the page's good news, which compares the last four with the four before).
 */
public final class ClassFigures {
  public static final int SPARK_WEEKS = 10;

  /** How many of the last school weeks {@link StudentFigures#schoolWeeks()} holds. */
  public static final int SCHOOL_WEEKS = 8;

  private final Database db;

  public ClassFigures(Database db) {
    this.db = db;
  }

  /**
   * One student's figures on {@code today}.
   *
   * @param weekly presence per calendar week of the sparkline, oldest first
   * @param schoolWeeks presence per school week, the last {@value #SCHOOL_WEEKS} newest first
   *     (fewer only when the school calendar has fewer)
   */
  public record StudentFigures(
      long personId,
      PresenceRate week,
      PresenceRate fourWeeks,
      PresenceRate year,
      long unexcusedMinutesFourWeeks,
      long lateCountYear,
      List<PresenceRate> weekly,
      List<PresenceRate> schoolWeeks) {

    public static StudentFigures empty(long personId) {
      List<PresenceRate> none = new ArrayList<>();
      for (int i = 0; i < SPARK_WEEKS; i++) {
        none.add(PresenceRate.NONE);
      }
      return new StudentFigures(
          personId, PresenceRate.NONE, PresenceRate.NONE, PresenceRate.NONE, 0, 0, none, List.of());
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
    List<SchoolCalendar.Week> schoolWeeks = calendar.lastSchoolWeeks(today, SCHOOL_WEEKS);
    List<SchoolCalendar.Week> fourWeeks = schoolWeeks.subList(0, Math.min(4, schoolWeeks.size()));
    List<SchoolCalendar.Week> spark = new ArrayList<>();
    for (int i = SPARK_WEEKS - 1; i >= 0; i--) {
      spark.add(new SchoolCalendar.Week(thisWeek.monday().minusWeeks(i)));
    }
    // Each week the page shows (the sparkline's and the last eight school weeks) is one bucket: the
    // database sums every student's days per bucket, the year in a second query. One CASE per
    // figure and week made Derby evaluate some sixty conditions per row (most of a page view's
    // time); a join on the week's dates costs one comparison per row and week.
    Map<LocalDate, Integer> bucketOf = new LinkedHashMap<>();
    List<SchoolCalendar.Week> buckets = new ArrayList<>();
    for (SchoolCalendar.Week w : concat(spark, schoolWeeks)) {
      if (!bucketOf.containsKey(w.monday())) {
        bucketOf.put(w.monday(), buckets.size());
        buckets.add(w);
      }
    }
    Map<Long, long[][]> perWeek = new HashMap<>();
    StringBuilder weeks = new StringBuilder();
    List<Object> params = new ArrayList<>();
    for (int i = 0; i < buckets.size(); i++) {
      SchoolCalendar.Week w = buckets.get(i);
      weeks
          .append(i == 0 ? "" : ", ")
          .append("(")
          .append(i)
          .append(", CAST(? AS DATE), CAST(? AS DATE))");
      params.add(Date.valueOf(w.monday()));
      params.add(Date.valueOf(min(w.sunday(), today)));
    }
    params.add(course.id());
    LocalDate from = today;
    for (SchoolCalendar.Week w : buckets) {
      from = w.monday().isBefore(from) ? w.monday() : from;
    }
    params.add(Date.valueOf(from));
    params.add(Date.valueOf(today));
    for (Object[] r :
        rows(
            em,
            "SELECT d.person_id, w.k, SUM(d.scheduled_minutes), SUM(d.attended_minutes),"
                + " SUM(d.unexcused_minutes) FROM presence_day d JOIN (VALUES "
                + weeks
                + ") AS w (k, first_day, last_day) ON d.day BETWEEN w.first_day AND w.last_day"
                + " WHERE d.course_id = ? AND d.day BETWEEN ? AND ? GROUP BY d.person_id, w.k",
            params)) {
      long[][] sums = perWeek.computeIfAbsent(n(r[0]), k -> new long[buckets.size()][3]);
      long[] week = sums[(int) n(r[1])];
      week[0] = n(r[2]);
      week[1] = n(r[3]);
      week[2] = n(r[4]);
    }
    Map<Long, long[]> perYear = new HashMap<>();
    for (Object[] r :
        rows(
            em,
            "SELECT person_id, SUM(scheduled_minutes), SUM(attended_minutes), SUM(late_count)"
                + " FROM presence_day WHERE course_id = ? AND day BETWEEN ? AND ?"
                + " GROUP BY person_id",
            List.of(course.id(), Date.valueOf(yearStart), Date.valueOf(today)))) {
      perYear.put(n(r[0]), new long[] {n(r[1]), n(r[2]), n(r[3])});
    }

    long[][] noWeeks = new long[buckets.size()][3];
    long[] noYear = new long[3];
    Map<Long, StudentFigures> figures = new HashMap<>();
    Set<Long> people = new HashSet<>(perWeek.keySet());
    people.addAll(perYear.keySet());
    for (long person : people) {
      long[][] sums = perWeek.getOrDefault(person, noWeeks);
      long[] year = perYear.getOrDefault(person, noYear);
      List<PresenceRate> weekly = new ArrayList<>();
      for (SchoolCalendar.Week w : spark) {
        long[] s = sums[bucketOf.get(w.monday())];
        weekly.add(new PresenceRate(s[1], s[0]));
      }
      long scheduled = 0;
      long attended = 0;
      long unexcused = 0;
      for (SchoolCalendar.Week w : fourWeeks) {
        long[] s = sums[bucketOf.get(w.monday())];
        scheduled += s[0];
        attended += s[1];
        unexcused += s[2];
      }
      List<PresenceRate> perSchoolWeek = new ArrayList<>();
      for (SchoolCalendar.Week w : schoolWeeks) {
        long[] s = sums[bucketOf.get(w.monday())];
        perSchoolWeek.add(new PresenceRate(s[1], s[0]));
      }
      long[] week = sums[bucketOf.get(thisWeek.monday())];
      figures.put(
          person,
          new StudentFigures(
              person,
              new PresenceRate(week[1], week[0]),
              new PresenceRate(attended, scheduled),
              new PresenceRate(year[1], year[0]),
              unexcused,
              year[2],
              weekly,
              perSchoolWeek));
    }
    return figures;
  }

  private static <T> List<T> concat(Collection<T> a, Collection<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static List<Object[]> rows(EntityManager em, String sql, List<Object> params) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < params.size(); i++) {
      query.setParameter(i + 1, params.get(i));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    return rows;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static long n(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
