package nl.samenaanwezig.ops;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.List;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Notes the path template of the resource method Jersey matched (e.g. {@code
 * /class/{courseId}/meetings/{meetingId}}) as a request attribute, for {@link RequestTimer}'s route
 * label. Runs before every other filter, so a request they refuse has its route too.
 */
@Priority(1)
public final class RouteTemplate implements ContainerRequestFilter {
  /** The servlet request attribute (Jersey keeps request properties there). */
  static final String ATTRIBUTE = "samen.route";

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getUriInfo() instanceof ExtendedUriInfo info) {
      request.setProperty(ATTRIBUTE, of(info.getMatchedTemplates()));
    }
  }

  /** Jersey lists the matched templates innermost first; the route reads outermost first. */
  static String of(List<UriTemplate> matched) {
    StringBuilder route = new StringBuilder();
    for (int i = matched.size() - 1; i >= 0; i--) {
      String part = withoutPatterns(matched.get(i).getTemplate());
      if (part.isEmpty() || part.equals("/")) {
        continue;
      }
      if (!part.startsWith("/")) {
        route.append('/');
      }
      route.append(part.endsWith("/") ? part.substring(0, part.length() - 1) : part);
    }
    return route.isEmpty() ? "/" : route.toString();
  }

  /** {@code {meetingId: \d+}} becomes {@code {meetingId}}; a pattern may hold braces itself. */
  static String withoutPatterns(String template) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    boolean inPattern = false;
    for (char c : template.toCharArray()) {
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        inPattern = false;
      } else if (c == ':' && depth == 1) {
        inPattern = true;
      }
      boolean spaceInName = depth > 0 && Character.isWhitespace(c);
      if (!inPattern && !spaceInName) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
