package nl.samenaanwezig.lti.services;

import java.net.URI;

/** Same-origin checks, so a bearer token is only ever sent where the platform's service lives. */
public final class Origins {
  private Origins() {}

  /** Scheme, host and (default) port equal. */
  public static boolean same(URI a, URI b) {
    return a.getScheme() != null
        && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
