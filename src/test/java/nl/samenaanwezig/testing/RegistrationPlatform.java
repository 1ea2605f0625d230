package nl.samenaanwezig.testing;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moodle 4.5's side of LTI Dynamic Registration, attached to a {@link TestPlatform} so that issuer,
 * endpoints and keys are that platform's: {@code openid-configuration.php} and {@code
 * openid-registration.php}, which checks the bearer token and the body the way Moodle's
 * registration_helper does and answers with the platform's client_id and deployment id "1". Records
 * every registration request for assertions.
 */
public final class RegistrationPlatform {
  public static final String CONFIG_PATH = "/mod/lti/openid-configuration.php";
  public static final String REGISTRATION_PATH = "/mod/lti/openid-registration.php";
  static final String PLATFORM_CONFIGURATION =
      "https://purl.imsglobal.org/spec/lti-platform-configuration";
  static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";

  /** One registration request as the platform received it. */
  public record Received(String authorization, String contentType, Map<String, Object> body) {
    @SuppressWarnings("unchecked")
    public Map<String, Object> toolConfiguration() {
      return (Map<String, Object>) body.get(TOOL_CONFIGURATION);
    }
  }

  private final TestPlatform platform;
  private final String token = "registration-" + UUID.randomUUID();
  private final AtomicBoolean tokenUsed = new AtomicBoolean();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile String claimedIssuer;
  private volatile String missingMember;
  private volatile int forcedStatus;
  private volatile boolean deploymentId = true;

  private RegistrationPlatform(TestPlatform platform) {
    this.platform = platform;
  }

  /** Adds the registration endpoints to a platform. */
  public static RegistrationPlatform on(TestPlatform platform) {
    RegistrationPlatform registration = new RegistrationPlatform(platform);
    platform.handle(CONFIG_PATH, registration::configuration);
    platform.handle(REGISTRATION_PATH, registration::registration);
    return registration;
  }

  public String configUrl() {
    return platform.issuer() + CONFIG_PATH;
  }

  /** The one-time token this platform hands the tool (and expects back as bearer token). */
  public String registrationToken() {
    return token;
  }

  /** What Moodle opens in its frame: the tool's registration URL with both parameters. */
  public String registerUrl(ToolServer tool) {
    return registerUrl(tool, configUrl(), token);
  }

