package nl.samenaanwezig.attendance.imports;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.samenaanwezig.attendance.Lesson;
import nl.samenaanwezig.attendance.LessonRegister;
import nl.samenaanwezig.attendance.MarkCategory;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Role;

/**
 * Imports a file into one course: {@link #read} validates the whole file without writing; {@link
 * #write} upserts its lessons (by source + sender id) and marks (one per student and lesson, a
 * change kept as history) with JDBC batches, one transaction per chunk of whole days, and
 * recomputes those days' figures in SQL. A re-import changes only what differs.
 */
public final class MarkImport {
  /** Marks per transaction (rounded up to a whole day), so each commit leaves figures right. */
  static final int CHUNK_MARKS = 25_000;

  private static final int JDBC_BATCH = 5_000;

  private final Database db;
  private final Memberships memberships;
  private final Clock clock;

  public MarkImport(Database db, Memberships memberships, Clock clock) {
    this.db = db;
    this.memberships = memberships;
    this.clock = clock;
  }

  /** What a write changed. */
  public record Outcome(
      int lessonsCreated,
      int lessonsChanged,
      int marksCreated,
      int marksChanged,
      int marksUnchanged,
      Duration took) {}

  /** Reads and validates a whole file against the course's students; writes nothing. */
  public ImportBatch read(Course course, InputStream in, ImportOptions options) {
    Roster roster = new Roster(memberships.members(course, Role.STUDENT));
    return ImportReader.read(in, roster, options, source -> lessonDates(course, source));
  }

  private Map<String, LocalDate> lessonDates(Course course, Lesson.Source source) {
    return db.read(
        em -> {
          @SuppressWarnings("unchecked")
          List<Object[]> rows =
              em.createNativeQuery(
                      "SELECT external_id, lesson_date FROM lesson WHERE course_id = ? AND source = ?")
                  .setParameter(1, course.id())
                  .setParameter(2, source.name())
                  .getResultList();
          Map<String, LocalDate> dates = new HashMap<>();
          for (Object[] r : rows) {
            dates.put((String) r[0], ((Date) r[1]).toLocalDate());
          }
          return dates;
        });
  }

  /** Writes the batch's valid marks; the caller checked {@link ImportBatch#importable}. */
  public Outcome write(Course course, ImportBatch batch, Long byPersonId) {
    Instant started = clock.instant();
    Timestamp now = Timestamp.from(started.truncatedTo(ChronoUnit.MILLIS));
    int[] order = batch.writeOrder();
    long[] lessonIds = new long[batch.lessonCount()];
    Counts counts = new Counts();
    int from = 0;
    while (from < order.length) {
      int to = from + 1;
      LocalDate first = dateOf(batch, order[from]);
      while (to < order.length
          && (to - from < CHUNK_MARKS
              || dateOf(batch, order[to]).equals(dateOf(batch, order[to - 1])))) {
        to++;
      }
      LocalDate last = dateOf(batch, order[to - 1]);
      int chunkFrom = from;
      int chunkTo = to;
      db.run(
          em -> {
            boolean changed;
            try {
              Connection c = em.unwrap(Connection.class);
              Chunk chunk =
                  new Chunk(
                      c,
                      course.id(),
                      batch,
                      order,
                      chunkFrom,
                      chunkTo,
                      first,
                      last,
                      byPersonId,
                      now);
              changed = chunk.lessons(lessonIds, counts) | chunk.marks(lessonIds, counts);
            } catch (SQLException e) {
              throw new IllegalStateException("import of " + first + ".." + last + " failed", e);
            }
            if (changed) {
              LessonRegister.recomputeDays(em, course, first, last);
            }
          });
      from = to;
    }
    return new Outcome(
        counts.lessonsCreated,
        counts.lessonsChanged,
        counts.marksCreated,
        counts.marksChanged,
        counts.marksUnchanged,
        Duration.between(started, clock.instant()));
  }

  private static LocalDate dateOf(ImportBatch batch, int mark) {
    return batch.lesson(batch.markLesson(mark)).date();
  }

  private static final class Counts {
    int lessonsCreated;
    int lessonsChanged;
    int marksCreated;
    int marksChanged;
    int marksUnchanged;
  }

  /** An existing lesson row. */
  private record StoredLesson(
      long id, LocalTime start, LocalTime end, int scheduled, String group) {}

  /** An existing mark row. */
  private record StoredMark(long id, String category, int lateMinutes) {}

  /** Lesson and student of a mark. */
  private record MarkKey(long lessonId, long personId) {}

