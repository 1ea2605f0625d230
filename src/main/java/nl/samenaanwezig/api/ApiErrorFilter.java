package nl.samenaanwezig.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.MissingResourceException;
import nl.samenaanwezig.web.ErrorPages;
import nl.samenaanwezig.web.Pages;

/**
 * Keeps every error under {@code /api/} a problem detail: a failure the HTML error pages answered
 * (unknown path 404, wrong method 405, wrong media type 415, a server error) is turned into {@code
 * application/problem+json} with the same status.
 */
public final class ApiErrorFilter implements ContainerResponseFilter {
  @Context private HttpServletRequest request;

  @Override
  public void filter(ContainerRequestContext req, ContainerResponseContext res) {
    if (res.getStatus() < 400 || !req.getUriInfo().getPath().startsWith("api/")) {
      return;
    }
    MediaType type = res.getMediaType();
    if (type != null && Problem.MEDIA_TYPE.equals(type.getType() + "/" + type.getSubtype())) {
      return;
    }
    Locale locale = ErrorPages.localeOf(request);
    Response.StatusType status = Response.Status.fromStatusCode(res.getStatus());
    String title = status == null ? "Error" : status.getReasonPhrase();
    String detail;
    try {
      detail = Pages.text(locale, "api.status." + res.getStatus());
    } catch (MissingResourceException e) {
      detail = title;
    }
    Problem problem = new Problem("about:blank", title, res.getStatus(), detail, null);
    Response replacement = Problems.respond(problem).build();
    res.getHeaders().putSingle("Content-Type", replacement.getMediaType());
    res.setEntity(replacement.getEntity(), null, replacement.getMediaType());
  }
}
