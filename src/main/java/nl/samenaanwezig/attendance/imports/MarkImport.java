package nl.samenaanwezig.attendance.imports;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.samenaanwezig.attendance.Lesson;
import nl.samenaanwezig.attendance.LessonRegister;
import nl.samenaanwezig.attendance.Mark;
import nl.samenaanwezig.attendance.MarkCategory;
import nl.samenaanwezig.attendance.NewDays;
import nl.samenaanwezig.attendance.Policies;
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

  /**
   * Threads writing one import's chunks at once, at most one per processor: each chunk is CPU work
   * in Derby (row and index maintenance), and chunks of different days touch different rows.
   */
  static final int WRITERS = Math.min(4, Runtime.getRuntime().availableProcessors());

  /** Below this many chunks per writer a file is written by one thread. */
  static final int MIN_CHUNKS_PER_WRITER = 2;

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

  /**
   * Writes the batch's valid marks; the caller checked {@link ImportBatch#importable}. First the
   * file's lessons, in one transaction ({@link FileLessons}); then the marks in chunks of whole
   * days, one transaction each. A file of many chunks is written by {@link #WRITERS} threads at
   * once, each taking a run of consecutive days, so that what one writer reads at the edge of its
   * chunk belongs to its own next chunk or was committed long before. A chunk that loses a lock
   * conflict anyway runs again ({@link Database#txRetryingConflicts}); a chunk that fails stops the
   * writers before their next chunk and its error is thrown. What was committed stays, and
   * importing the file again completes it.
   */
  public Outcome write(Course course, ImportBatch batch, Long byPersonId) {
    Instant started = clock.instant();
    Timestamp now = Timestamp.from(started.truncatedTo(ChronoUnit.MILLIS));
    FileLessons.Written lessons =
        db.txRetryingConflicts(
            em -> {
              FileLessons.Written written;
              try {
                written = FileLessons.write(em.unwrap(Connection.class), course.id(), batch, now);
              } catch (SQLException e) {
                throw new IllegalStateException("import of the lessons failed", e);
              }
              // A lesson with new times changes the figures of the marks it already has.
              for (LocalDate day : written.changedDays()) {
                LessonRegister.recomputeDays(em, course, day, day);
              }
              return written;
            });
    List<int[]> chunks = chunks(batch, batch.writeOrder());
    int writers = Math.min(WRITERS, chunks.size() / MIN_CHUNKS_PER_WRITER);
    List<Counts> counts = new ArrayList<>();
    AtomicBoolean failed = new AtomicBoolean();
    if (writers <= 1) {
      counts.add(writeRun(course, batch, byPersonId, now, lessons, chunks, failed));
    } else {
      ExecutorService pool =
          Executors.newFixedThreadPool(
              writers,
              r -> {
                Thread t = new Thread(r, "import-writer-" + course.id());
                t.setDaemon(true);
                return t;
              });
      try {
        List<Future<Counts>> runs = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
          List<int[]> run =
              chunks.subList(chunks.size() * w / writers, chunks.size() * (w + 1) / writers);
          runs.add(
              pool.submit(
                  () -> {
                    try {
                      return writeRun(course, batch, byPersonId, now, lessons, run, failed);
                    } catch (RuntimeException e) {
                      failed.set(true);
                      throw e;
                    }
                  }));
        }
        RuntimeException error = null;
        for (Future<Counts> run : runs) {
          try {
            counts.add(run.get());
          } catch (ExecutionException e) {
            RuntimeException cause =
                e.getCause() instanceof RuntimeException r
                    ? r
                    : new IllegalStateException("import failed", e.getCause());
            if (error == null) {
              error = cause;
            } else {
              error.addSuppressed(cause);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed.set(true);
            throw new IllegalStateException("import interrupted", e);
          }
        }
        if (error != null) {
          throw error;
        }
      } finally {
        pool.shutdown();
      }
    }
    Counts total = new Counts();
    counts.forEach(total::add);
    return new Outcome(
        lessons.inserted(),
        lessons.updated(),
        total.marksCreated,
        total.marksChanged,
        total.marksUnchanged,
        Duration.between(started, clock.instant()));
  }

  /** Chunks of about {@link #CHUNK_MARKS} marks in write order, rounded up to whole days. */
  private static List<int[]> chunks(ImportBatch batch, int[] order) {
    List<int[]> chunks = new ArrayList<>();
    int from = 0;
    while (from < order.length) {
      int to = from + 1;
      while (to < order.length
          && (to - from < CHUNK_MARKS
              || dateOf(batch, order[to]).equals(dateOf(batch, order[to - 1])))) {
        to++;
      }
      chunks.add(new int[] {from, to});
      from = to;
    }
    return chunks;
  }

  /** Writes consecutive chunks, one transaction each, until done or a writer failed. */
  private Counts writeRun(
      Course course,
      ImportBatch batch,
      Long byPersonId,
      Timestamp now,
      FileLessons.Written lessons,
      List<int[]> run,
      AtomicBoolean failed) {
    int[] order = batch.writeOrder();
    Counts counts = new Counts();
    for (int[] bounds : run) {
      if (failed.get()) {
        break;
      }
      Chunk.Written written =
          db.txRetryingConflicts(
              em -> {
                Connection c = em.unwrap(Connection.class);
                Chunk chunk = new Chunk(c, batch, order, bounds, byPersonId, now);
                Chunk.Written w;
                try {
                  // Days without marks yet (a first import): sum the new marks' figures while
                  // writing them instead of reading them back.
                  NewDays days =
                      NewDays.noneBetween(c, course.id(), chunk.first(), chunk.last())
                          ? new NewDays(Policies.of(em, course.platform().institution().id()))
                          : null;
                  w = chunk.marks(lessons.ids(), lessons.created(), days);
                  if (days != null && w.changes().isEmpty() && w.unchanged() == 0) {
                    days.insert(c, course.id());
                    return w;
                  }
                } catch (SQLException e) {
                  throw new IllegalStateException(
                      "import of " + chunk.first() + ".." + chunk.last() + " failed", e);
                }
                // New marks among others: recompute the days in SQL. Only changed marks (a
                // re-import with a few corrections): add their differences instead.
                if (w.created() > 0) {
                  LessonRegister.recomputeDays(em, course, chunk.first(), chunk.last());
                } else if (!w.changes().isEmpty()) {
                  LessonRegister.adjustDays(em, course, w.changes());
                }
                return w;
              });
      counts.marksCreated += written.created();
      counts.marksChanged += written.changes().size();
      counts.marksUnchanged += written.unchanged();
    }
    return counts;
  }

  private static LocalDate dateOf(ImportBatch batch, int mark) {
    return batch.lesson(batch.markLesson(mark)).date();
  }

  /** Marks written by one writer. */
  private static final class Counts {
    int marksCreated;
    int marksChanged;
    int marksUnchanged;

    void add(Counts other) {
      marksCreated += other.marksCreated;
      marksChanged += other.marksChanged;
      marksUnchanged += other.marksUnchanged;
    }
  }

  /** An existing mark row with its registration (who, how, when), which a change keeps. */
  private record StoredMark(
      long id, String category, int lateMinutes, Long by, String via, Timestamp at) {}

  /** The marks of whole days ({@code bounds}: from, to in the write order), on one connection. */
  private record Chunk(
      Connection c, ImportBatch batch, int[] order, int[] bounds, Long by, Timestamp now) {

    LocalDate first() {
      return dateOf(batch, order[bounds[0]]);
    }

    LocalDate last() {
      return dateOf(batch, order[bounds[1] - 1]);
    }

    /** What {@link #marks} wrote: how many new marks, each changed one, how many were equal. */
    record Written(int created, List<LessonRegister.DayChange> changes, int unchanged) {}

    /**
     * Inserts new marks (many rows per statement; a new mark has no history row) and updates
     * changed marks with a history row each, which keeps the registration it replaced. Marks come
     * grouped by lesson; only lessons that existed before this import are read, one at a time
     * through the {@code mark_unique} index (a lesson this import created has no marks yet: a
     * course's first import reads nothing).
     */
    Written marks(long[] lessonIds, boolean[] createdLessons, NewDays days) throws SQLException {
      String via = batch.source().name();
      int createdCount = 0;
      int unchanged = 0;
      int from = bounds[0];
      int to = bounds[1];
      List<LessonRegister.DayChange> changes = new ArrayList<>();
      try (NewMarks inserts = new NewMarks(c, via, by, now);
          PreparedStatement existing =
              c.prepareStatement(
                  "SELECT id, person_id, category, late_minutes, registered_by, registered_via,"
                      + " registered_at FROM mark --DERBY-PROPERTIES constraint=MARK_UNIQUE\n"
                      + " WHERE lesson_id = ?");
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
              if (days != null) {
                ImportBatch.FileLesson lesson = batch.lesson(lessonIndex);
                days.add(personId, lesson.date(), lesson.minutes(), category, late);
              }
            } else if (before.category().equals(category.name()) && before.lateMinutes() == late) {
              unchanged++;
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
      return new Written(createdCount, changes, unchanged);
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
