package nl.samenaanwezig.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a tool's {@code /metrics} as Prometheus does, with its bearer token. */
public final class Metrics {
  private Metrics() {}

  /** The whole text; fails unless the tool answers 200. */
  public static String scrape(ToolServer tool, String token) {
    HttpResponse<String> metrics =
        new Browser().get(tool.baseUrl() + "/metrics", Map.of("Authorization", "Bearer " + token));
    assertEquals(200, metrics.statusCode(), metrics.body());
    return metrics.body();
  }

  /** One sample's value, e.g. {@code samen_imports_total{outcome="imported"}}; 0 when absent. */
  public static double value(String text, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
