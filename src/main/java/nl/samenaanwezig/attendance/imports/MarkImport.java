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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.samenaanwezig.attendance.Lesson;
import nl.samenaanwezig.attendance.LessonRegister;
import nl.samenaanwezig.attendance.Mark;
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
    boolean[] createdLessons = new boolean[batch.lessonCount()];
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
            boolean lessonsChanged;
            Chunk.Written written;
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
              lessonsChanged = chunk.lessons(lessonIds, createdLessons, counts);
              written = chunk.marks(lessonIds, createdLessons, counts);
            } catch (SQLException e) {
              throw new IllegalStateException("import of " + first + ".." + last + " failed", e);
            }
            // New marks or new lesson times: recompute the days in SQL. Only changed marks (a
            // re-import with a few corrections): add their differences instead.
            if (lessonsChanged || written.created() > 0) {
              LessonRegister.recomputeDays(em, course, first, last);
            } else if (!written.changes().isEmpty()) {
              LessonRegister.adjustDays(em, course, written.changes());
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

  /** An existing mark row with its registration (who, how, when), which a change keeps. */
  private record StoredMark(
      long id, String category, int lateMinutes, Long by, String via, Timestamp at) {}

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
    boolean lessons(long[] lessonIds, boolean[] createdLessons, Counts counts) throws SQLException {
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
            String externalId = batch.lesson(index).externalId();
            if (index != previous && !stored.containsKey(externalId)) {
              lessonIds[index] = created.get(externalId).id();
              createdLessons[index] = true;
            }
            previous = index;
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

    /** What {@link #marks} wrote: how many new marks, and each changed one. */
    record Written(int created, List<LessonRegister.DayChange> changes) {}

    /**
     * Inserts new marks (many rows per statement; a new mark has no history row) and updates
     * changed marks with a history row each, which keeps the registration it replaced. Marks come
     * grouped by lesson; only lessons that existed before this chunk are read, one at a time
     * through the {@code mark_unique} index (a lesson created in this chunk has no marks yet: a
     * course's first import reads nothing).
     */
    Written marks(long[] lessonIds, boolean[] createdLessons, Counts counts) throws SQLException {
      String via = batch.source().name();
      int createdCount = 0;
      List<LessonRegister.DayChange> changes = new ArrayList<>();
      try (NewMarks inserts = new NewMarks(c, via, by, now);
          PreparedStatement existing =
              c.prepareStatement(
                  "SELECT id, person_id, category, late_minutes, registered_by, registered_via,"
                      + " registered_at FROM mark WHERE lesson_id = ?");
          PreparedStatement update =
              c.prepareStatement(
                  "UPDATE mark SET category = ?, late_minutes = ?, registered_by = ?,"
                      + " registered_via = ?, registered_at = ? WHERE id = ?");
          PreparedStatement history =
              c.prepareStatement(
                  "INSERT INTO mark_change (mark_id, old_category, old_late_minutes, old_by,"
                      + " old_via, old_at, new_category, new_late_minutes, changed_by,"
                      + " changed_via, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        int i = from;
        while (i < to) {
          int lessonIndex = batch.markLesson(order[i]);
          int end = i;
          while (end < to && batch.markLesson(order[end]) == lessonIndex) {
            end++;
          }
          long lessonId = lessonIds[lessonIndex];
          Map<Long, StoredMark> stored =
              createdLessons[lessonIndex] ? Map.of() : storedMarks(existing, lessonId);
          for (int k = i; k < end; k++) {
            int mark = order[k];
            long personId = batch.markPerson(mark);
            MarkCategory category = batch.markCategory(mark);
            int late = batch.markLate(mark);
            StoredMark before = stored.get(personId);
            if (before == null) {
              inserts.add(lessonId, personId, category, late);
              createdCount++;
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
              history(history, before, category, late);
              ImportBatch.FileLesson lesson = batch.lesson(lessonIndex);
              changes.add(
                  new LessonRegister.DayChange(
                      personId,
                      lesson.date(),
                      lesson.minutes(),
                      new Mark.Entry(MarkCategory.valueOf(before.category()), before.lateMinutes()),
                      new Mark.Entry(category, late)));
            }
          }
          i = end;
        }
        inserts.flush();
        update.executeBatch();
        history.executeBatch();
      }
      counts.marksCreated += createdCount;
      counts.marksChanged += changes.size();
      return new Written(createdCount, changes);
    }

    private void history(
        PreparedStatement history, StoredMark before, MarkCategory category, int late)
        throws SQLException {
      history.setLong(1, before.id());
      history.setString(2, before.category());
      history.setInt(3, before.lateMinutes());
      if (before.by() == null) {
        history.setNull(4, Types.BIGINT);
      } else {
        history.setLong(4, before.by());
      }
      history.setString(5, before.via());
      history.setTimestamp(6, before.at());
      history.setString(7, category.name());
      history.setInt(8, late);
      setPerson(history, 9);
      history.setString(10, batch.source().name());
      history.setTimestamp(11, now);
      history.addBatch();
    }

    /** The marks of one lesson by student. */
    private static Map<Long, StoredMark> storedMarks(PreparedStatement q, long lessonId)
        throws SQLException {
      Map<Long, StoredMark> stored = new HashMap<>();
      q.setLong(1, lessonId);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          long byId = rs.getLong(5);
          Long by = rs.wasNull() ? null : byId;
          stored.put(
              rs.getLong(2),
              new StoredMark(
                  rs.getLong(1),
                  rs.getString(3),
                  rs.getInt(4),
                  by,
                  rs.getString(6),
                  rs.getTimestamp(7)));
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