  /** The marks of whole days, written in one transaction on one connection. */
  private record Chunk(
      Connection c,
      long courseId,
      ImportBatch batch,
      int[] order,
      int from,
      int to,
      LocalDate first,
      LocalDate last,
      Long by,
      Timestamp now) {

    /** Inserts new lessons, updates changed times; true when something was written. */
    boolean lessons(long[] lessonIds, Counts counts) throws SQLException {
      Map<String, StoredLesson> stored = storedLessons();
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
        int inserts = 0;
        int previous = -1;
        for (int i = from; i < to; i++) {
          int index = batch.markLesson(order[i]);
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
            inserts++;
            continue;
          }
          lessonIds[index] = row.id();
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
            updates++;
          }
        }
        update.executeBatch();
        counts.lessonsChanged += updates;
        if (inserts > 0) {
          insert.executeBatch();
          counts.lessonsCreated += inserts;
          Map<String, StoredLesson> created = storedLessons();
          previous = -1;
          for (int i = from; i < to; i++) {
            int index = batch.markLesson(order[i]);
            if (index != previous) {
              previous = index;
              lessonIds[index] = created.get(batch.lesson(index).externalId()).id();
            }
          }
        }
        return inserts + updates > 0;
      }
    }

    private Map<String, StoredLesson> storedLessons() throws SQLException {
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

    /**
     * Inserts new marks, then their first history rows, and updates changed marks with a history
     * row each; true when something was written.
     */
    boolean marks(long[] lessonIds, Counts counts) throws SQLException {
      Map<MarkKey, StoredMark> stored = storedMarks();
      String via = batch.source().name();
      int[] created = new int[to - from];
      int createdCount = 0;
      int changed = 0;
      try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO mark (lesson_id, person_id, category, late_minutes, registered_by,"
                      + " registered_via, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement update =
              c.prepareStatement(
                  "UPDATE mark SET category = ?, late_minutes = ?, registered_by = ?,"
                      + " registered_via = ?, registered_at = ? WHERE id = ?");
          PreparedStatement history =
              c.prepareStatement(
                  "INSERT INTO mark_change (mark_id, old_category, old_late_minutes,"
                      + " new_category, new_late_minutes, changed_by, changed_via, changed_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int i = from; i < to; i++) {
          int mark = order[i];
          long lessonId = lessonIds[batch.markLesson(mark)];
          long personId = batch.markPerson(mark);
          MarkCategory category = batch.markCategory(mark);
          int late = batch.markLate(mark);
          StoredMark before = stored.isEmpty() ? null : stored.get(new MarkKey(lessonId, personId));
          if (before == null) {
            insert.setLong(1, lessonId);
            insert.setLong(2, personId);
            insert.setString(3, category.name());
            insert.setInt(4, late);
            setPerson(insert, 5);
            insert.setString(6, via);
            insert.setTimestamp(7, now);
            insert.addBatch();
            created[createdCount++] = mark;
            if (createdCount % JDBC_BATCH == 0) {
              insert.executeBatch();
            }
          } else if (before.category().equals(category.name()) && before.lateMinutes() == late) {
            counts.marksUnchanged++;
          } else {
            update.setString(1, category.name());
            update.setInt(2, late);
            setPerson(update, 3);
            update.setString(4, via);
            update.setTimestamp(5, now);
            update.setLong(6, before.id());
            update.addBatch();
            history(history, before.id(), before.category(), before.lateMinutes(), category, late);
            changed++;
          }
        }
        insert.executeBatch();
        update.executeBatch();
        if (createdCount > 0) {
          // The new marks' ids, read back with the same (index) plan as the marks before.
          Map<MarkKey, StoredMark> withIds = storedMarks();
          for (int i = 0; i < createdCount; i++) {
            int mark = created[i];
            long id =
                withIds
                    .get(new MarkKey(lessonIds[batch.markLesson(mark)], batch.markPerson(mark)))
                    .id();
            history(history, id, null, null, batch.markCategory(mark), batch.markLate(mark));
            if ((i + 1) % JDBC_BATCH == 0) {
              history.executeBatch();
            }
          }
        }
        history.executeBatch();
      }
      counts.marksCreated += createdCount;
      counts.marksChanged += changed;
      return createdCount + changed > 0;
    }

    private void history(
        PreparedStatement history,
        long markId,
        String oldCategory,
        Integer oldLate,
        MarkCategory category,
        int late)
        throws SQLException {
      history.setLong(1, markId);
      history.setString(2, oldCategory);
      if (oldLate == null) {
        history.setNull(3, Types.INTEGER);
      } else {
        history.setInt(3, oldLate);
      }
      history.setString(4, category.name());
      history.setInt(5, late);
      setPerson(history, 6);
      history.setString(7, batch.source().name());
      history.setTimestamp(8, now);
      history.addBatch();
    }

    private Map<MarkKey, StoredMark> storedMarks() throws SQLException {
      Map<MarkKey, StoredMark> stored = new HashMap<>();
      try (PreparedStatement q =
          c.prepareStatement(
              "SELECT m.id, m.lesson_id, m.person_id, m.category, m.late_minutes"
                  + " FROM mark m JOIN lesson l ON m.lesson_id = l.id"
                  + " WHERE l.course_id = ? AND l.source = ? AND l.lesson_date BETWEEN ? AND ?")) {
        q.setLong(1, courseId);
        q.setString(2, batch.source().name());
        q.setDate(3, Date.valueOf(first));
        q.setDate(4, Date.valueOf(last));
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            stored.put(
                new MarkKey(rs.getLong(2), rs.getLong(3)),
                new StoredMark(rs.getLong(1), rs.getString(4), rs.getInt(5)));
          }
        }
      }
      return stored;
    }

    private void setPerson(PreparedStatement ps, int index) throws SQLException {
      if (by == null) {
        ps.setNull(index, Types.BIGINT);
      } else {
        ps.setLong(index, by);
      }
    }
  }
}
