package nl.samenaanwezig.attendance.imports;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The lessons of an import file, upserted by (course, source, sender id) in one transaction before
 * any mark is written: new lessons are inserted, lessons whose times or group changed are updated.
 * Only lessons with at least one valid mark are written. A new lesson has no marks yet, so it
 * changes no figures; the days of a changed lesson are recomputed by the caller in the same
 * transaction.
 */
final class FileLessons {
  private FileLessons() {}

  /**
   * What was written: the database id of every lesson of the file (by its index in the batch),
   * which of them were created, and the days of the lessons whose times changed.
   */
  record Written(
      long[] ids, boolean[] created, int inserted, int updated, SortedSet<LocalDate> changedDays) {}

  /** An existing lesson row. */
  private record StoredLesson(
      long id, LocalTime start, LocalTime end, int scheduled, String group) {}

  static Written write(Connection c, long courseId, ImportBatch batch, Timestamp now)
      throws SQLException {
    int[] order = batch.writeOrder();
    long[] ids = new long[batch.lessonCount()];
    boolean[] created = new boolean[batch.lessonCount()];
    SortedSet<LocalDate> changedDays = new TreeSet<>();
    if (order.length == 0) {
      return new Written(ids, created, 0, 0, changedDays);
    }
    // Marks are in lesson date order, so the file's dates run from the first mark's to the last's.
    LocalDate first = batch.lesson(batch.markLesson(order[0])).date();
    LocalDate last = batch.lesson(batch.markLesson(order[order.length - 1])).date();
    Map<String, StoredLesson> stored = stored(c, courseId, batch, first, last);
    int inserts = 0;
    int updates = 0;
    try (PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO lesson (course_id, lesson_date, start_time, end_time,"
                    + " scheduled_minutes, group_name, source, external_id, created_at,"
                    + " weekday) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE lesson SET start_time = ?, end_time = ?, scheduled_minutes = ?,"
                    + " group_name = ? WHERE id = ?")) {
      int previous = -1;
      for (int mark : order) {
        int index = batch.markLesson(mark);
        if (index == previous) {
          continue;
        }
        previous = index;
        ImportBatch.FileLesson lesson = batch.lesson(index);
        StoredLesson row = stored.get(lesson.externalId());
        if (row == null) {
          insert.setLong(1, courseId);
          insert.setDate(2, Date.valueOf(lesson.date()));
          insert.setTime(3, Time.valueOf(lesson.start()));
          insert.setTime(4, Time.valueOf(lesson.end()));
          insert.setInt(5, lesson.minutes());
          insert.setString(6, lesson.group());
          insert.setString(7, batch.source().name());
          insert.setString(8, lesson.externalId());
          insert.setTimestamp(9, now);
          insert.setShort(10, (short) lesson.date().getDayOfWeek().getValue());
          insert.addBatch();
          created[index] = true;
          inserts++;
          continue;
        }
        ids[index] = row.id();
        if (!row.start().equals(lesson.start())
            || !row.end().equals(lesson.end())
            || row.scheduled() != lesson.minutes()
            || !Objects.equals(row.group(), lesson.group())) {
          update.setTime(1, Time.valueOf(lesson.start()));
          update.setTime(2, Time.valueOf(lesson.end()));
          update.setInt(3, lesson.minutes());
          update.setString(4, lesson.group());
          update.setLong(5, row.id());
          update.addBatch();
          changedDays.add(lesson.date());
          updates++;
        }
      }
      update.executeBatch();
      if (inserts > 0) {
        insert.executeBatch();
        Map<String, StoredLesson> after = stored(c, courseId, batch, first, last);
        for (int index = 0; index < created.length; index++) {
          if (created[index]) {
            ids[index] = after.get(batch.lesson(index).externalId()).id();
          }
        }
      }
    }
    return new Written(ids, created, inserts, updates, changedDays);
  }

  private static Map<String, StoredLesson> stored(
      Connection c, long courseId, ImportBatch batch, LocalDate first, LocalDate last)
      throws SQLException {
    Map<String, StoredLesson> stored = new HashMap<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT id, external_id, start_time, end_time, scheduled_minutes, group_name"
                + " FROM lesson WHERE course_id = ? AND source = ?"
                + " AND lesson_date BETWEEN ? AND ?")) {
      q.setLong(1, courseId);
      q.setString(2, batch.source().name());
      q.setDate(3, Date.valueOf(first));
      q.setDate(4, Date.valueOf(last));
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          stored.put(
              rs.getString(2),
              new StoredLesson(
                  rs.getLong(1),
                  rs.getTime(3).toLocalTime(),
                  rs.getTime(4).toLocalTime(),
                  rs.getInt(5),
                  rs.getString(6)));
        }
      }
    }
    return stored;
  }
}
