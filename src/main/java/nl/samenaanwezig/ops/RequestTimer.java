package nl.samenaanwezig.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/**
 * Times every request, including writing the page, by route: the path template Jersey matched
 * ({@link RouteTemplate}: {@code /class/{courseId}/signals}, never a real id), {@code /static} for
 * files, {@code UNMATCHED} for anything else, so a scan of random paths adds no series.
 */
public final class RequestTimer extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  /** Buckets of the latency histogram: what a page should take, and what is far too slow. */
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private final transient MeterRegistry registry;

  public RequestTimer(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    long start = System.nanoTime();
    try {
      chain.doFilter(req, res);
    } finally {
      Timer.builder("samen.http.requests")
          .description("requests by route template, method and status")
          .tag("route", route(req))
          .tag("method", METHODS.contains(req.getMethod()) ? req.getMethod() : "OTHER")
          .tag("status", String.valueOf(res.getStatus()))
          .serviceLevelObjectives(BUCKETS)
          .register(registry)
          .record(Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private static String route(HttpServletRequest req) {
    if (req.getAttribute(RouteTemplate.ATTRIBUTE) instanceof String template) {
      return template;
    }
    String path = req.getRequestURI();
    return path.startsWith("/static/") || path.equals("/favicon.ico") ? "/static" : "UNMATCHED";
  }
}
