package nl.samenaanwezig.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Security headers on every response. The tool runs in an LMS iframe, so instead of X-Frame-Options
 * the CSP names the registered platforms' origins in frame-ancestors; personal pages are never
 * cached.
 */
public final class SecurityHeadersFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  private final transient Supplier<Set<String>> frameOrigins;

  public SecurityHeadersFilter(Supplier<Set<String>> frameOrigins) {
    this.frameOrigins = frameOrigins;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(frameOrigins.get()));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    if (req.getRequestURI().startsWith("/static/")) {
      res.setHeader("Cache-Control", "public, max-age=3600");
    } else {
      res.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(req, res);
  }

  /**
   * The tool's CSP with these origins (besides 'self') in frame-ancestors; a resource that must be
   * framed by a not yet registered platform sets its own header with this and replaces ours.
   */
  public static String contentSecurityPolicy(Collection<String> frameAncestors) {
    String ancestors = String.join(" ", frameAncestors);
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        + " object-src 'none'; base-uri 'none'; frame-ancestors 'self'"
        + (ancestors.isEmpty() ? "" : " " + ancestors);
  }
}
