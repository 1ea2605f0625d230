package nl.samenaanwezig.lti.registration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Rules for the addresses a platform gives during registration: https everywhere, plain http only
 * on this machine (tests and a local Moodle), and an issuer that owns the configuration's address.
 */
final class PlatformUrls {
  private PlatformUrls() {}

  /** An absolute http(s) URL with a host and without user info, or empty. */
  static Optional<URI> parse(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(value.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("https") && !scheme.equals("http")) {
        return Optional.empty();
      }
      if (uri.getHost() == null || uri.getRawUserInfo() != null) {
        return Optional.empty();
      }
      return Optional.of(uri);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** https, or http to a loopback host (which never leaves this machine). */
  static boolean secure(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("https") || (scheme.equals("http") && loopback(uri.getHost()));
  }

  /** Loopback by name only: no DNS lookup, so a name cannot be made to point here later. */
  static boolean loopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost")
        || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")
        || h.equals("[::1]")
        || h.equals("::1");
  }

  /** scheme://host[:port] as browsers compare origins (CSP frame-ancestors). */
  static String origin(URI uri) {
    boolean defaultPort = uri.getPort() == -1 || uri.getPort() == defaultPort(uri);
    String port = defaultPort ? "" : ":" + uri.getPort();
    return uri.getScheme().toLowerCase(Locale.ROOT)
        + "://"
        + uri.getHost().toLowerCase(Locale.ROOT)
        + port;
  }

  /**
   * LTI DR 3.5.1: the issuer must match the address the configuration came from, i.e. the
   * configuration lives at the issuer's origin, under the issuer's path (whole segments only).
   */
  static boolean isUnder(URI url, URI issuer) {
    if (!origin(url).equals(origin(issuer))) {
      return false;
    }
    String base = issuer.getRawPath() == null ? "" : issuer.getRawPath();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    return base.isEmpty() || path.equals(base) || path.startsWith(base + "/");
  }

  private static int defaultPort(URI uri) {
    return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }
}
