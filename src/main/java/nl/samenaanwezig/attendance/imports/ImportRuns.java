package nl.samenaanwezig.attendance.imports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;
import nl.samenaanwezig.db.Database;

/**
 * One import per course at a time, across every node of the tool: an import writes in several
 * transactions (chunks of days), so two at once into one course would insert the same lessons and
 * marks. The claim is a row in {@code import_run} keyed by the course; the database's primary key
 * decides who has it.
 */
final class ImportRuns {
  /** A claim this old was left by a node that stopped mid-import (1M marks take seconds). */
  static final Duration STALE = Duration.ofHours(1);

  private final Database db;
  private final Clock clock;

  ImportRuns(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Runs the work as the course's only import, or returns empty when another one is running. */
  <T> Optional<T> exclusively(long courseId, Supplier<T> work) {
    Instant started = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (!claim(courseId, started)) {
      return Optional.empty();
    }
    try {
      return Optional.of(work.get());
    } finally {
      db.run(
          em ->
              em.createNativeQuery("DELETE FROM import_run WHERE course_id = ? AND started_at = ?")
                  .setParameter(1, courseId)
                  .setParameter(2, Timestamp.from(started))
                  .executeUpdate());
    }
  }

  private boolean claim(long courseId, Instant started) {
    try {
      return db.tx(
          em -> {
            em.createNativeQuery("DELETE FROM import_run WHERE course_id = ? AND started_at < ?")
                .setParameter(1, courseId)
                .setParameter(2, Timestamp.from(started.minus(STALE)))
                .executeUpdate();
            Number running =
                (Number)
                    em.createNativeQuery("SELECT COUNT(*) FROM import_run WHERE course_id = ?")
                        .setParameter(1, courseId)
                        .getSingleResult();
            if (running.longValue() > 0) {
              return false;
            }
            // Two claims at the same moment: the primary key lets one in.
            em.createNativeQuery("INSERT INTO import_run (course_id, started_at) VALUES (?, ?)")
                .setParameter(1, courseId)
                .setParameter(2, Timestamp.from(started))
                .executeUpdate();
            return true;
          });
    } catch (RuntimeException e) {
      if (Database.lostRace(e)) {
        return false;
      }
      throw e;
    }
  }
}
