package nl.samenaanwezig.protocol;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.db.Sql;

/**
 * The open signals of every institution per rule, as the gauge {@code samen_signals_open}. A scrape
 * never evaluates the protocol: it counts the rows of the institutions' signal lists as {@link
 * SignalSnapshots} last stored them (refreshed by a scheduled job), with one grouped count at most
 * once a minute.
 */
public final class OpenSignalsGauge {
  static final Duration MAX_AGE = Duration.ofMinutes(1);

  private final Database db;
  private final Clock clock;
  private Map<Rule, Long> counts = Map.of();
  private Instant countedAt = Instant.MIN;

  public OpenSignalsGauge(Database db, Clock clock, MeterRegistry registry) {
    this.db = db;
    this.clock = clock;
    for (Rule rule : Rule.values()) {
      Gauge.builder("samen.signals.open", this, gauge -> gauge.open(rule))
          .description("open steps of the verzuimprotocol in the signal lists, all institutions")
          .tag("rule", rule.name())
          .strongReference(true)
          .register(registry);
    }
  }

  private synchronized double open(Rule rule) {
    Instant now = clock.instant();
    if (Duration.between(countedAt, now).compareTo(MAX_AGE) >= 0) {
      counts = count();
      countedAt = now;
    }
    return counts.getOrDefault(rule, 0L);
  }

  private Map<Rule, Long> count() {
    List<Object[]> rows =
        db.read(
            em ->
                Sql.rows(
                    em,
                    "SELECT rule, COUNT(*) FROM signal_snapshot WHERE open_step = ? GROUP BY rule",
                    List.of(true)));
    Map<Rule, Long> open = new EnumMap<>(Rule.class);
    for (Object[] row : rows) {
      open.put(Rule.valueOf((String) row[0]), Sql.number(row[1]));
    }
    return open;
  }
}
