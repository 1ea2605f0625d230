package nl.samenaanwezig.attendance;

import static nl.samenaanwezig.db.Sql.number;
import static nl.samenaanwezig.db.Sql.rows;

import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;

/**
 * The figures of a class page, computed in one SQL aggregation over {@code presence_day} (per week
 * shown and school year; in a mentor group over every course of each student, see {@link
 * MentorGroups}): presence this week, in the last four school weeks and this school year, unexcused
 * minutes in the last four school weeks, lateness this school year, weekly presence for the
 * sparkline, and presence in each of the last eight school weeks (for the page's good news, which
 * compares the last four with the four before).
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
    LessonScope scope = MentorGroups.scopeOf(em, course);
    SchoolCalendar calendar = Holidays.of(em, course.platform().institution().id());
    LocalDate yearStart = SchoolCalendar.schoolYearStart(today);
    SchoolCalendar.Week thisWeek = SchoolCalendar.weekOf(today);
    List<SchoolCalendar.Week> schoolWeeks = calendar.lastSchoolWeeks(today, SCHOOL_WEEKS);
    List<SchoolCalendar.Week> fourWeeks = schoolWeeks.subList(0, Math.min(4, schoolWeeks.size()));
    List<SchoolCalendar.Week> spark = new ArrayList<>();
    for (int i = SPARK_WEEKS - 1; i >= 0; i--) {
      spark.add(new SchoolCalendar.Week(thisWeek.monday().minusWeeks(i)));
    }
    // The weeks the page shows, as consecutive calendar weeks up to this one: the sparkline's, and
    // the last eight school weeks, which holidays may push further back.
    LocalDate firstMonday = spark.get(0).monday();
    for (SchoolCalendar.Week w : schoolWeeks) {
      firstMonday = min(firstMonday, w.monday());
    }
    int weekCount = (int) ChronoUnit.WEEKS.between(firstMonday, thisWeek.monday()) + 1;
    // One scan of the days from the first of those weeks or the school year, whichever is earlier,
    // summed per student and segment: the days between two boundaries (a Monday or the school
    // year's first day) lie in one week and on one side of the school year's start. The segment is
    // one CASE over the sorted boundaries; a join on the weeks' dates (a VALUES table) cost a
    // comparison per row and week, and a second scan summed the year.
    TreeSet<LocalDate> boundaries = new TreeSet<>();
    for (int i = 0; i < weekCount; i++) {
      boundaries.add(firstMonday.plusWeeks(i));
    }
    boundaries.add(yearStart);
    List<LocalDate> segmentStarts = new ArrayList<>(boundaries);
    StringBuilder segment = new StringBuilder();
    List<Object> params = new ArrayList<>();
    for (int j = 1; j < segmentStarts.size(); j++) {
      segment.append(" WHEN day < ? THEN ").append(j - 1);
      params.add(Date.valueOf(segmentStarts.get(j)));
    }
    String segmentOf =
        segment.isEmpty() ? "0" : "CASE" + segment + " ELSE " + (segmentStarts.size() - 1) + " END";
    params.add(course.id());
    params.add(Date.valueOf(segmentStarts.get(0)));
    params.add(Date.valueOf(today));
    Map<Long, long[][]> perWeek = new HashMap<>();
    Map<Long, long[]> perYear = new HashMap<>();
    for (Object[] r :
        rows(
            em,
            "SELECT person_id, segment, SUM(scheduled_minutes), SUM(attended_minutes),"
                + " SUM(unexcused_minutes), SUM(late_count) FROM (SELECT person_id, "
                + segmentOf
                + " AS segment, scheduled_minutes, attended_minutes, unexcused_minutes, late_count"
                + " FROM presence_day WHERE "
                + scope.studentDays()
                + " AND day BETWEEN ? AND ?) AS s"
                + " GROUP BY person_id, segment",
            params)) {
      long person = number(r[0]);
      LocalDate start = segmentStarts.get((int) number(r[1]));
      if (!start.isBefore(firstMonday)) {
        int week = (int) ChronoUnit.WEEKS.between(firstMonday, start);
        long[] sums = perWeek.computeIfAbsent(person, k -> new long[weekCount][3])[week];
        sums[0] += number(r[2]);
        sums[1] += number(r[3]);
        sums[2] += number(r[4]);
      }
      if (!start.isBefore(yearStart)) {
        long[] year = perYear.computeIfAbsent(person, k -> new long[3]);
        year[0] += number(r[2]);
        year[1] += number(r[3]);
        year[2] += number(r[5]);
      }
    }
    Map<LocalDate, Integer> bucketOf = new HashMap<>();
    for (int i = 0; i < weekCount; i++) {
      bucketOf.put(firstMonday.plusWeeks(i), i);
    }

    long[][] noWeeks = new long[weekCount][3];
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

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
