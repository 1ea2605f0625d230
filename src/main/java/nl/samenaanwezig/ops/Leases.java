package nl.samenaanwezig.ops;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import nl.samenaanwezig.db.Database;

/**
 * The rows of {@code job_lease}: a node may run a job only after taking its row, and it takes the
 * row only when the job is due and no other node's lease is live. The database decides between
 * nodes: one conditional UPDATE, or the primary key when the first two nodes insert the row.
 */
final class Leases {
  private final Database db;
  private final String holder;

  Leases(Database db, String holder) {
    this.db = db;
    this.holder = holder;
  }

  String holder() {
    return holder;
  }

  /**
   * Takes the job's lease until {@code now + lease} when the job is due; false when it is not due
   * yet or another node holds it. A node that stopped mid-run holds it only until its lease ends.
   */
  boolean take(String job, Instant now, Duration lease) {
    Timestamp at = Timestamp.from(now.truncatedTo(ChronoUnit.MILLIS));
    Timestamp until = Timestamp.from(now.plus(lease).truncatedTo(ChronoUnit.MILLIS));
    try {
      return db.tx(
          em -> {
            int taken =
                em.createNativeQuery(
                        "UPDATE job_lease SET holder = ?, lease_until = ?"
                            + " WHERE job_name = ? AND due_at <= ? AND lease_until <= ?")
                    .setParameter(1, holder)
                    .setParameter(2, until)
                    .setParameter(3, job)
                    .setParameter(4, at)
                    .setParameter(5, at)
                    .executeUpdate();
            if (taken == 1) {
              return true;
            }
            Number rows =
                (Number)
                    em.createNativeQuery("SELECT COUNT(*) FROM job_lease WHERE job_name = ?")
                        .setParameter(1, job)
                        .getSingleResult();
            if (rows.longValue() > 0) {
              return false;
            }
            // The job's first run anywhere; two nodes at once: the primary key lets one in.
            em.createNativeQuery(
                    "INSERT INTO job_lease (job_name, holder, lease_until, due_at)"
                        + " VALUES (?, ?, ?, ?)")
                .setParameter(1, job)
                .setParameter(2, holder)
                .setParameter(3, until)
                .setParameter(4, at)
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

  /**
   * Ends this node's run: the lease is free from {@code now}, and the job is next due at {@code
   * due}. Changes nothing when another node has taken the lease meanwhile (this run outlasted it).
   */
  void finish(String job, Instant due, Instant now) {
    db.run(
        em ->
            em.createNativeQuery(
                    "UPDATE job_lease SET lease_until = ?, due_at = ?"
                        + " WHERE job_name = ? AND holder = ?")
                .setParameter(1, Timestamp.from(now.truncatedTo(ChronoUnit.MILLIS)))
                .setParameter(2, Timestamp.from(due.truncatedTo(ChronoUnit.MILLIS)))
                .setParameter(3, job)
                .setParameter(4, holder)
                .executeUpdate());
  }
}
