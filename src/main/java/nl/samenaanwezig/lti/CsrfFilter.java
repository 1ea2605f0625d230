package nl.samenaanwezig.lti;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import nl.samenaanwezig.web.ErrorPages;
import nl.samenaanwezig.web.Pages;

/**
 * Every state-changing request of a session must carry the session's CSRF token, as form field
 * {@code csrf} or header {@code X-CSRF-Token}. The LTI endpoints (authenticated by signed JWTs),
 * the demo platform, the token-authenticated API and buddies' signed meeting links are exempt.
 */
@Priority(Priorities.AUTHORIZATION)
public final class CsrfFilter implements ContainerRequestFilter {
  public static final String FIELD = "csrf";
  public static final String HEADER = "X-CSRF-Token";
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
  private static final int MAX_FORM_BYTES = 2 * 1024 * 1024;

  private final Sessions sessions;
  private final Pages pages;
  @Context private HttpServletRequest request;

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
    String presented = ctx.getHeaderString(HEADER);
    if (presented == null) {
      presented = ctx.getUriInfo().getQueryParameters().getFirst(FIELD);
    }
    if (presented == null
        && ctx.getMediaType() != null
        && ctx.getMediaType().isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
      byte[] body = ctx.getEntityStream().readNBytes(MAX_FORM_BYTES);
      ctx.setEntityStream(new ByteArrayInputStream(body));
      presented = formField(new String(body, StandardCharsets.UTF_8));
    }
    String expected = sessions.find(request).map(Session::csrfToken).orElse(null);
    if (expected == null
        || presented == null
        || !MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8),
            presented.getBytes(StandardCharsets.UTF_8))) {
      ctx.abortWith(
          expected == null
              ? ErrorPages.page(pages, 401, "session.expired", ErrorPages.localeOf(request))
              : ErrorPages.page(pages, 403, "error.csrf", ErrorPages.localeOf(request)));
    }
  }

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
