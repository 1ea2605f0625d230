package nl.samenaanwezig.lti.registration;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.samenaanwezig.lti.registration.RegistrationFailedException.Reason;

/**
 * What a platform says about itself in its OpenID configuration (LTI DR 3.4), checked: the
 * endpoints the tool needs, all secure, and an issuer that owns the address it was fetched from.
 */
record PlatformConfiguration(
    URI issuer,
    URI authorizationEndpoint,
    URI tokenEndpoint,
    URI jwksUri,
    URI registrationEndpoint,
    String productFamilyCode,
    String version,
    List<String> messagesSupported) {

  /** LTI DR 3.4.1: the platform's LTI-specific member of its OpenID configuration. */
  static final String PLATFORM_CONFIGURATION =
      "https://purl.imsglobal.org/spec/lti-platform-configuration";

  /** The columns that hold these addresses are this long (V1 schema). */
  private static final int MAX_ISSUER = 500;

  private static final int MAX_URL = 1000;

  PlatformConfiguration {
    messagesSupported = List.copyOf(messagesSupported);
  }

  /** Parses and checks the configuration fetched from {@code configUrl}. */
  static PlatformConfiguration parse(String json, URI configUrl) {
    OIDCProviderMetadata metadata;
    try {
      metadata = OIDCProviderMetadata.parse(json);
    } catch (ParseException | RuntimeException e) {
      throw new RegistrationFailedException(Reason.CONFIG, "not an OpenID configuration", e);
    }
    URI issuer =
        PlatformUrls.parse(metadata.getIssuer().getValue())
            .filter(PlatformUrls::secure)
            .filter(u -> u.getRawQuery() == null && u.getRawFragment() == null)
            .filter(u -> u.toString().length() <= MAX_ISSUER)
            .orElseThrow(
                () ->
                    new RegistrationFailedException(
                        Reason.CONFIG, "issuer not https: " + metadata.getIssuer()));
    if (!PlatformUrls.isUnder(configUrl, issuer)) {
      throw new RegistrationFailedException(
          Reason.ISSUER, "configuration " + configUrl + " not under issuer " + issuer);
    }
    Map<String, Object> lti = member(metadata.getCustomParameter(PLATFORM_CONFIGURATION));
    return new PlatformConfiguration(
        issuer,
        endpoint("authorization_endpoint", metadata.getAuthorizationEndpointURI()),
        endpoint("token_endpoint", metadata.getTokenEndpointURI()),
        endpoint("jwks_uri", metadata.getJWKSetURI()),
        endpoint("registration_endpoint", metadata.getRegistrationEndpointURI()),
        text(lti.get("product_family_code")),
        text(lti.get("version")),
        messageTypes(lti.get("messages_supported")));
  }

  /**
   * Whether the platform can send this message type. A platform that lists nothing is taken to
   * support what LTI 1.3 platforms commonly do, so the tool still asks for it.
   */
  boolean supports(String messageType) {
    return messagesSupported.isEmpty() || messagesSupported.contains(messageType);
  }

  /** A readable name for the registration: the product and the host, e.g. "Moodle (school.nl)". */
  String displayName() {
    String product =
        productFamilyCode == null || productFamilyCode.isBlank() ? "" : productFamilyCode;
    if (product.isEmpty()) {
      return host();
    }
    return product.substring(0, 1).toUpperCase(Locale.ROOT)
        + product.substring(1)
        + " ("
        + host()
        + ")";
  }

  /** The issuer's host (and port when not the default), standing in for the school's name. */
  String host() {
    return PlatformUrls.origin(issuer).replaceFirst("^[a-z]+://", "");
  }

  private static URI endpoint(String member, URI value) {
    return Optional.ofNullable(value)
        .flatMap(v -> PlatformUrls.parse(v.toString()))
        .filter(PlatformUrls::secure)
        .filter(u -> u.toString().length() <= MAX_URL)
        .orElseThrow(
            () ->
                new RegistrationFailedException(
                    Reason.CONFIG, member + " missing or not https: " + value));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> member(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  /**
   * LTI DR 1.0 lists objects ({@code {"type": ...}}); older Moodle releases listed plain strings.
   */
  private static List<String> messageTypes(Object value) {
    List<String> types = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        Object type = item instanceof Map<?, ?> map ? map.get("type") : item;
        if (type instanceof String s && !s.isBlank()) {
          types.add(s.strip());
        }
      }
    }
    return types;
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
