package nl.samenaanwezig.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns any uncaught failure into a calm page in the user's language (or a JSON problem for the
 * API), with the right status and never a stack trace.
 */
public final class ErrorPages implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(ErrorPages.class.getName());

  private final Pages pages;
  @Context private HttpServletRequest request;

  public ErrorPages(Pages pages) {
    this.pages = pages;
  }

  @Override
  public Response toResponse(Throwable failure) {
    int status = 500;
    if (failure instanceof WebApplicationException web) {
      status = web.getResponse().getStatus();
    } else {
      LOG.log(Level.SEVERE, "unexpected failure on " + path(), failure);
    }
    String key =
        switch (status) {
          case 400 -> "error.badRequest";
          case 401 -> "error.unauthorized";
          case 403 -> "error.forbidden";
          case 404 -> "error.notFound";
          case 405 -> "error.methodNotAllowed";
          case 413 -> "error.tooLarge";
          case 415 -> "error.badRequest";
          default -> status >= 500 ? "error.server" : "error.badRequest";
        };
    return page(pages, status, key, localeOf(request));
  }

  /** An error page with a title and message from the bundle. */
  public static Response page(Pages pages, int status, String messageKey, Locale locale) {
    String html = pages.render("error", locale, Map.of("status", status, "messageKey", messageKey));
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(html)
        .build();
  }

  /** The language of a request without a session: Accept-Language, else Dutch. */
  public static Locale localeOf(HttpServletRequest request) {
    if (request == null) {
      return Locales.DUTCH;
    }
    String header = request.getHeader("Accept-Language");
    if (header == null || header.isBlank()) {
      return Locales.DUTCH;
    }
    try {
      var ranges = Locale.LanguageRange.parse(header);
      Locale best = Locale.lookup(ranges, java.util.List.of(Locales.DUTCH, Locales.ENGLISH));
      return best == null ? Locales.DUTCH : best;
    } catch (IllegalArgumentException e) {
      return Locales.DUTCH;
    }
  }

  private String path() {
    return request == null ? "?" : request.getMethod() + " " + request.getRequestURI();
  }
}
