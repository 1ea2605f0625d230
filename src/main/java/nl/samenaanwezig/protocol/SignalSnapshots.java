package nl.samenaanwezig.protocol;

import static nl.samenaanwezig.db.Sql.number;
import static nl.samenaanwezig.db.Sql.rows;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;

/**
 * The institution's signal list as last evaluated ({@code signal_snapshot}). Evaluating every
 * student of a school of 20,000 takes seconds, too long for a page; the administrator's list reads
 * this instead. It is refreshed by the housekeeping job, at the first view of a school day, when
 * the administrator asks, and for one student at once when a step is taken for them. The mentor's
 * pages evaluate live; they cover one class.
 */
public final class SignalSnapshots {
  private final Database db;
  private final Signals signals;
  private final Clock clock;

  public SignalSnapshots(Database db, Signals signals, Clock clock) {
    this.db = db;
    this.signals = signals;
    this.clock = clock;
  }

  /** Today's signals of the institution and when they were computed. */
  public record Snapshot(List<Signal> signals, Instant computedAt) {}

  /** The stored signals of today; computed now when there are none for today yet. */
  public Snapshot of(long institutionId) {
    LocalDate today = signals.today();
    Optional<Instant> computed = computedAt(institutionId, today);
    if (computed.isEmpty()) {
      refresh(institutionId);
      computed = computedAt(institutionId, today);
    }
    Instant at = computed.orElseGet(clock::instant);
    // A (read-only) transaction: the rows are read through its JDBC connection.
    return new Snapshot(db.tx(em -> read(em, institutionId)), at);
  }

  private Optional<Instant> computedAt(long institutionId, LocalDate today) {
    return db.read(
        em ->
            rows(
                    em,
                    "SELECT computed_at, school_day FROM signal_snapshot_run"
                        + " WHERE institution_id = ?",
                    List.of(institutionId))
                .stream()
                .filter(r -> toLocalDate(r[1]).equals(today))
                .map(r -> ((Timestamp) r[0]).toInstant())
                .findFirst());
  }

  /** Evaluates every student of the institution and replaces its rows. */
  public void refresh(long institutionId) {
    LocalDate today = signals.today();
    List<Signal> all = signals.forInstitution(institutionId, today);
    db.run(
        em -> {
          lock(em, institutionId, today);
          em.createNativeQuery("DELETE FROM signal_snapshot WHERE institution_id = ?")
              .setParameter(1, institutionId)
              .executeUpdate();
          insert(em, institutionId, all);
        });
  }

  /** Re-evaluates one student (after a step was taken) and replaces their rows, if any exist. */
  public void refreshStudent(Course course, long personId) {
    long institutionId = course.platform().institution().id();
    LocalDate today = signals.today();
    if (computedAt(institutionId, today).isEmpty()) {
      return;
    }
    List<Signal> now = signals.forStudent(course, personId, today);
    db.run(
        em -> {
          lock(em, institutionId, today);
          // Shown under the course the full refresh chose, not the one the step was taken in.
          Long shownUnder =
              rows(
                      em,
                      "SELECT course_id, 0 FROM signal_snapshot"
                          + " WHERE institution_id = ? AND person_id = ?",
                      List.of(institutionId, personId))
                  .stream()
                  .map(r -> number(r[0]))
                  .findFirst()
                  .orElse(course.id());
          em.createNativeQuery(
                  "DELETE FROM signal_snapshot WHERE institution_id = ? AND person_id = ?")
              .setParameter(1, institutionId)
              .setParameter(2, personId)
              .executeUpdate();
          List<Signal> moved = new ArrayList<>();
          for (Signal s : now) {
            moved.add(
                new Signal(
                    shownUnder, s.personId(), s.step(), s.status(), s.finding(), s.handledBy()));
          }
          insert(em, institutionId, moved);
        });
  }

  /**
   * Forgets the institution's list (its calendar or categories changed): the next view evaluates it
   * again.
   */
  public void forget(long institutionId) {
    db.run(
        em ->
            em.createNativeQuery("DELETE FROM signal_snapshot_run WHERE institution_id = ?")
                .setParameter(1, institutionId)
                .executeUpdate());
  }

  /** Refreshes every institution that has courses (the housekeeping job). */
  public void refreshAll() {
    List<Long> institutions =
        db.read(
            em ->
                rows(
                        em,
                        "SELECT DISTINCT p.institution_id, 0 FROM course c"
                            + " JOIN platform p ON p.id = c.platform_id",
                        List.of())
                    .stream()
                    .map(r -> number(r[0]))
                    .toList());
    institutions.forEach(this::refresh);
  }

