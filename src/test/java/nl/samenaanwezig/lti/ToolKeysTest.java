package nl.samenaanwezig.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tool keys of two nodes on one database: a rotation on one reaches the other. */
class ToolKeysTest {
  static ToolServer tool;

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
  }

  @AfterAll
  static void stop() {
    tool.close();
  }

  @Test
  void aRotationOnOneNodeReachesTheOtherWhenItReadsAgain() {
    ToolKeys a = new ToolKeys(tool.db());
    ToolKeys readsEachTime = new ToolKeys(tool.db(), Duration.ZERO);
    ToolKeys readsHourly = new ToolKeys(tool.db(), Duration.ofHours(1));
    String before = a.signingKey().getKeyID();
    assertEquals(before, readsEachTime.signingKey().getKeyID(), "one active key for all");
    assertEquals(before, readsHourly.signingKey().getKeyID());
    String rotated = a.rotate().getKeyID();
    assertNotEquals(before, rotated);
    assertEquals(rotated, a.signingKey().getKeyID());
    assertEquals(rotated, readsEachTime.signingKey().getKeyID());
    assertEquals(before, readsHourly.signingKey().getKeyID(), "not read again within the hour");
    assertEquals(1, tool.count("SELECT COUNT(*) FROM tool_key WHERE status = 'ACTIVE'"));
    assertEquals(1, tool.count("SELECT COUNT(*) FROM tool_key WHERE status = 'RETIRING'"));
  }
}
