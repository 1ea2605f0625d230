package nl.samenaanwezig.protocol;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.db.Database;

/**
 * Which legal duty applies to each student (table {@code protocol_student}); a student nobody
 * classified gets {@link Duty#ASSUMED}. This is the one place a later age category (from a date of
 * birth and startkwalificatie) plugs in: it answers here instead of the recorded choice.
 */
public final class Duties {
  private final Database db;
  private final Clock clock;

  public Duties(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public Duty of(long personId) {
    return db.read(
        em -> of(em, "person_id = ?", List.of(personId)).getOrDefault(personId, Duty.ASSUMED));
  }

  /** Recorded duties of the persons a condition on {@code person_id} selects. */
  static Map<Long, Duty> of(EntityManager em, String personCondition, List<Object> params) {
    var query =
        em.createNativeQuery(
            "SELECT person_id, duty FROM protocol_student WHERE " + personCondition);
    for (int i = 0; i < params.size(); i++) {
      query.setParameter(i + 1, params.get(i));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    Map<Long, Duty> duties = new HashMap<>();
    for (Object[] r : rows) {
      Duty.parse(String.valueOf(r[1])).ifPresent(d -> duties.put(((Number) r[0]).longValue(), d));
    }
    return duties;
  }

  /** Records a student's duty (a mentor's knowledge until the tool knows dates of birth). */
  public void set(long personId, Duty duty, long byPersonId) {
    Timestamp now = Timestamp.from(clock.instant());
    db.run(
        em -> {
          int updated =
              em.createNativeQuery(
                      "UPDATE protocol_student SET duty = ?, set_by = ?, set_at = ?"
                          + " WHERE person_id = ?")
                  .setParameter(1, duty.name())
                  .setParameter(2, byPersonId)
                  .setParameter(3, now)
                  .setParameter(4, personId)
                  .executeUpdate();
          if (updated == 0) {
            em.createNativeQuery(
                    "INSERT INTO protocol_student (person_id, duty, set_by, set_at)"
                        + " VALUES (?, ?, ?, ?)")
                .setParameter(1, personId)
                .setParameter(2, duty.name())
                .setParameter(3, byPersonId)
                .setParameter(4, now)
                .executeUpdate();
          }
        });
  }
}
