package nl.samenaanwezig.attendance;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The day figures of a bulk write into days that had no marks in the course: summed in Java from
 * the new marks as they are written ({@link DayDelta}, as a registration sums them) and inserted
 * {@value #ROWS} rows per statement, instead of reading the marks back and grouping them in SQL.
 * Only valid when {@link #noneBetween} held in the same transaction before the first mark was
 * written, and only new marks were written: the figures of a day are then exactly the sum of them.
 */
public final class NewDays {
  static final int ROWS = 100;
  private static final String INSERT =
      "INSERT INTO presence_day (course_id, person_id, day, lessons, scheduled_minutes,"
          + " attended_minutes, unexcused_minutes, late_count, sick_lessons, absent_lessons,"
          + " luxury_lessons) VALUES ";
  private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private record PersonDay(long personId, LocalDate day) {}

  private final CategoryPolicy policy;
  private final Map<PersonDay, DayDelta> days = new HashMap<>();

  public NewDays(CategoryPolicy policy) {
    this.policy = policy;
  }

  /** True when the course has no day figures in the period, so no marks on those days. */
  public static boolean noneBetween(Connection c, long courseId, LocalDate first, LocalDate last)
      throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT COUNT(*) FROM presence_day WHERE course_id = ? AND day BETWEEN ? AND ?")) {
      q.setLong(1, courseId);
      q.setDate(2, Date.valueOf(first));
      q.setDate(3, Date.valueOf(last));
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1) == 0;
      }
    }
  }

  /** Adds a new mark of a lesson of {@code scheduledMinutes} on {@code day}. */
  public void add(
      long personId, LocalDate day, int scheduledMinutes, MarkCategory category, int lateMinutes) {
    days.merge(
        new PersonDay(personId, day),
        DayDelta.of(new Mark.Entry(category, lateMinutes), scheduledMinutes, policy),
        DayDelta::plus);
  }

  /** Inserts the summed days of the course. */
  public void insert(Connection c, long courseId) throws SQLException {
    List<Map.Entry<PersonDay, DayDelta>> rows = new ArrayList<>(days.entrySet());
    int full = rows.size() - rows.size() % ROWS;
    if (full > 0) {
      try (PreparedStatement many =
          c.prepareStatement(INSERT + String.join(", ", Collections.nCopies(ROWS, ROW)))) {
        for (int from = 0; from < full; from += ROWS) {
          for (int i = 0; i < ROWS; i++) {
            bind(many, i * 11, courseId, rows.get(from + i));
          }
          many.executeUpdate();
        }
      }
    }
    if (full < rows.size()) {
      try (PreparedStatement one = c.prepareStatement(INSERT + ROW)) {
        for (int r = full; r < rows.size(); r++) {
          bind(one, 0, courseId, rows.get(r));
          one.addBatch();
        }
        one.executeBatch();
      }
    }
  }

  private static void bind(
      PreparedStatement ps, int offset, long courseId, Map.Entry<PersonDay, DayDelta> row)
      throws SQLException {
    DayDelta d = row.getValue();
    ps.setLong(offset + 1, courseId);
    ps.setLong(offset + 2, row.getKey().personId());
    ps.setDate(offset + 3, Date.valueOf(row.getKey().day()));
    ps.setInt(offset + 4, d.lessons());
    ps.setInt(offset + 5, d.scheduled());
    ps.setInt(offset + 6, d.attended());
    ps.setInt(offset + 7, d.unexcused());
    ps.setInt(offset + 8, d.late());
    ps.setInt(offset + 9, d.sick());
    ps.setInt(offset + 10, d.absent());
    ps.setInt(offset + 11, d.luxury());
  }
}