  /**
   * Takes the institution's run row (insert or update) first: its row lock keeps a second refresh
   * (another node) waiting until this one committed, so their deletes and inserts never interleave.
   */
  private void lock(EntityManager em, long institutionId, LocalDate today) {
    Timestamp now = Timestamp.from(clock.instant());
    int updated =
        em.createNativeQuery(
                "UPDATE signal_snapshot_run SET school_day = ?, computed_at = ?"
                    + " WHERE institution_id = ?")
            .setParameter(1, Date.valueOf(today))
            .setParameter(2, now)
            .setParameter(3, institutionId)
            .executeUpdate();
    if (updated == 0) {
      em.createNativeQuery(
              "INSERT INTO signal_snapshot_run (institution_id, school_day, computed_at)"
                  + " VALUES (?, ?, ?)")
          .setParameter(1, institutionId)
          .setParameter(2, Date.valueOf(today))
          .setParameter(3, now)
          .executeUpdate();
    }
  }

  private static final String COLUMNS =
      "person_id, course_id, rule, step_level, open_step, fact, amount, from_day, to_day,"
          + " since_day, due_day, ack_id, ack_by, ack_at, ack_reported_on, ack_note";

  private static void insert(EntityManager em, long institutionId, List<Signal> all) {
    try (PreparedStatement insert =
        em.unwrap(Connection.class)
            .prepareStatement(
                "INSERT INTO signal_snapshot (institution_id, "
                    + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int batch = 0;
      for (Signal s : all) {
        Finding f = s.finding();
        Signal.Handling h = s.handledBy();
        insert.setLong(1, institutionId);
        insert.setLong(2, s.personId());
        insert.setLong(3, s.courseId());
        insert.setString(4, s.rule().name());
        insert.setInt(5, s.step().level());
        insert.setBoolean(6, s.open());
        insert.setString(7, f == null ? null : f.fact());
        insert.setLong(8, f == null ? 0 : f.amount());
        date(insert, 9, f == null ? null : f.from());
        date(insert, 10, f == null ? null : f.to());
        date(insert, 11, f == null ? null : f.since());
        date(insert, 12, f == null ? null : f.due());
        if (h == null) {
          insert.setNull(13, Types.BIGINT);
          insert.setNull(14, Types.VARCHAR);
          insert.setNull(15, Types.TIMESTAMP);
          insert.setNull(16, Types.DATE);
          insert.setNull(17, Types.VARCHAR);
        } else {
          insert.setLong(13, h.ackId());
          insert.setString(14, h.by());
          insert.setTimestamp(15, Timestamp.from(h.at()));
          date(insert, 16, h.reportedOn());
          insert.setString(17, h.note());
        }
        insert.addBatch();
        if (++batch % 500 == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new PersistenceException("signal snapshot not written", e);
    }
  }

  private static void date(PreparedStatement statement, int index, LocalDate day)
      throws SQLException {
    if (day == null) {
      statement.setNull(index, Types.DATE);
    } else {
      statement.setDate(index, Date.valueOf(day));
    }
  }

  private static List<Signal> read(EntityManager em, long institutionId) {
    List<Signal> all = new ArrayList<>();
    try (PreparedStatement query =
        em.unwrap(Connection.class)
            .prepareStatement(
                "SELECT " + COLUMNS + " FROM signal_snapshot WHERE institution_id = ?")) {
      query.setLong(1, institutionId);
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          Rule rule = Rule.valueOf(r.getString(3));
          int level = r.getInt(4);
          boolean open = r.getBoolean(5);
          String fact = r.getString(6);
          Finding finding =
              fact == null
                  ? null
                  : new Finding(
                      rule,
                      level,
                      fact,
                      r.getLong(7),
                      localDate(r.getDate(8)),
                      localDate(r.getDate(9)),
                      localDate(r.getDate(10)),
                      localDate(r.getDate(11)));
          long ackId = r.getLong(12);
          Signal.Handling handling =
              r.wasNull()
                  ? null
                  : new Signal.Handling(
                      ackId,
                      r.getString(13),
                      r.getTimestamp(14).toInstant(),
                      localDate(r.getDate(15)),
                      r.getString(16));
          all.add(
              new Signal(
                  r.getLong(2),
                  r.getLong(1),
                  ProtocolStep.of(rule, level),
                  open ? Signal.Status.OPEN : Signal.Status.HANDLED,
                  finding,
                  handling));
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("signal snapshot not read", e);
    }
    return all;
  }

  private static LocalDate localDate(java.sql.Date day) {
    return day == null ? null : day.toLocalDate();
  }

  private static LocalDate toLocalDate(Object value) {
    return value instanceof java.sql.Date d ? d.toLocalDate() : LocalDate.parse(value.toString());
  }
}
