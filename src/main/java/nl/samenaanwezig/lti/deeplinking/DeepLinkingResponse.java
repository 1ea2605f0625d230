package nl.samenaanwezig.lti.deeplinking;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import nl.samenaanwezig.lti.LtiClaims;
import nl.samenaanwezig.lti.Platform;
import nl.samenaanwezig.lti.Tokens;
import nl.samenaanwezig.web.Pages;

/**
 * The LtiDeepLinkingResponse message: a JWT signed with the tool key, from the tool (iss =
 * client_id) to the platform (aud = its issuer), carrying one ltiResourceLink content item per
 * chosen placement.
 */
public final class DeepLinkingResponse {
  /** Long enough for a slow auto-post, short enough that a leaked form is soon useless. */
  public static final Duration LIFETIME = Duration.ofMinutes(5);

  private DeepLinkingResponse() {}

  /**
   * Signs the answer to a deep linking request.
   *
   * @param launchUrl where the platform launches each placed link (the tool's launch endpoint)
   * @param locale the language of the item titles and texts the course will show
   */
  public static String sign(
      RSAKey key,
      Platform platform,
      String deploymentId,
      DeepLinkingSettings settings,
      List<Placement> chosen,
      String launchUrl,
      Locale locale,
      Instant now) {
    Objects.requireNonNull(deploymentId, "the response names the deployment of the request");
    if (chosen.isEmpty() || (chosen.size() > 1 && !settings.acceptMultiple())) {
      throw new IllegalArgumentException("the platform does not take " + chosen.size() + " items");
    }
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(platform.clientId())
            .audience(platform.issuer())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(LIFETIME)))
            .claim("nonce", Tokens.random())
            .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.DEEP_LINKING_RESPONSE)
            .claim(LtiClaims.VERSION, LtiClaims.VERSION_1_3_0)
            .claim(LtiClaims.DEPLOYMENT_ID, deploymentId)
            .claim(
                LtiClaims.DEEP_LINKING_CONTENT_ITEMS,
                chosen.stream().map(p -> contentItem(p, launchUrl, locale)).toList());
    if (settings.data() != null) {
      // Deep Linking 2.0: data from the request must come back unchanged.
      claims.claim(LtiClaims.DEEP_LINKING_DATA, settings.data());
    }
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .keyID(key.getKeyID())
            .type(JOSEObjectType.JWT)
            .build();
    SignedJWT jwt = new SignedJWT(header, claims.build());
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign with tool key " + key.getKeyID(), e);
    }
    return jwt.serialize();
  }

  /**
   * One ltiResourceLink item; Moodle turns {@code custom} into the activity's custom parameters.
   */
  static Map<String, Object> contentItem(Placement placement, String launchUrl, Locale locale) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("type", DeepLinkingSettings.RESOURCE_LINK);
    item.put("title", Pages.text(locale, placement.titleKey()));
    item.put("text", Pages.text(locale, placement.textKey()));
    item.put("url", launchUrl);
    item.put("custom", Map.of(Placement.CUSTOM_PARAMETER, placement.id()));
    return item;
  }
}
