package nl.samenaanwezig.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The tool's public base URL: configured ({@code SA_BASE_URL}) behind a proxy, otherwise the
 * scheme, host and port the request came in on.
 */
public final class BaseUrl {
  private final Optional<String> configured;

  public BaseUrl(Optional<String> configured) {
    this.configured = configured;
  }

  public String of(HttpServletRequest request) {
    if (configured.isPresent()) {
      return configured.get();
    }
    String scheme = request.getScheme();
    int port = request.getServerPort();
    boolean defaultPort =
        ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    String host = request.getServerName();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return scheme + "://" + host + (defaultPort ? "" : ":" + port);
  }

  /**
   * True when {@code url} is a page of the tool at {@code base}: the same scheme, host and port (a
   * default port written or not), and a path at or below the base's path.
   */
  public static boolean covers(String base, String url) {
    if (url == null) {
      return false;
    }
    try {
      URI b = new URI(base);
      URI u = new URI(url);
      if (b.getScheme() == null
          || u.getScheme() == null
          || u.getHost() == null
          || !b.getScheme().equalsIgnoreCase(u.getScheme())
          || !b.getHost().equalsIgnoreCase(u.getHost())
          || port(b) != port(u)) {
        return false;
      }
      String basePath = b.getPath() == null ? "" : b.getPath().replaceAll("/+$", "");
      String path = u.getPath() == null ? "" : u.getPath();
      return path.equals(basePath) || path.startsWith(basePath + "/");
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
  }
}
