package nl.samenaanwezig.web;

import jakarta.servlet.http.HttpServletRequest;
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
}
