package nl.samenaanwezig.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.Metrics;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /health, /ready and /metrics over HTTP, with real launches through the test platform. */
class OpsEndpointsTest {
  static final String TOKEN = "metrics-secret-for-the-tests";

  static ToolServer tool;
  static TestPlatform platform;

  @BeforeAll
  static void start() {
    tool = ToolServer.start(c -> c.withMetricsToken(TOKEN));
    platform = TestPlatform.start().registerWith(tool);
  }

  @AfterAll
  static void stop() {
    platform.close();
    tool.close();
  }

  @Test
  void healthAnswersWithoutSessionAndIsNeverCached() {
    HttpResponse<String> health = new Browser().get(tool.baseUrl() + "/health");
    assertEquals(200, health.statusCode());
    assertEquals("{\"status\":\"UP\"}", health.body());
    assertTrue(health.headers().firstValue("Content-Type").orElseThrow().contains("json"));
    assertEquals("no-store", health.headers().firstValue("Cache-Control").orElseThrow());
    assertTrue(health.headers().firstValue("Set-Cookie").isEmpty());
  }

  @Test
  void readyWhenDatabaseHoldsEveryMigration() {
    HttpResponse<String> ready = new Browser().get(tool.baseUrl() + "/ready");
    assertEquals(200, ready.statusCode(), ready.body());
    assertEquals("{\"status\":\"UP\"}", ready.body());
    assertEquals("no-store", ready.headers().firstValue("Cache-Control").orElseThrow());
  }

  @Test
  void notReadyWhenDatabaseLacksNewestMigrationButStillAlive() throws SQLException {
    try (ToolServer other = ToolServer.start()) {
      // As if the database were restored from a backup made before the newest migration.
      try (Connection c = DriverManager.getConnection(other.config().dbUrl());
          Statement s = c.createStatement()) {
        s.executeUpdate(
            "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '"
                + newestVersion(other)
                + "'");
      }
      HttpResponse<String> ready = new Browser().get(other.baseUrl() + "/ready");
      assertEquals(503, ready.statusCode());
      assertEquals("{\"status\":\"DOWN\"}", ready.body());
      assertEquals(200, new Browser().get(other.baseUrl() + "/health").statusCode());
    }
  }

  @Test
  void metricsNeedTheBearerToken() {
    HttpResponse<String> none = new Browser().get(tool.baseUrl() + "/metrics");
    assertEquals(401, none.statusCode());
    assertEquals(
        "Bearer realm=\"metrics\"", none.headers().firstValue("WWW-Authenticate").orElseThrow());
    assertFalse(none.body().contains("jvm_"));
    HttpResponse<String> wrong =
        new Browser()
            .get(tool.baseUrl() + "/metrics", Map.of("Authorization", "Bearer " + TOKEN + "x"));
    assertEquals(401, wrong.statusCode());
    HttpResponse<String> basic =
        new Browser().get(tool.baseUrl() + "/metrics", Map.of("Authorization", "Basic " + TOKEN));
    assertEquals(401, basic.statusCode());
  }

  @Test
  void noMetricsPageWithoutConfiguredToken() {
    try (ToolServer plain = ToolServer.start()) {
      HttpResponse<String> page =
          new Browser().get(plain.baseUrl() + "/metrics", Map.of("Authorization", "Bearer x"));
      assertEquals(404, page.statusCode());
    }
  }

  @Test
  void scrapeCountsLaunchesFailuresByReasonAndTimesPagesByRoute() {
    double launchesBefore = launches();
    double badSignaturesBefore =
        value(scrape(), "samen_launch_failures_total{reason=\"BAD_SIGNATURE\"}");
    Browser mentor = new Browser();
    HttpResponse<String> page = mentor.follow(platform.launch().asMentor().run(mentor));
    assertEquals(200, page.statusCode());
    assertEquals(401, platform.launch().tampered().run(new Browser()).statusCode());

    String text = scrape();
    assertEquals(launchesBefore + 1, launches());
    assertEquals(
        badSignaturesBefore + 1,
        value(text, "samen_launch_failures_total{reason=\"BAD_SIGNATURE\"}"));
    assertEquals(0, value(text, "samen_launch_failures_total{reason=\"EXPIRED\"}"));
    assertTrue(
        text.contains(
            "samen_http_requests_seconds_count{method=\"GET\",route=\"/class/{courseId}\",status=\"200\"}"),
        text);
    assertTrue(text.contains("route=\"/lti/launch\""), text);
    assertFalse(
        Pattern.compile("route=\"[^\"]*/[0-9]+[/\"]").matcher(text).find(), "no ids in routes");
    assertTrue(text.contains("jvm_memory_used_bytes"), text);
    assertTrue(text.contains("jvm_gc_"), text);
    assertTrue(text.contains("jvm_threads_live_threads"), text);
    assertTrue(value(text, "samen_db_pool_connections_max{pool=\"default\"}") > 0, text);
    assertTrue(text.contains("samen_roster_syncs_total{outcome=\"failed\"}"), text);
    assertTrue(text.contains("samen_mails_total{status=\"sent\"}"), text);
    assertTrue(text.contains("samen_jobs_runs_total{job=\"retention\",outcome=\"ok\"}"), text);
    assertTrue(text.contains("samen_signals_open{rule=\"DUO\"}"), text);
  }

  @Test
  void openSignalsAreCountedFromTheStoredSignalLists() throws SQLException {
    // No job tick during the test: the stored list stays as written here.
    try (ToolServer other =
            ToolServer.start(c -> c.withMetricsToken(TOKEN).withJobTick(Duration.ofHours(1)));
        TestPlatform school = TestPlatform.start().registerWith(other)) {
      long institution = other.count("SELECT MIN(id) FROM institution");
      // What the signal-snapshots job stores: two open DUO steps and one handled lateness step.
      try (Connection c = DriverManager.getConnection(other.config().dbUrl());
          Statement s = c.createStatement()) {
        for (String row :
            new String[] {
              "1, 1, 'DUO', 1, TRUE", "1, 2, 'DUO', 1, TRUE", "1, 3, 'LATENESS', 1, FALSE"
            }) {
          s.executeUpdate(
              "INSERT INTO signal_snapshot (institution_id, course_id, person_id, rule,"
                  + " step_level, open_step, amount) VALUES ("
                  + institution
                  + ", "
                  + row
                  + ", 16)");
        }
      }
      String text = Metrics.scrape(other, TOKEN);
      assertEquals(2, value(text, "samen_signals_open{rule=\"DUO\"}"), text);
      assertEquals(0, value(text, "samen_signals_open{rule=\"LATENESS\"}"), text);
    }
  }

  private static double launches() {
    return value(scrape(), "samen_launches_total{message_type=\"LtiResourceLinkRequest\"}");
  }

  static String scrape() {
    return Metrics.scrape(tool, TOKEN);
  }

  static double value(String text, String series) {
    return Metrics.value(text, series);
  }

  private static String newestVersion(ToolServer server) {
    return String.valueOf(
        server.count(
            "SELECT MAX(CAST(\"version\" AS INTEGER)) FROM \"flyway_schema_history\""
                + " WHERE \"version\" IS NOT NULL"));
  }
}
