package nl.samenaanwezig.attendance;

import java.sql.Date;
import java.sql.Time;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;

/**
 * When a class is present: presence per weekday and lesson period (start time) this school year,
 * aggregated in SQL over the course's marks.
 */
public final class ClassPatterns {
  private final Database db;

  public ClassPatterns(Database db) {
    this.db = db;
  }

  /** A weekday x period grid; a missing cell means no lessons then. */
  public record HeatMap(List<LocalTime> periods, Map<Cell, PresenceRate> cells) {
    public PresenceRate at(int weekday, LocalTime period) {
      return cells.getOrDefault(new Cell(weekday, period), PresenceRate.NONE);
    }
  }

  /** ISO weekday (1 = Monday) and start time. */
  public record Cell(int weekday, LocalTime period) {}

  public HeatMap heatMap(Course course, LocalDate today) {
    LocalDate from = SchoolCalendar.schoolYearStart(today);
    return db.read(
        em -> {
          @SuppressWarnings("unchecked")
          List<Object[]> rows =
              em.createNativeQuery(
                      "SELECT l.weekday, l.start_time, SUM(l.scheduled_minutes),"
                          + " SUM(CASE WHEN m.category = 'PRESENT' THEN l.scheduled_minutes"
                          + " WHEN m.category = 'LATE' AND l.scheduled_minutes > m.late_minutes"
                          + " THEN l.scheduled_minutes - m.late_minutes ELSE 0 END)"
                          + " FROM mark m JOIN lesson l ON m.lesson_id = l.id"
                          + " WHERE l.course_id = ? AND l.lesson_date BETWEEN ? AND ?"
                          + " GROUP BY l.weekday, l.start_time")
                  .setParameter(1, course.id())
                  .setParameter(2, Date.valueOf(from))
                  .setParameter(3, Date.valueOf(today))
                  .getResultList();
          Map<Cell, PresenceRate> cells = new HashMap<>();
          TreeSet<LocalTime> periods = new TreeSet<>();
          for (Object[] r : rows) {
            LocalTime start = ((Time) r[1]).toLocalTime();
            periods.add(start);
            cells.put(
                new Cell(((Number) r[0]).intValue(), start),
                new PresenceRate(((Number) r[3]).longValue(), ((Number) r[2]).longValue()));
          }
          return new HeatMap(new ArrayList<>(periods), cells);
        });
  }
}
