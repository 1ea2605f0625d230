package nl.samenaanwezig.lti;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Logger;
import nl.samenaanwezig.web.ErrorPages;
import nl.samenaanwezig.web.Pages;

/** A refused launch: its reason in the log, a plain explanation and the right 4xx for the user. */
public final class LaunchErrors implements ExceptionMapper<LaunchException> {
  private static final Logger LOG = Logger.getLogger(LaunchErrors.class.getName());

  private final Pages pages;
  @Context private HttpServletRequest request;

  public LaunchErrors(Pages pages) {
    this.pages = pages;
  }

  @Override
  public Response toResponse(LaunchException e) {
    LOG.warning(() -> "refused " + request.getRequestURI() + ": " + e.getMessage());
    return ErrorPages.page(
        pages, e.reason().status(), e.reason().messageKey(), ErrorPages.localeOf(request));
  }
}
