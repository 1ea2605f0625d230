package nl.samenaanwezig.web;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Refuses a request body larger than its path allows with 413, before anything parses it: by the
 * declared Content-Length, or, for a chunked body, by reading at most one byte past the limit.
 * Forms are small, so the default is {@link #FORM_BYTES}; a path may get its own limit, and
 * requests that apply a limit of their own (the API, uploads) are left to it. {@link
 * RequestBodyDrain} reads the rest of a refused body, so the client gets to read the answer.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class BodyLimit implements ContainerRequestFilter {
  /** Every form of the tool fits in this many times over (the largest are the card texts). */
  public static final long FORM_BYTES = 256 * 1024;

  private final Pages pages;
  private final Map<String, Long> byPath = new LinkedHashMap<>();
  private Predicate<ContainerRequestContext> ownLimit = ctx -> false;
  @Context private HttpServletRequest request;

  public BodyLimit(Pages pages) {
    this.pages = pages;
  }

  /** Another limit for the requests to this path (without a leading slash). */
  public BodyLimit path(String path, long maxBytes) {
    byPath.put(path, maxBytes);
    return this;
  }

  /** Requests whose resource applies a limit of its own. */
  public BodyLimit except(Predicate<ContainerRequestContext> requests) {
    ownLimit = requests;
    return this;
  }

  @Override
  public void filter(ContainerRequestContext ctx) throws IOException {
    long declared = ctx.getLength();
    boolean chunked = declared < 0 && ctx.getHeaderString("Transfer-Encoding") != null;
    if ((declared <= 0 && !chunked) || ownLimit.test(ctx)) {
      return;
    }
    long max = byPath.getOrDefault(ctx.getUriInfo().getPath(), FORM_BYTES);
    boolean tooLarge = declared > max;
    if (chunked) {
      byte[] body = ctx.getEntityStream().readNBytes((int) max + 1);
      tooLarge = body.length > max;
      ctx.setEntityStream(new ByteArrayInputStream(body));
    }
    if (tooLarge) {
      Response page = ErrorPages.page(pages, 413, "error.tooLarge", ErrorPages.localeOf(request));
      ctx.abortWith(Response.fromResponse(page).header("Connection", "close").build());
    }
  }
}
