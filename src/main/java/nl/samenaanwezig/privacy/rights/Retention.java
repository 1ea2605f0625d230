package nl.samenaanwezig.privacy.rights;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.privacy.Actor;

/**
 * The retention limit: a student's personal data are erased a number of months (default 12) after
 * they left all courses. A student counts as present while one of their memberships is active and
 * either confirmed by the platform's roster or seen at a launch within that period. The job notes
 * the first day it finds a student gone, forgets it when they come back, and erases them once that
 * day lies the full period back.
 */
public final class Retention {
  public static final int DEFAULT_MONTHS = 12;
  private static final Logger LOG = Logger.getLogger(Retention.class.getName());

  private final Database db;
  private final Erasure erasure;
  private final Clock clock;
  private final int months;

  public Retention(Database db, Erasure erasure, Clock clock, int months) {
    if (months < 1) {
      throw new IllegalArgumentException("the retention period is at least one month");
    }
    this.db = db;
    this.erasure = erasure;
    this.clock = clock;
    this.months = months;
  }

  /**
   * The period set by {@code samen.retention.months} or {@code SA_RETENTION_MONTHS}; 12 when not
   * set or not a positive number.
   */
  public static int configuredMonths() {
    String value = System.getProperty("samen.retention.months");
    if (value == null || value.isBlank()) {
      value = System.getenv("SA_RETENTION_MONTHS");
    }
    try {
      int parsed = value == null ? DEFAULT_MONTHS : Integer.parseInt(value.trim());
      return parsed >= 1 ? parsed : DEFAULT_MONTHS;
    } catch (NumberFormatException e) {
      LOG.warning("SA_RETENTION_MONTHS is no number; using " + DEFAULT_MONTHS);
      return DEFAULT_MONTHS;
    }
  }

  /** What one run did. */
  public record Result(int noticed, int returned, int erased) {}

  public int months() {
    return months;
  }

  /** One pass: note who left, forget who came back, erase who left long enough ago. */
  public Result run() {
    Instant now = clock.instant();
    Instant cutoff = now.atOffset(ZoneOffset.UTC).minusMonths(months).toInstant();
    Timestamp cutoffTs = Timestamp.from(cutoff);
    record Counts(int noticed, int returned, List<Long> due) {}
    Counts counts =
        db.tx(
            em -> {
              Set<Long> students =
                  ids(
                      em.createNativeQuery(
                              "SELECT DISTINCT person_id FROM member WHERE roles LIKE '%STUDENT%'"
                                  + " AND person_id NOT IN (SELECT person_id FROM erased_person)")
                          .getResultList());
              Set<Long> present =
                  ids(
                      em.createNativeQuery(
                              "SELECT DISTINCT person_id FROM member WHERE active = TRUE"
                                  + " AND (roster_seen_at IS NOT NULL OR last_seen_at >= ?)")
                          .setParameter(1, cutoffTs)
                          .getResultList());
              @SuppressWarnings("unchecked")
              List<Object[]> watchRows =
                  em.createNativeQuery("SELECT person_id, left_noticed_at FROM retention_watch")
                      .getResultList();
              Map<Long, Instant> watched =
                  watchRows.stream()
                      .collect(
                          Collectors.toMap(
                              r -> ((Number) r[0]).longValue(),
                              r -> ((Timestamp) r[1]).toInstant()));
              int returned = 0;
              for (Long id : new HashSet<>(watched.keySet())) {
                if (present.contains(id)) {
                  em.createNativeQuery("DELETE FROM retention_watch WHERE person_id = ?")
                      .setParameter(1, id)
                      .executeUpdate();
                  watched.remove(id);
                  returned++;
                }
              }
              int noticed = 0;
              List<Long> due = new java.util.ArrayList<>();
              for (Long id : students) {
                if (present.contains(id)) {
                  continue;
                }
                Instant since = watched.get(id);
                if (since == null) {
                  em.createNativeQuery(
                          "INSERT INTO retention_watch (person_id, left_noticed_at) VALUES (?, ?)")
                      .setParameter(1, id)
                      .setParameter(2, Timestamp.from(now))
                      .executeUpdate();
                  noticed++;
                } else if (!since.isAfter(cutoff)) {
                  due.add(id);
                }
              }
              return new Counts(noticed, returned, due);
            });
    int erased = 0;
    for (long id : counts.due()) {
      if (erasure.erase(id, Actor.system(), Erasure.Reason.RETENTION)) {
        erased++;
      }
    }
    if (counts.noticed() + counts.returned() + erased > 0) {
      LOG.info(
          "retention: "
              + counts.noticed()
              + " students left, "
              + counts.returned()
              + " came back, "
              + erased
              + " erased after "
              + months
              + " months");
    }
    return new Result(counts.noticed(), counts.returned(), erased);
  }

  private static Set<Long> ids(List<?> rows) {
    return rows.stream().map(r -> ((Number) r).longValue()).collect(Collectors.toSet());
  }
}
