package nl.samenaanwezig.lti.deeplinking;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.samenaanwezig.lti.LtiClaims;
import nl.samenaanwezig.lti.Session;

/**
 * What the platform asked for in its deep linking request (claim {@code deep_linking_settings}):
 * where the answer goes, which content item types and how many it takes, and the opaque {@code
 * data} the answer must echo.
 *
 * @param returnUrl deep_link_return_url, an absolute http(s) URL
 * @param acceptsResourceLinks accept_types contains ltiResourceLink (or is absent: Moodle always
 *     sends it, and the picker offers nothing else)
 * @param acceptMultiple accept_multiple; absent means one item
 * @param data the data value to echo unchanged, or {@code null} when the request had none
 */
public record DeepLinkingSettings(
    String returnUrl, boolean acceptsResourceLinks, boolean acceptMultiple, Object data) {

  /** The content item type of an LTI link back into the tool. */
  public static final String RESOURCE_LINK = "ltiResourceLink";

  /** The settings a deep linking session kept from its launch; empty when absent or unusable. */
  public static Optional<DeepLinkingSettings> of(Session session) {
    if (!session.isDeepLinking() || session.servicesJson() == null) {
      return Optional.empty();
    }
    Map<String, Object> settings;
    try {
      settings =
          JSONObjectUtils.getJSONObject(
              JSONObjectUtils.parse(session.servicesJson()), LtiClaims.DEEP_LINKING_SETTINGS);
    } catch (ParseException e) {
      return Optional.empty();
    }
    if (settings == null || !(settings.get("deep_link_return_url") instanceof String url)) {
      return Optional.empty();
    }
    if (!isHttpUrl(url)) {
      return Optional.empty();
    }
    Object types = settings.get("accept_types");
    boolean resourceLinks =
        types == null || types instanceof List<?> l && l.contains(RESOURCE_LINK);
    Object multiple = settings.get("accept_multiple");
    boolean acceptMultiple =
        Boolean.TRUE.equals(multiple) || "true".equalsIgnoreCase(String.valueOf(multiple));
    return Optional.of(
        new DeepLinkingSettings(url, resourceLinks, acceptMultiple, settings.get("data")));
  }

  /** The form posts the signed answer here: never to a javascript: or other non-web URL. */
  private static boolean isHttpUrl(String url) {
    try {
      URI uri = URI.create(url);
      return uri.getHost() != null
          && ("https".equalsIgnoreCase(uri.getScheme())
              || "http".equalsIgnoreCase(uri.getScheme()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
