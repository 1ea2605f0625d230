package nl.samenaanwezig.lti.registration;

import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.openid.connect.sdk.OIDCResponseTypeValue;
import com.nimbusds.openid.connect.sdk.rp.ApplicationType;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientMetadata;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The client registration the tool sends (LTI DR 3.5): OpenID client metadata plus the {@code
 * lti-tool-configuration} member, all pointing at this tool's base URL.
 */
final class ToolRegistrationRequest {
  /** LTI DR 3.5.2: the tool's LTI-specific member of the registration request and response. */
  static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";

  static final String CLIENT_NAME = "Samen Aanwezig";

  static final String DESCRIPTION =
      "Samen Aanwezig helpt mentoren, studenten en hun naasten om aanwezigheid samen te volgen"
          + " en op tijd met elkaar in gesprek te gaan.";

  /**
   * The services the tool calls with client_credentials: roster (NRPS) and grades (AGS). No
   * "openid": that scope belongs to the launch, and the spec's examples list only service scopes
   * (Moodle ignores scopes it does not know either way).
   */
  static final List<String> SCOPES =
      List.of(
          "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
          "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
          "https://purl.imsglobal.org/spec/lti-ags/scope/score",
          "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly");

  /** Without these claims Moodle sends no names or e-mail address in launches. */
  static final List<String> CLAIMS =
      List.of("iss", "sub", "name", "given_name", "family_name", "email");

  private ToolRegistrationRequest() {}

  /** The JSON body for the platform's registration endpoint. */
  static String json(String baseUrl, PlatformConfiguration platform) {
    String launch = baseUrl + "/lti/launch";
    OIDCClientMetadata client = new OIDCClientMetadata();
    client.setApplicationType(ApplicationType.WEB);
    client.setResponseTypes(Set.of(new ResponseType(OIDCResponseTypeValue.ID_TOKEN)));
    client.setGrantTypes(
        new LinkedHashSet<>(List.of(GrantType.IMPLICIT, GrantType.CLIENT_CREDENTIALS)));
    // Nimbus accepts only https here; a tool on http://localhost (development) must still work.
    client.setCustomField("initiate_login_uri", baseUrl + "/lti/login");
    client.setRedirectionURI(URI.create(launch));
    client.setName(CLIENT_NAME);
    client.setJWKSetURI(URI.create(baseUrl + "/.well-known/jwks.json"));
    client.setLogoURI(URI.create(baseUrl + "/static/logo.svg"));
    client.setTokenEndpointAuthMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
    client.setScope(new Scope(SCOPES.toArray(String[]::new)));

    Map<String, Object> tool = new LinkedHashMap<>();
    tool.put("domain", domain(baseUrl));
    tool.put("target_link_uri", launch);
    tool.put("description", DESCRIPTION);
    tool.put("claims", CLAIMS);
    List<Map<String, Object>> messages = new ArrayList<>();
    messages.add(Map.of("type", "LtiResourceLinkRequest"));
    if (platform.supports("LtiDeepLinkingRequest")) {
      Map<String, Object> deepLinking = new LinkedHashMap<>();
      deepLinking.put("type", "LtiDeepLinkingRequest");
      deepLinking.put("target_link_uri", launch);
      deepLinking.put("label", CLIENT_NAME);
      // Placement names are the platform's own; Moodle ignores them, "ContentArea" is the common
      // name for "add content here".
      deepLinking.put("placements", List.of("ContentArea"));
      messages.add(deepLinking);
    }
    tool.put("messages", messages);
    client.setCustomField(TOOL_CONFIGURATION, tool);
    return client.toJSONObject().toJSONString();
  }

  /**
   * LTI DR 3.5.2 domain: host[:port] exactly as in the base URL, because Moodle 4.5 refuses a
   * registration whose domain differs from the host[:port] of target_link_uri.
   */
  static String domain(String baseUrl) {
    return URI.create(baseUrl).getRawAuthority();
  }
}
