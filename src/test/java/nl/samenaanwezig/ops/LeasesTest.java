package nl.samenaanwezig.ops;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Job leases on the tool's real database, two nodes taking turns (and one stopping mid-run). */
class LeasesTest {
  static final Duration LEASE = Duration.ofMinutes(10);
  static final Duration DAY = Duration.ofDays(1);
  static ToolServer tool;
  static Leases a;
  static Leases b;

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
    a = new Leases(tool.db(), "node-a");
    b = new Leases(tool.db(), "node-b");
  }

  @AfterAll
  static void stop() {
    tool.close();
  }

  @Test
  void aLiveLeaseKeepsTheOtherNodeOut() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    assertTrue(a.take("live", now, LEASE));
    assertFalse(b.take("live", now.plusSeconds(1), LEASE));
    assertFalse(a.take("live", now.plusSeconds(2), LEASE), "not twice at once on one node either");
  }

  @Test
  void aJobIsNotDueAgainUntilItsIntervalPassed() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    assertTrue(a.take("daily", now, LEASE));
    a.finish("daily", now.plus(DAY), now.plusSeconds(30));
    assertFalse(b.take("daily", now.plus(Duration.ofHours(2)), LEASE));
    assertFalse(a.take("daily", now.plus(Duration.ofHours(23)), LEASE));
    assertTrue(b.take("daily", now.plus(DAY), LEASE));
  }

  @Test
  void theLeaseOfANodeThatStoppedMidRunExpires() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    assertTrue(a.take("crash", now, LEASE));
    // node-a stops here without finishing.
    assertFalse(b.take("crash", now.plus(LEASE).minusSeconds(1), LEASE));
    assertTrue(b.take("crash", now.plus(LEASE), LEASE));
    // node-a's late finish no longer changes what node-b holds.
    a.finish("crash", now.plus(DAY), now.plus(LEASE).plusSeconds(1));
    assertFalse(a.take("crash", now.plus(LEASE).plusSeconds(2), LEASE));
    b.finish("crash", now.plus(LEASE).plus(DAY), now.plus(LEASE).plusSeconds(3));
    assertFalse(a.take("crash", now.plus(DAY), LEASE));
  }
}
