package nl.samenaanwezig.lti;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import nl.samenaanwezig.web.BodyLimit;
import nl.samenaanwezig.web.ErrorPages;
import nl.samenaanwezig.web.Pages;

/**
 * Every state-changing request of a session must carry the session's CSRF token, as form field
 * {@code csrf} (in the body) or header {@code X-CSRF-Token}. The LTI endpoints (authenticated by
 * signed JWTs), the demo platform, the token-authenticated API and buddies' signed meeting links
 * are exempt.
 */
@Priority(Priorities.AUTHORIZATION)
public final class CsrfFilter implements ContainerRequestFilter {
  public static final String FIELD = "csrf";
  public static final String HEADER = "X-CSRF-Token";
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  private final Sessions sessions;
  private final Pages pages;
  @Context private HttpServletRequest request;
  @Context private ResourceInfo resource;

  public CsrfFilter(Sessions sessions, Pages pages) {
    this.sessions = sessions;
    this.pages = pages;
  }

  @Override
  public void filter(ContainerRequestContext ctx) throws IOException {
    if (SAFE.contains(ctx.getMethod())) {
      return;
    }
    String path = "/" + ctx.getUriInfo().getPath();
    if (path.startsWith("/lti/login")
        || path.startsWith("/lti/launch")
        || path.startsWith("/lti/register")
        || path.startsWith("/demo/")
        || path.startsWith("/api/")
        // A buddy's meeting link has no session: its signed token in the path is the secret.
        || path.startsWith("/m/")) {
      return;
    }
    // Never from the query string: a token in a URL ends up in logs, history and Referer headers.
    String presented = ctx.getHeaderString(HEADER);
    if (presented == null && checkedByResource(ctx)) {
      return;
    }
    if (presented == null
        && ctx.getMediaType() != null
        && ctx.getMediaType().isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
      byte[] body = ctx.getEntityStream().readNBytes((int) BodyLimit.FORM_BYTES);
      ctx.setEntityStream(new ByteArrayInputStream(body));
      presented = formField(new String(body, StandardCharsets.UTF_8));
    }
    Session session = sessions.find(request).orElse(null);
    if (session == null || !matches(session, presented)) {
      ctx.abortWith(
          session == null
              ? ErrorPages.page(pages, 401, "session.expired", ErrorPages.localeOf(request))
              : ErrorPages.page(pages, 403, "error.csrf", ErrorPages.localeOf(request)));
    }
  }

  /** True when {@code presented} is the session's CSRF token. */
  public static boolean matches(Session session, String presented) {
    return presented != null
        && MessageDigest.isEqual(
            session.csrfToken().getBytes(StandardCharsets.UTF_8),
            presented.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A multipart upload without the header (a form sent without script): the filter cannot read the
   * body before Jersey does, so a method marked {@link CheckedByResource} compares its own form
   * field {@link #FIELD} with {@link #matches}. Any other multipart request needs the header.
   */
  private boolean checkedByResource(ContainerRequestContext ctx) {
    return ctx.getMediaType() != null
        && ctx.getMediaType().isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)
        && resource.getResourceMethod() != null
        && resource.getResourceMethod().isAnnotationPresent(CheckedByResource.class);
  }

  /** On a multipart resource method that checks the token of its form field itself. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface CheckedByResource {}

  private static String formField(String body) {
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && FIELD.equals(pair.substring(0, eq))) {
        return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
