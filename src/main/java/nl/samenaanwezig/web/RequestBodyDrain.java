package nl.samenaanwezig.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads what is left of a request body once the answer is written (at most {@link #MAX_BYTES}). A
 * request refused before its body was read (a wrong API key, an expired session, a body over the
 * limit) would otherwise leave the rest unread when the server closes the connection, and the
 * client, still sending, would see a reset connection instead of the 401 or 413 with its
 * explanation. A body declared larger than the cap is left alone: the connection closes. A client
 * that stops sending without closing holds the request's thread until the connector's idle timeout,
 * as it would while any body is read.
 */
public final class RequestBodyDrain extends HttpFilter {
  private static final long serialVersionUID = 1L;

  /** The most a refused body is still read for. */
  public static final long MAX_BYTES = 16L << 20;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(req, res);
    long length = req.getContentLengthLong();
    boolean chunked = length < 0 && req.getHeader("Transfer-Encoding") != null;
    if ((length > 0 && length <= MAX_BYTES) || chunked) {
      try {
        discard(req.getInputStream(), MAX_BYTES);
      } catch (IOException | IllegalStateException e) {
        // The client stopped sending, or the body was read as characters: nothing left to drain.
      }
    }
  }

  /** Reads and drops at most {@code max} bytes of {@code in}, or up to its end. */
  static void discard(InputStream in, long max) throws IOException {
    byte[] buffer = new byte[8192];
    long left = max;
    int n;
    while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
      left -= n;
    }
  }
}
