package nl.samenaanwezig.attendance;

import static nl.samenaanwezig.db.Sql.number;
import static nl.samenaanwezig.db.Sql.rows;

import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.db.Database;

/**
 * Presence per class for the whole institution, as the class page sums it for one class: this week,
 * the last four school weeks (holidays skipped) and the school year, and the unexcused minutes of
 * those four weeks. One SQL aggregate over the day figures of every course of the institution,
 * grouped by course; the active students per course from a second one.
 */
public final class InstitutionPresence {
  private final Database db;

  public InstitutionPresence(Database db) {
    this.db = db;
  }

  /** One class's figures. */
  public record ClassPresence(
      long courseId,
      long students,
      PresenceRate week,
      PresenceRate fourWeeks,
      PresenceRate year,
      long unexcusedMinutesFourWeeks) {}

  /**
   * Every course of the institution that has active students or day figures this school year, in no
   * particular order.
   */
  public List<ClassPresence> of(long institutionId, LocalDate today) {
    return db.read(em -> of(em, institutionId, today));
  }

  private static final String COURSES =
      "(SELECT c.id FROM course c JOIN platform p ON c.platform_id = p.id"
          + " WHERE p.institution_id = ?)";

  static List<ClassPresence> of(EntityManager em, long institutionId, LocalDate today) {
    SchoolCalendar calendar = Holidays.of(em, institutionId);
    LocalDate yearStart = SchoolCalendar.schoolYearStart(today);
    LocalDate monday = SchoolCalendar.weekOf(today).monday();
    List<SchoolCalendar.Week> fourWeeks = calendar.lastSchoolWeeks(today, 4);
    LocalDate from = yearStart;
    for (SchoolCalendar.Week w : fourWeeks) {
      from = w.monday().isBefore(from) ? w.monday() : from;
    }
    // Summed per course and day in SQL (in the order of the covering index on course and day);
    // each of those sums then counts towards this week, the four school weeks and the year.
    Map<Long, long[]> sums = new HashMap<>();
    for (Object[] r :
        rows(
            em,
            "SELECT course_id, day, SUM(scheduled_minutes), SUM(attended_minutes),"
                + " SUM(unexcused_minutes) FROM presence_day WHERE course_id IN "
                + COURSES
                + " AND day BETWEEN ? AND ? GROUP BY course_id, day",
            List.of(institutionId, Date.valueOf(from), Date.valueOf(today)))) {
      LocalDate day = r[1] instanceof Date d ? d.toLocalDate() : (LocalDate) r[1];
      long[] s = sums.computeIfAbsent(number(r[0]), k -> new long[7]);
      long scheduled = number(r[2]);
      long attended = number(r[3]);
      if (!day.isBefore(monday)) {
        s[0] += scheduled;
        s[1] += attended;
      }
      if (fourWeeks.stream().anyMatch(w -> w.contains(day))) {
        s[2] += scheduled;
        s[3] += attended;
        s[4] += number(r[4]);
      }
      if (!day.isBefore(yearStart)) {
        s[5] += scheduled;
        s[6] += attended;
      }
    }
    Map<Long, Long> students = new HashMap<>();
    for (Object[] r :
        rows(
            em,
            "SELECT course_id, COUNT(*) FROM member WHERE course_id IN "
                + COURSES
                + " AND active = TRUE AND roles LIKE '%STUDENT%' GROUP BY course_id",
            List.of(institutionId))) {
      students.put(number(r[0]), number(r[1]));
    }
    Map<Long, ClassPresence> classes = new HashMap<>();
    for (Map.Entry<Long, long[]> e : sums.entrySet()) {
      long[] s = e.getValue();
      classes.put(
          e.getKey(),
          new ClassPresence(
              e.getKey(),
              students.getOrDefault(e.getKey(), 0L),
              new PresenceRate(s[1], s[0]),
              new PresenceRate(s[3], s[2]),
              new PresenceRate(s[6], s[5]),
              s[4]));
    }
    for (Map.Entry<Long, Long> s : students.entrySet()) {
      classes.putIfAbsent(
          s.getKey(),
          new ClassPresence(
              s.getKey(),
              s.getValue(),
              PresenceRate.NONE,
              PresenceRate.NONE,
              PresenceRate.NONE,
              0));
    }
    return new ArrayList<>(classes.values());
  }
}
