package nl.samenaanwezig.infocard;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Tokens;

/**
 * The public link of a course's card (table {@code infocard_link}), which the QR code on the
 * printed card opens: families have no LMS account. The token is 256 random bits; it is kept (not
 * only its hash) because every printed card shows it again, and what it opens is what the card
 * already publishes. Renewing it revokes the old link at once.
 */
public final class PublicLinks {
  private final Database db;
  private final Clock clock;

  public PublicLinks(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The course's token, made on first use. */
  public String tokenOf(long courseId, Long byPersonId) {
    return existing(courseId)
        .orElseGet(
            () -> {
              try {
                return insert(courseId, byPersonId);
              } catch (RuntimeException e) {
                // Two first views at once: the other one's token is the course's token.
                return existing(courseId).orElseThrow(() -> e);
              }
            });
  }

  /** Replaces the course's token: every link and QR code printed before stops working. */
  public String renew(long courseId, Long byPersonId) {
    String token = Tokens.random();
    Timestamp now = Timestamp.from(clock.instant());
    db.run(
        em -> {
          int updated =
              em.createNativeQuery(
                      "UPDATE infocard_link SET token = ?, created_at = ?, created_by = CAST(? AS BIGINT)"
                          + " WHERE course_id = ?")
                  .setParameter(1, token)
                  .setParameter(2, now)
                  .setParameter(3, byPersonId)
                  .setParameter(4, courseId)
                  .executeUpdate();
          if (updated == 0) {
            insert(em, courseId, token, now, byPersonId);
          }
        });
    return token;
  }

  private String insert(long courseId, Long byPersonId) {
    String token = Tokens.random();
    db.run(em -> insert(em, courseId, token, Timestamp.from(clock.instant()), byPersonId));
    return token;
  }

  private static void insert(
      jakarta.persistence.EntityManager em,
      long courseId,
      String token,
      Timestamp now,
      Long byPersonId) {
    em.createNativeQuery(
            "INSERT INTO infocard_link (course_id, token, created_at, created_by)"
                + " VALUES (?, ?, ?, CAST(? AS BIGINT))")
        .setParameter(1, courseId)
        .setParameter(2, token)
        .setParameter(3, now)
        .setParameter(4, byPersonId)
        .executeUpdate();
  }

  /** The course a token opens; a renewed (old) or unknown token opens none. */
  public Optional<Course> courseOf(String token) {
    return courseIdOf(token).map(id -> db.read(em -> em.find(Course.class, id)));
  }

  private Optional<Long> courseIdOf(String token) {
    if (token == null || token.length() < 40 || token.length() > 64) {
      return Optional.empty();
    }
    return db.read(
        em -> {
          @SuppressWarnings("unchecked")
          List<Object> rows =
              em.createNativeQuery("SELECT course_id FROM infocard_link WHERE token = ?")
                  .setParameter(1, token)
                  .getResultList();
          return rows.stream().findFirst().map(r -> ((Number) r).longValue());
        });
  }

  private Optional<String> existing(long courseId) {
    return db.read(
        em -> {
          @SuppressWarnings("unchecked")
          List<Object> rows =
              em.createNativeQuery("SELECT token FROM infocard_link WHERE course_id = ?")
                  .setParameter(1, courseId)
                  .getResultList();
          return rows.stream().findFirst().map(String::valueOf);
        });
  }
}
