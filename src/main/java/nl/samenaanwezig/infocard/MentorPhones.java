package nl.samenaanwezig.infocard;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.samenaanwezig.db.Database;

/**
 * The phone number each mentor chose to put on a course's card (table {@code infocard_phone}). The
 * platform does not send phone numbers, and a mentor's private number is theirs to give.
 */
public final class MentorPhones {
  private static final Pattern ALLOWED = Pattern.compile("\\+?[0-9][0-9 ()\\-]*");
  static final int MAX_LENGTH = 32;

  private final Database db;
  private final Clock clock;

  public MentorPhones(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * A number as typed, cleaned of outer spaces, when it looks like a phone number: digits with
   * spaces, dashes or brackets, an optional leading +, 6 to 15 digits. Empty means "no number".
   */
  static Optional<String> clean(String typed) {
    String t = typed == null ? "" : typed.strip().replaceAll("\\s+", " ");
    long digits = t.chars().filter(Character::isDigit).count();
    if (t.length() > MAX_LENGTH || !ALLOWED.matcher(t).matches() || digits < 6 || digits > 15) {
      return Optional.empty();
    }
    return Optional.of(t);
  }

  /** The number for a {@code tel:} link: digits and a leading +. */
  static String dialable(String phone) {
    return phone.replaceAll("[^0-9+]", "");
  }

  /** The numbers of a course's mentors, by person id. */
  public Map<Long, String> of(long courseId) {
    return db.read(
        em -> {
          @SuppressWarnings("unchecked")
          List<Object[]> rows =
              em.createNativeQuery(
                      "SELECT person_id, phone FROM infocard_phone WHERE course_id = ?")
                  .setParameter(1, courseId)
                  .getResultList();
          Map<Long, String> phones = new HashMap<>();
          for (Object[] r : rows) {
            phones.put(((Number) r[0]).longValue(), (String) r[1]);
          }
          return phones;
        });
  }

  /** When a mentor of the course last changed their number, if any did. */
  public Optional<Instant> lastChanged(long courseId) {
    return db.read(
        em ->
            Optional.ofNullable(
                    em.createNativeQuery(
                            "SELECT MAX(updated_at) FROM infocard_phone WHERE course_id = ?")
                        .setParameter(1, courseId)
                        .getSingleResult())
                .map(t -> ((Timestamp) t).toInstant()));
  }

  /** Stores a mentor's cleaned number for a course; an empty one removes it from the card. */
  public void set(long courseId, long personId, Optional<String> phone) {
    Timestamp now = Timestamp.from(clock.instant());
    db.run(
        em -> {
          if (phone.isEmpty()) {
            em.createNativeQuery("DELETE FROM infocard_phone WHERE course_id = ? AND person_id = ?")
                .setParameter(1, courseId)
                .setParameter(2, personId)
                .executeUpdate();
            return;
          }
          int updated =
              em.createNativeQuery(
                      "UPDATE infocard_phone SET phone = ?, updated_at = ?"
                          + " WHERE course_id = ? AND person_id = ? AND phone <> ?")
                  .setParameter(1, phone.get())
                  .setParameter(2, now)
                  .setParameter(3, courseId)
                  .setParameter(4, personId)
                  .setParameter(5, phone.get())
                  .executeUpdate();
          long present =
              ((Number)
                      em.createNativeQuery(
                              "SELECT COUNT(*) FROM infocard_phone"
                                  + " WHERE course_id = ? AND person_id = ?")
                          .setParameter(1, courseId)
                          .setParameter(2, personId)
                          .getSingleResult())
                  .longValue();
          if (updated == 0 && present == 0) {
            em.createNativeQuery(
                    "INSERT INTO infocard_phone (course_id, person_id, phone, updated_at)"
                        + " VALUES (?, ?, ?, ?)")
                .setParameter(1, courseId)
                .setParameter(2, personId)
                .setParameter(3, phone.get())
                .setParameter(4, now)
                .executeUpdate();
          }
        });
  }
}
