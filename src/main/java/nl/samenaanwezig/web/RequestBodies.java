package nl.samenaanwezig.web;

import java.io.IOException;
import java.io.InputStream;

/** What to do with a request body that is refused before it was read. */
public final class RequestBodies {
  private RequestBodies() {}

  /**
   * Reads and drops at most {@code max} bytes of {@code in}, or up to its end. A client that is
   * still sending when the server answers and closes gets a reset connection instead of the answer;
   * reading the rest first lets it read the refusal.
   */
  public static void discard(InputStream in, long max) throws IOException {
    byte[] buffer = new byte[8192];
    long left = max;
    int n;
    while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
      left -= n;
    }
  }
}
