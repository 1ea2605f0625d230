package nl.samenaanwezig.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.UnaryOperator;
import nl.samenaanwezig.config.AppConfig;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.Metrics;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes of one installation: two tools started at the same moment on one new, empty database
 * (in-memory Derby shared in this JVM, or one PostgreSQL database with -Dsamen.test.db=postgres).
 */
class TwoNodesTest {
  private List<ToolServer> nodes = List.of();

  @AfterEach
  void stop() {
    nodes.forEach(ToolServer::close);
  }

  @Test
  void nodesStartingTogetherMigrateOnceAndShareOneActiveKey() throws Exception {
    nodes = startTogether(UnaryOperator.identity());
    ToolServer a = nodes.get(0);
    assertEquals(1, a.count("SELECT COUNT(*) FROM tool_key"));
    assertEquals(1, a.count("SELECT COUNT(*) FROM tool_key WHERE status = 'ACTIVE'"));
    assertEquals(
        1, a.count("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '23'"));
    assertEquals(
        a.count("SELECT COUNT(DISTINCT \"version\") FROM \"flyway_schema_history\""),
        a.count("SELECT COUNT(*) FROM \"flyway_schema_history\""));
    HttpResponse<String> jwksA = new Browser().get(a.baseUrl() + "/.well-known/jwks.json");
    HttpResponse<String> jwksB =
        new Browser().get(nodes.get(1).baseUrl() + "/.well-known/jwks.json");
    assertEquals(200, jwksA.statusCode());
    assertTrue(jwksA.body().contains("\"kid\""), jwksA.body());
    assertEquals(jwksA.body(), jwksB.body());
  }

  @Test
  void aDailyJobRunsOnceAcrossBothNodes() throws Exception {
    String token = "metrics-secret-for-the-tests";
    nodes = startTogether(c -> c.withJobTick(Duration.ofMillis(200)).withMetricsToken(token));
    ToolServer a = nodes.get(0);
    Instant deadline = Instant.now().plusSeconds(60);
    while (a.count("SELECT COUNT(*) FROM job_lease WHERE lease_until < due_at") < 4) {
      assertTrue(Instant.now().isBefore(deadline), "the jobs did not run within a minute");
      Thread.sleep(100);
    }
    // Many more ticks of both nodes, none of which may run a job again.
    Thread.sleep(2_000);
    for (String job : List.of("retention", "sessions", "meeting-reminders", "signal-snapshots")) {
      double runs = 0;
      for (ToolServer node : nodes) {
        String text = Metrics.scrape(node, token);
        runs += Metrics.value(text, "samen_jobs_runs_total{job=\"" + job + "\",outcome=\"ok\"}");
        assertEquals(
            0,
            Metrics.value(text, "samen_jobs_runs_total{job=\"" + job + "\",outcome=\"failed\"}"));
      }
      assertEquals(1, runs, job);
    }
    assertEquals(
        1,
        a.count(
            "SELECT COUNT(*) FROM job_lease WHERE job_name = 'retention' AND due_at > ?",
            Timestamp.from(Instant.now().plus(Duration.ofHours(23)))));
  }

  /** Both tools start at once, each in its own thread, on the same new database. */
  static List<ToolServer> startTogether(UnaryOperator<AppConfig> settings) throws Exception {
    AppConfig config = settings.apply(ToolServer.freshConfig(false));
    CyclicBarrier gate = new CyclicBarrier(2);
    List<CompletableFuture<ToolServer>> starting =
        List.of(1, 2).stream()
            .map(
                n ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          try {
                            gate.await();
                          } catch (Exception e) {
                            throw new IllegalStateException(e);
                          }
                          return ToolServer.start(config);
                        }))
            .toList();
    return starting.stream().map(CompletableFuture::join).toList();
  }
}
