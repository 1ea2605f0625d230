package nl.samenaanwezig.protocol;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.samenaanwezig.db.Database;

/** Reads and stores an institution's protocol (table {@code protocol_setting}). */
public final class ProtocolSettings {
  private static final int COLUMNS = 4;

  private final Database db;
  private final Clock clock;

  public ProtocolSettings(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public Protocol of(long institutionId) {
    return db.read(em -> of(em, institutionId));
  }

  /** When the administrator last changed any rule, if ever (the information card shows it). */
  public Optional<Instant> lastChanged(long institutionId) {
    return db.read(
        em ->
            Optional.ofNullable(
                    em.createNativeQuery(
                            "SELECT MAX(updated_at) FROM protocol_setting WHERE institution_id = ?")
                        .setParameter(1, institutionId)
                        .getSingleResult())
                .map(t -> ((Timestamp) t).toInstant()));
  }

  /** The protocol as the settings section of /admin shows it. */
  public List<SettingForm> forms(long institutionId, Locale locale) {
    return SettingForm.all(of(institutionId), locale);
  }

  static Protocol of(EntityManager em, long institutionId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT rule, enabled, value_1, value_2, value_3, value_4 FROM protocol_setting"
                    + " WHERE institution_id = ?")
            .setParameter(1, institutionId)
            .getResultList();
    Map<Rule, RuleSetting> settings = new EnumMap<>(Rule.class);
    for (Object[] row : rows) {
      Rule.parse(String.valueOf(row[0]))
          .ifPresent(
              rule -> {
                List<Integer> values = new ArrayList<>();
                for (int i = 0; i < rule.parameters().size(); i++) {
                  Object v = row[2 + i];
                  values.add(
                      v == null
                          ? rule.parameters().get(i).defaultValue()
                          : ((Number) v).intValue());
                }
                settings.put(rule, new RuleSetting(rule, Boolean.TRUE.equals(row[1]), values));
              });
    }
    return new Protocol(settings);
  }

  /** Stores a setting the administrator corrected until it had no problems. */
  public void save(long institutionId, RuleSetting setting, long byPersonId) {
    if (!setting.problems().isEmpty()) {
      throw new IllegalArgumentException("a setting with problems is not stored");
    }
    Object[] values = new Object[COLUMNS];
    for (int i = 0; i < setting.values().size(); i++) {
      values[i] = setting.values().get(i);
    }
    Timestamp now = Timestamp.from(clock.instant());
    db.run(
        em -> {
          int updated =
              em.createNativeQuery(
                      "UPDATE protocol_setting SET enabled = ?, value_1 = CAST(? AS INTEGER),"
                          + " value_2 = CAST(? AS INTEGER), value_3 = CAST(? AS INTEGER),"
                          + " value_4 = CAST(? AS INTEGER), updated_by = CAST(? AS BIGINT),"
                          + " updated_at = ?"
                          + " WHERE institution_id = ? AND rule = ?")
                  .setParameter(1, setting.enabled())
                  .setParameter(2, values[0])
                  .setParameter(3, values[1])
                  .setParameter(4, values[2])
                  .setParameter(5, values[3])
                  .setParameter(6, byPersonId)
                  .setParameter(7, now)
                  .setParameter(8, institutionId)
                  .setParameter(9, setting.rule().name())
                  .executeUpdate();
          if (updated == 0) {
            em.createNativeQuery(
                    "INSERT INTO protocol_setting (institution_id, rule, enabled, value_1,"
                        + " value_2, value_3, value_4, updated_by, updated_at)"
                        + " VALUES (?, ?, ?, CAST(? AS INTEGER), CAST(? AS INTEGER),"
                        + " CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS BIGINT), ?)")
                .setParameter(1, institutionId)
                .setParameter(2, setting.rule().name())
                .setParameter(3, setting.enabled())
                .setParameter(4, values[0])
                .setParameter(5, values[1])
                .setParameter(6, values[2])
                .setParameter(7, values[3])
                .setParameter(8, byPersonId)
                .setParameter(9, now)
                .executeUpdate();
          }
        });
  }
}