  public static String registerUrl(ToolServer tool, String configUrl, String token) {
    return tool.baseUrl()
        + "/lti/register?openid_configuration="
        + URLEncoder.encode(configUrl, StandardCharsets.UTF_8)
        + "&registration_token="
        + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  /** Claims another issuer in the configuration (which then no longer owns its address). */
  public RegistrationPlatform claimingIssuer(String issuer) {
    this.claimedIssuer = issuer;
    return this;
  }

  /** Leaves one member out of the OpenID configuration. */
  public RegistrationPlatform withoutConfigMember(String member) {
    this.missingMember = member;
    return this;
  }

  /** Makes the registration endpoint answer with this status (after recording the request). */
  public RegistrationPlatform answeringRegistrationWith(int status) {
    this.forcedStatus = status;
    return this;
  }

  /** Answers the registration without a deployment_id. */
  public RegistrationPlatform withoutDeploymentId() {
    this.deploymentId = false;
    return this;
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public Received lastReceived() {
    if (received.isEmpty()) {
      throw new AssertionError("no registration request received");
    }
    return received.get(received.size() - 1);
  }

  /** Moodle's openid-configuration.php (mod/lti), with this platform's endpoints. */
  private void configuration(HttpExchange exchange) throws IOException {
    String issuer = platform.issuer();
    Map<String, Object> conf = new LinkedHashMap<>();
    conf.put("issuer", claimedIssuer == null ? issuer : claimedIssuer);
    conf.put("token_endpoint", issuer + "/mod/lti/token.php");
    conf.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
    conf.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256"));
    conf.put("jwks_uri", issuer + "/mod/lti/certs.php");
    conf.put("authorization_endpoint", issuer + "/mod/lti/auth.php");
    conf.put("registration_endpoint", issuer + REGISTRATION_PATH);
    conf.put(
        "scopes_supported",
        List.of(
            "https://purl.imsglobal.org/spec/lti-bo/scope/basicoutcome",
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/score",
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
            "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
            "https://purl.imsglobal.org/spec/lti-ts/scope/toolsetting",
            "openid"));
    conf.put("response_types_supported", List.of("id_token"));
    conf.put("subject_types_supported", List.of("public", "pairwise"));
    conf.put("id_token_signing_alg_values_supported", List.of("RS256"));
    conf.put(
        "claims_supported", List.of("sub", "iss", "name", "given_name", "family_name", "email"));
    Map<String, Object> lti = new LinkedHashMap<>();
    lti.put("product_family_code", "moodle");
    lti.put("version", "4.5.2 (Build: 20250210)");
    lti.put(
        "messages_supported",
        List.of(
            Map.of("type", "LtiResourceLinkRequest"),
            Map.of("type", "LtiDeepLinkingRequest", "placements", List.of("ContentArea"))));
    lti.put("variables", List.of("ResourceLink.id", "Context.id", "Person.name.full"));
    conf.put(PLATFORM_CONFIGURATION, lti);
    if (missingMember != null) {
      conf.remove(missingMember);
    }
    TestPlatform.respond(exchange, 200, "application/json", JSONObjectUtils.toJSONString(conf));
  }

  /** Moodle 4.5's openid-registration.php: bearer token, the checks of registration_to_config. */
  private void registration(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      TestPlatform.respond(exchange, 405, "text/plain", "POST only");
      return;
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    String raw;
    try (InputStream in = exchange.getRequestBody()) {
      raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, Object> body;
    try {
      body = JSONObjectUtils.parse(raw);
    } catch (ParseException e) {
      TestPlatform.respond(exchange, 400, "text/plain", "not json");
      return;
    }
    received.add(new Received(authorization, contentType, body));
    if (forcedStatus != 0) {
      TestPlatform.respond(exchange, forcedStatus, "text/plain", "forced " + forcedStatus);
      return;
    }
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      TestPlatform.respond(exchange, 401, "text/plain", "missing_registration_token");
      return;
    }
    if (!token.equals(authorization.substring(7).strip())) {
      TestPlatform.respond(exchange, 401, "text/plain", "invalid_registration_token");
      return;
    }
    String problem = problem(body);
    if (problem != null) {
      TestPlatform.respond(exchange, 400, "text/plain", problem);
      return;
    }
    if (!tokenUsed.compareAndSet(false, true)) {
      TestPlatform.respond(exchange, 401, "text/plain", "token_already_used");
      return;
    }
    TestPlatform.respond(
        exchange,
        200,
        "application/json; charset=utf-8",
        JSONObjectUtils.toJSONString(answer(body)));
  }

  /** What Moodle's registration_to_config refuses, as its error text; null when acceptable. */
  private static String problem(Map<String, Object> body) {
    for (String member :
        List.of(
            "response_types",
            "initiate_login_uri",
            "redirect_uris",
            "client_name",
            "jwks_uri",
            "token_endpoint_auth_method",
            TOOL_CONFIGURATION)) {
      if (empty(body.get(member))) {
        return "missing required attribute " + member;
      }
    }
    if (!(body.get(TOOL_CONFIGURATION) instanceof Map<?, ?> tool)) {
      return "missing required attribute " + TOOL_CONFIGURATION;
    }
    if (empty(tool.get("domain"))) {
      return "missing_domain";
    }
    String domain = moodleDomain((String) tool.get("domain"));
    Object target = tool.get("target_link_uri");
    String targetDomain = moodleDomain(empty(target) ? "https://" + domain : (String) target);
    if (!domain.equals(targetDomain)) {
      return "domain_targetlinkuri_mismatch";
    }
    if (!(body.get("response_types") instanceof List<?> types) || !types.contains("id_token")) {
      return "invalid_response_types";
    }
    if (!(body.get("redirect_uris") instanceof List<?>)) {
      return "invalid_redirect_uris";
    }
    if (!"private_key_jwt".equals(body.get("token_endpoint_auth_method"))) {
      return "invalid_token_endpoint_auth_method";
    }
    Object applicationType = body.get("application_type");
    if (!empty(applicationType) && !"web".equals(applicationType)) {
      return "invalid_application_type";
    }
    return null;
  }

  /** Moodle's config_to_registration: echoes the registration with client_id and deployment. */
  private Map<String, Object> answer(Map<String, Object> body) {
    Map<String, Object> tool = new LinkedHashMap<>();
    @SuppressWarnings("unchecked")
    Map<String, Object> sent = (Map<String, Object>) body.get(TOOL_CONFIGURATION);
    tool.put("version", "1.3.0");
    if (deploymentId) {
      tool.put("deployment_id", platform.deploymentId());
    }
    tool.put("target_link_uri", sent.get("target_link_uri"));
    tool.put("domain", sent.get("domain"));
    tool.put("description", sent.getOrDefault("description", ""));
    tool.put("claims", List.of("sub", "iss", "name", "family_name", "given_name", "email"));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("client_id", platform.clientId());
    answer.put("token_endpoint_auth_method", "private_key_jwt");
    answer.put("response_types", List.of("id_token"));
    answer.put("jwks_uri", body.get("jwks_uri"));
    answer.put("initiate_login_uri", body.get("initiate_login_uri"));
    answer.put("grant_types", List.of("client_credentials", "implicit"));
    answer.put("redirect_uris", body.get("redirect_uris"));
    answer.put("application_type", "web");
    answer.put("client_name", body.get("client_name"));
    answer.put("logo_uri", body.getOrDefault("logo_uri", ""));
    answer.put("scope", body.getOrDefault("scope", ""));
    answer.put(TOOL_CONFIGURATION, tool);
    return answer;
  }

  /** Moodle's lti_get_domain_from_url: host[:port] without scheme, "www." and path. */
  private static String moodleDomain(String url) {
    Matcher m =
        Pattern.compile("(?:https?://)?(?:www\\.)?([^/]+)(?:/|$)", Pattern.CASE_INSENSITIVE)
            .matcher(url);
    return m.find() ? m.group(1) : "";
  }

  private static boolean empty(Object value) {
    return value == null
        || (value instanceof String s && s.isEmpty())
        || (value instanceof List<?> l && l.isEmpty())
        || (value instanceof Map<?, ?> m && m.isEmpty())
        || Boolean.FALSE.equals(value);
  }
}
