package nl.samenaanwezig.lti;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import nl.samenaanwezig.web.ErrorPages;
import nl.samenaanwezig.web.Pages;

/**
 * Logging out, for a shared school computer: the session row is deleted (so the cookie is worth
 * nothing even if a browser keeps it) and the cookie is cleared. A POST with the CSRF token ({@link
 * CsrfFilter}), so another site cannot sign a user out.
 */
@Path("/logout")
public class LogoutResource {
  @Inject Sessions sessions;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  @POST
  public Response logout() {
    Locale locale =
        sessions.find(request).map(Session::locale).orElseGet(() -> ErrorPages.localeOf(request));
    sessions.end(request);
    return Response.ok(pages.render("logged-out", locale, Map.of()))
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .header(HttpHeaders.SET_COOKIE, Sessions.clearedCookieHeader(request))
        .build();
  }
}
