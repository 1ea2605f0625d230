package nl.samenaanwezig.lti;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import nl.samenaanwezig.web.ErrorPages;
import nl.samenaanwezig.web.Pages;

/** A page without a session: a 401 that tells the user to open the tool from the LMS again. */
public final class SessionErrors implements ExceptionMapper<SessionRequiredException> {
  private final Pages pages;
  @Context private HttpServletRequest request;

  public SessionErrors(Pages pages) {
    this.pages = pages;
  }

  @Override
  public Response toResponse(SessionRequiredException e) {
    return ErrorPages.page(pages, 401, "session.expired", ErrorPages.localeOf(request));
  }
}
