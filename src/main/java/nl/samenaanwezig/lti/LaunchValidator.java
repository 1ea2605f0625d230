package nl.samenaanwezig.lti;

import static nl.samenaanwezig.lti.LaunchException.Reason.*;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates an id_token posted to the launch endpoint (IMS Security Framework 1.0 section 5.1.3,
 * IMS LTI Core 1.3 section 5.3). Each failure names its exact reason; nothing is stored here except
 * that the login state is consumed.
 */
public final class LaunchValidator {

  /** IMS Security 5.1.3 step 3: only asymmetric RSA signatures; never "none" or HMAC. */
  static final Set<JWSAlgorithm> ALLOWED =
      Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);

  static final Duration LEEWAY = Duration.ofSeconds(10);

  // What the tool keeps of a launch (columns of person, course); see V1__foundation.sql.
  private static final int MAX_ID = 255;
  private static final int MAX_NAME = 300;
  private static final int MAX_PART_OF_NAME = 200;
  private static final int MAX_EMAIL = 320;
  private static final int MAX_LOCALE = 35;
  private static final int MAX_TITLE = 500;
  private static final int MAX_LABEL = 255;

  private final PlatformKeys keys;
  private final Clock clock;

  public LaunchValidator(PlatformKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * Checks the token against the login state it answers and the platform that state was made for.
   */
  public Launch validate(String idToken, LoginState state, Platform platform) {
    SignedJWT jwt = parse(idToken);
    JWSHeader header = jwt.getHeader();
    if (!ALLOWED.contains(header.getAlgorithm())) {
      throw new LaunchException(ALGORITHM_NOT_ALLOWED, "alg " + header.getAlgorithm());
    }
    if (header.getKeyID() == null || header.getKeyID().isBlank()) {
      throw new LaunchException(NO_KID, "header has no kid");
    }
    RSAKey key = verifySignature(jwt, platform);
    JWTClaimsSet claims = claims(jwt);
    checkStandardClaims(claims, state, platform);
    // The checks above give precise reasons; Nimbus then validates the same token as an OIDC
    // id_token once more (it also refuses a typ header other than JWT, which is ours to skip).
    try {
      IDTokenValidator validator =
          new IDTokenValidator(
              new Issuer(platform.issuer()),
              new ClientID(platform.clientId()),
              new JWSVerificationKeySelector<SecurityContext>(
                  ALLOWED, new ImmutableJWKSet<>(new com.nimbusds.jose.jwk.JWKSet(key))),
              null);
      validator.setMaxClockSkew((int) LEEWAY.toSeconds());
      validator.validate(jwt, new Nonce(state.nonce()));
    } catch (BadJOSEException | JOSEException e) {
      throw new LaunchException(INVALID_TOKEN, e.getMessage(), e);
    }
    return ltiClaims(claims, platform);
  }

  private static SignedJWT parse(String idToken) {
    if (idToken == null || idToken.isBlank()) {
      throw new LaunchException(MISSING_ID_TOKEN, "no id_token");
    }
    JWT jwt;
    try {
      jwt = JWTParser.parse(idToken.strip());
    } catch (ParseException e) {
      throw new LaunchException(NOT_A_JWT, e.getMessage(), e);
    }
    if (jwt instanceof SignedJWT signed) {
      return signed;
    }
    throw new LaunchException(ALGORITHM_NOT_ALLOWED, "unsigned or encrypted JWT");
  }

  private RSAKey verifySignature(SignedJWT jwt, Platform platform) {
    List<JWK> candidates = keys.matching(platform.jwksUrl(), jwt.getHeader());
    if (candidates.isEmpty()) {
      throw new LaunchException(UNKNOWN_KID, "kid " + jwt.getHeader().getKeyID());
    }
    for (JWK candidate : candidates) {
      if (candidate instanceof RSAKey rsa) {
        try {
          if (jwt.verify(new RSASSAVerifier(rsa))) {
            return rsa;
          }
        } catch (JOSEException e) {
          throw new LaunchException(BAD_SIGNATURE, e.getMessage(), e);
        }
      }
    }
    throw new LaunchException(BAD_SIGNATURE, "kid " + jwt.getHeader().getKeyID());
  }

  private static JWTClaimsSet claims(SignedJWT jwt) {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new LaunchException(NOT_A_JWT, "payload is not a JSON object", e);
    }
  }

  private void checkStandardClaims(JWTClaimsSet claims, LoginState state, Platform platform) {
    // IMS Security 5.1.3 step 2: iss must be the platform's issuer.
    if (!platform.issuer().equals(claims.getIssuer())) {
      throw new LaunchException(WRONG_ISSUER, "iss " + claims.getIssuer());
    }
    // Step 3: aud must contain client_id; step 4/5: azp required with several audiences.
    List<String> audience = claims.getAudience();
    if (audience == null || !audience.contains(platform.clientId())) {
      throw new LaunchException(WRONG_AUDIENCE, "aud " + audience);
    }
    Object azp = claims.getClaim("azp");
    if ((audience.size() > 1 || azp != null) && !platform.clientId().equals(azp)) {
      throw new LaunchException(WRONG_AUTHORIZED_PARTY, "azp " + azp);
    }
    // Step 7 and 8: exp and iat are required; the clocks may differ by the leeway.
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    Date iat = claims.getIssueTime();
    if (exp == null || iat == null) {
      throw new LaunchException(MISSING_TIMESTAMPS, "exp " + exp + ", iat " + iat);
    }
    if (exp.toInstant().plus(LEEWAY).isBefore(now)) {
      throw new LaunchException(EXPIRED, "exp " + exp);
    }
    if (iat.toInstant().minus(LEEWAY).isAfter(now)) {
      throw new LaunchException(ISSUED_IN_FUTURE, "iat " + iat);
    }
    // RFC 7519 4.1.5; Nimbus' IDTokenValidator does not look at nbf.
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && nbf.toInstant().minus(LEEWAY).isAfter(now)) {
      throw new LaunchException(NOT_YET_VALID, "nbf " + nbf);
    }
    String sub = stringClaim(claims, "sub");
    if (sub == null || sub.isBlank()) {
      throw new LaunchException(MISSING_SUB, "no sub");
    }
    requireIdLength("sub", sub);
    // Step 9: the nonce must be the one this login initiation made (and only once: the state
    // holding it is consumed before validation).
    if (!state.nonce().equals(stringClaim(claims, "nonce"))) {
      throw new LaunchException(NONCE_MISMATCH, "nonce does not match the login state");
    }
  }

  private static Launch ltiClaims(JWTClaimsSet claims, Platform platform) {
    String version = stringClaim(claims, LtiClaims.VERSION);
    if (version == null) {
      throw new LaunchException(MISSING_VERSION, "no version claim");
    }
    if (!LtiClaims.VERSION_1_3_0.equals(version)) {
      throw new LaunchException(WRONG_VERSION, "version " + version);
    }
    String messageType = stringClaim(claims, LtiClaims.MESSAGE_TYPE);
    if (messageType == null || messageType.isBlank()) {
      throw new LaunchException(MISSING_MESSAGE_TYPE, "no message_type");
    }
    if (!LtiClaims.RESOURCE_LINK_REQUEST.equals(messageType)
        && !LtiClaims.DEEP_LINKING_REQUEST.equals(messageType)) {
      throw new LaunchException(UNSUPPORTED_MESSAGE_TYPE, messageType);
    }
    String deploymentId = stringClaim(claims, LtiClaims.DEPLOYMENT_ID);
    if (deploymentId == null || deploymentId.isBlank()) {
      throw new LaunchException(MISSING_DEPLOYMENT_ID, "no deployment_id");
    }
    if (!platform.knowsDeployment(deploymentId)) {
      throw new LaunchException(UNKNOWN_DEPLOYMENT, "deployment " + deploymentId);
    }
    Object roles = claims.getClaim(LtiClaims.ROLES);
    if (!(roles instanceof List<?> roleList)) {
      throw new LaunchException(MISSING_ROLES, "roles claim absent or not an array");
    }
    List<String> ltiRoles = new ArrayList<>();
    roleList.forEach(r -> ltiRoles.add(String.valueOf(r)));

    Map<String, Object> resourceLink = objectClaim(claims, LtiClaims.RESOURCE_LINK);
    Optional<String> resourceLinkId =
        Optional.ofNullable(resourceLink).map(r -> r.get("id")).map(String::valueOf);
    String targetLinkUri = stringClaim(claims, LtiClaims.TARGET_LINK_URI);
    Map<String, Object> deepLinking = objectClaim(claims, LtiClaims.DEEP_LINKING_SETTINGS);
    if (LtiClaims.RESOURCE_LINK_REQUEST.equals(messageType)) {
      if (resourceLinkId.isEmpty() || resourceLinkId.get().isBlank()) {
        throw new LaunchException(MISSING_RESOURCE_LINK_ID, "no resource_link.id");
      }
      requireIdLength("resource_link.id", resourceLinkId.get());
      if (targetLinkUri == null || targetLinkUri.isBlank()) {
        throw new LaunchException(MISSING_TARGET_LINK_URI, "no target_link_uri");
      }
    } else if (deepLinking == null || deepLinking.get("deep_link_return_url") == null) {
      throw new LaunchException(MISSING_DEEP_LINKING_SETTINGS, "no deep_link_return_url");
    }

    Map<String, Object> context = objectClaim(claims, LtiClaims.CONTEXT);
    Optional<Launch.ContextClaim> contextClaim =
        Optional.ofNullable(context)
            .filter(c -> c.get("id") != null)
            .map(
                c ->
                    new Launch.ContextClaim(
                        requireIdLength("context.id", String.valueOf(c.get("id"))),
                        clip(asString(c.get("title")), MAX_TITLE),
                        clip(asString(c.get("label")), MAX_LABEL)));
    Map<String, Object> presentation = objectClaim(claims, LtiClaims.LAUNCH_PRESENTATION);
    String locale =
        presentation != null && presentation.get("locale") != null
            ? String.valueOf(presentation.get("locale"))
            : stringClaim(claims, "locale");
    String email = stringClaim(claims, "email");
    Map<String, String> custom = new LinkedHashMap<>();
    Map<String, Object> customClaim = objectClaim(claims, LtiClaims.CUSTOM);
    if (customClaim != null) {
      customClaim.forEach((k, v) -> custom.put(k, String.valueOf(v)));
    }
    Map<String, Object> services = new LinkedHashMap<>();
    for (String name : List.of(LtiClaims.NRPS, LtiClaims.AGS, LtiClaims.DEEP_LINKING_SETTINGS)) {
      Map<String, Object> service = objectClaim(claims, name);
      if (service != null) {
        services.put(name, service);
      }
    }
    return new Launch(
        platform,
        deploymentId,
        messageType,
        stringClaim(claims, "sub"),
        clip(stringClaim(claims, "name"), MAX_NAME),
        clip(stringClaim(claims, "given_name"), MAX_PART_OF_NAME),
        clip(stringClaim(claims, "family_name"), MAX_PART_OF_NAME),
        // A shortened address would reach someone else: too long means no address.
        email != null && email.length() > MAX_EMAIL ? null : email,
        locale != null && locale.length() > MAX_LOCALE ? null : locale,
        List.copyOf(ltiRoles),
        contextClaim,
        resourceLinkId,
        targetLinkUri,
        Map.copyOf(custom),
        JSONObjectUtils.toJSONString(services));
  }

  private static String stringClaim(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    return value instanceof String s ? s : null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> objectClaim(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
  }

  private static String asString(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  /**
   * OIDC Core 2 and LTI Core 1.3 (5.3.5, 5.3.6, 5.4.1): sub, context.id and resource_link.id are at
   * most 255 characters. The tool keys people, courses and links on them, so it never shortens
   * them.
   */
  private static String requireIdLength(String name, String id) {
    if (id.length() > MAX_ID) {
      throw new LaunchException(CLAIM_TOO_LONG, name + " has " + id.length() + " characters");
    }
    return id;
  }

  /** Display text longer than the tool keeps is shortened, not refused. */
  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
