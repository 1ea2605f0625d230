package nl.samenaanwezig.lti;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Logger;
import nl.samenaanwezig.web.ErrorPages;
import nl.samenaanwezig.web.Pages;

/**
 * A refused launch: its reason in the log and in the metrics ({@code samen_launch_failures_total},
 * by reason), a plain explanation and the right 4xx for the user.
 */
public final class LaunchErrors implements ExceptionMapper<LaunchException> {
  private static final Logger LOG = Logger.getLogger(LaunchErrors.class.getName());

  private final Pages pages;
  private final MeterRegistry metrics;
  @Context private HttpServletRequest request;

  public LaunchErrors(Pages pages, MeterRegistry metrics) {
    this.pages = pages;
    this.metrics = metrics;
    // Every reason from zero on, so a rate over the first failure of a kind is right.
    for (LaunchException.Reason reason : LaunchException.Reason.values()) {
      failures(reason);
    }
  }

  private Counter failures(LaunchException.Reason reason) {
    return metrics.counter("samen.launch.failures", "reason", reason.name());
  }

  @Override
  public Response toResponse(LaunchException e) {
    LOG.warning(() -> "refused " + request.getRequestURI() + ": " + e.getMessage());
    failures(e.reason()).increment();
    return ErrorPages.page(
        pages, e.reason().status(), e.reason().messageKey(), ErrorPages.localeOf(request));
  }
}
