package nl.samenaanwezig.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Steps on the mentor's class page that roster tests share: refresh, wait for a running sync. */
public final class ClassPages {
  /** The roster line's mark while a roster sync runs (class.html). */
  public static final String RUNNING = "data-roster-running=\"true\"";

  private static final Duration SETTLE_LIMIT = Duration.ofSeconds(60);

  private ClassPages() {}

  /** The course id of a /class/{id} page. */
  public static long courseId(HttpResponse<String> page) {
    Matcher m = Pattern.compile("^/class/(\\d+)$").matcher(page.uri().getPath());
    if (!m.find()) {
      throw new AssertionError("not a class page: " + page.uri());
    }
    return Long.parseLong(m.group(1));
  }

  /** The session's CSRF token, from the hidden field every signed-in page carries. */
  public static String csrf(HttpResponse<String> page) {
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.body());
    if (!m.find()) {
      throw new AssertionError("no csrf field in page:\n" + page.body());
    }
    return m.group(1);
  }

  /** Reloads the page until no roster sync is running (a sync started by the test itself). */
  public static HttpResponse<String> settled(Browser browser, HttpResponse<String> page) {
    Instant giveUp = Instant.now().plus(SETTLE_LIMIT);
    HttpResponse<String> current = page;
    while (current.body().contains(RUNNING)) {
      if (Instant.now().isAfter(giveUp)) {
        throw new AssertionError("roster sync still running after " + SETTLE_LIMIT);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      current = browser.get(current.uri().toString());
    }
    return current;
  }

  /** Presses "Vernieuwen" on a class page and returns the settled page after it. */
  public static HttpResponse<String> refresh(
      ToolServer tool, Browser browser, HttpResponse<String> classPage) {
    HttpResponse<String> posted =
        browser.postForm(
            tool.baseUrl() + "/class/" + courseId(classPage) + "/roster/refresh",
            Map.of("csrf", csrf(classPage)));
    assertEquals(303, posted.statusCode(), posted.body());
    return settled(browser, browser.follow(posted));
  }
}
