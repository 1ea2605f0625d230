package nl.samenaanwezig.lti;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a platform registration in the format of {@code
 * lti-config/platform-registration.example.json}; members starting with {@code _comment} are
 * documentation and ignored.
 */
public final class PlatformJson {
  private PlatformJson() {}

  /** The settings in the JSON text; throws {@link ParseException} when it is not a JSON object. */
  public static PlatformSettings parse(String json) throws ParseException {
    Map<String, Object> o = JSONObjectUtils.parse(json == null ? "" : json);
    Set<String> deployments = new LinkedHashSet<>();
    Object ids = o.get("deploymentIds");
    if (ids instanceof List<?> list) {
      list.forEach(d -> deployments.add(String.valueOf(d)));
    } else if (ids instanceof String single) {
      deployments.add(single);
    }
    return new PlatformSettings(
        text(o, "issuer"),
        text(o, "clientId"),
        deployments,
        text(o, "authLoginUrl"),
        text(o, "tokenUrl"),
        text(o, "jwksUrl"),
        text(o, "name"),
        text(o, "institution"));
  }

  private static String text(Map<String, Object> o, String key) {
    Object v = o.get(key);
    return v == null ? null : String.valueOf(v);
  }
}
