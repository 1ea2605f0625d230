package nl.samenaanwezig.lti;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an administrator (or dynamic registration) tells the tool about a platform. Normalised on
 * construction; {@link #problems} lists every fault as a message key for the UI to translate.
 */
public record PlatformSettings(
    String issuer,
    String clientId,
    Set<String> deploymentIds,
    String authLoginUrl,
    String tokenUrl,
    String jwksUrl,
    String name,
    String institution) {

  public PlatformSettings {
    issuer = strip(issuer);
    clientId = strip(clientId);
    authLoginUrl = strip(authLoginUrl);
    tokenUrl = strip(tokenUrl);
    jwksUrl = strip(jwksUrl);
    name = strip(name);
    institution = strip(institution);
    Set<String> ids = new TreeSet<>();
    if (deploymentIds != null) {
      deploymentIds.stream()
          .filter(d -> d != null && !d.isBlank())
          .map(String::strip)
          .forEach(ids::add);
    }
    deploymentIds = Set.copyOf(ids);
    if (name == null || name.isEmpty()) {
      name = issuer;
    }
    if (institution == null || institution.isEmpty()) {
      institution = name;
    }
  }

  /**
   * Message keys (bundle {@code i18n/messages}) for each fault; empty when the settings are usable.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!isHttpUrl(issuer)) {
      problems.add("platform.problem.issuer");
    }
    if (clientId == null || clientId.isEmpty()) {
      problems.add("platform.problem.clientId");
    }
    if (!isHttpUrl(authLoginUrl)) {
      problems.add("platform.problem.authLoginUrl");
    }
    if (tokenUrl != null && !tokenUrl.isEmpty() && !isHttpUrl(tokenUrl)) {
      problems.add("platform.problem.tokenUrl");
    }
    if (!isHttpUrl(jwksUrl)) {
      problems.add("platform.problem.jwksUrl");
    }
    return problems;
  }

  private static boolean isHttpUrl(String value) {
    if (value == null || value.isEmpty()) {
      return false;
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      return uri.getHost() != null && ("https".equals(scheme) || "http".equals(scheme));
    } catch (Exception e) {
      return false;
    }
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }
}
