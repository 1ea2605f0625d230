package nl.samenaanwezig.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.samenaanwezig.lti.Role;

/**
 * The LTI Advantage services of a {@link TestPlatform}, shaped like Moodle 4.5's: a token endpoint
 * that verifies the tool's client assertion against the tool's own JWKS and answers the way {@code
 * mod/lti/token.php} does (see {@link TokenStyle}), and a names and roles (NRPS 2.0) endpoint with
 * paging, a differences link and injectable faults. Counts every request so tests can assert
 * caching and paging.
 */
public final class PlatformServices {
  public static final String TOKEN_PATH = "/mod/lti/token.php";
  public static final String SERVICES_PATH = "/mod/lti/services.php/";
  public static final String NRPS_MEDIA_TYPE =
      "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
  public static final String NRPS_SCOPE =
      "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
  static final Set<String> KNOWN_SCOPES =
      Set.of(
          NRPS_SCOPE,
          "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
          "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
          "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
          "https://purl.imsglobal.org/spec/lti-ags/scope/score");
  static final int HUGE_BYTES = 11 * 1024 * 1024;

  /** What the membership endpoint does wrong, from {@link #fault(Fault, int)}'s page on. */
  public enum Fault {
    NONE,
    /** Answers after {@link #slowness}: longer than the tool's service timeout in tests. */
    SLOW,
    SERVER_ERROR,
    /** Revokes all tokens and answers 401 once, then works again (with a new token). */
    UNAUTHORIZED_ONCE,
    /** 401 to every request, also with fresh tokens. */
    UNAUTHORIZED,
    MALFORMED_JSON,
    /** 200 with an 11 MB body and its Content-Length. */
    HUGE_PAGE,
    /** 200 with an 11 MB chunked body (no Content-Length). */
    HUGE_PAGE_CHUNKED,
    /** Closes the connection without any answer. */
    DOWN
  }

  /** How the token endpoint frames its answers. */
  public enum TokenStyle {
    /**
     * Moodle 4.5's token.php: the JSON body goes out without a Content-Type of its own, so PHP's
     * default {@code text/html; charset=UTF-8} is sent; every refusal is 400 {@code {"error":
     * "..."}} without a description, also for an unknown client.
     */
    MOODLE_4_5,
    /** Like Moodle 4.5, but no Content-Type header at all (PHP with default_mimetype empty). */
    NO_CONTENT_TYPE,
    /** RFC 6749 5.1/5.2 to the letter: application/json, 401 for invalid_client. */
    STRICT_JSON
  }

  private final TestPlatform platform;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
  private final Map<String, List<String>> tokenScopes = new ConcurrentHashMap<>();
  private final Set<String> seenJti = ConcurrentHashMap.newKeySet();
  private final List<String> rejections = new CopyOnWriteArrayList<>();
  private final List<String> grantedScopes = new CopyOnWriteArrayList<>();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final AtomicInteger membershipRequests = new AtomicInteger();
  private final AtomicInteger differencesRequests = new AtomicInteger();
  private final Map<String, Entry> roster = new LinkedHashMap<>();
  private int version;
  private volatile Fault fault = Fault.NONE;
  private volatile int faultFromPage = 1;
  private volatile int pageSize = 100;
  private volatile boolean offerDifferences;
  private volatile long tokenLifetimeSeconds = 3600;
  private volatile Duration slowness = Duration.ofSeconds(6);
  private volatile TokenStyle tokenStyle = TokenStyle.MOODLE_4_5;
  private volatile String tokenOverride;
  private volatile int tokenOverrideStatus;
  private volatile boolean sloppyPages;
  private volatile CountDownLatch held = new CountDownLatch(0);

  private record Entry(Map<String, Object> member, int version) {}

  private PlatformServices(TestPlatform platform) {
    this.platform = platform;
  }

  /** Adds the token and NRPS endpoints to a platform. */
  public static PlatformServices attach(TestPlatform platform) {
    PlatformServices services = new PlatformServices(platform);
    platform.handle(TOKEN_PATH, services::token);
    platform.handle(SERVICES_PATH, services::memberships);
    return services;
  }

  /** Moodle's shape: /mod/lti/services.php/CONTEXT/bindings/TYPEID/memberships. */
  public String membershipsUrl(String contextId) {
    return platform.issuer() + SERVICES_PATH + contextId + "/bindings/1/memberships";
  }

  /** The NRPS claim a launch from this context carries. */
  public Map<String, Object> nrpsClaim(String contextId) {
    return Map.of(
        "context_memberships_url", membershipsUrl(contextId),
        "service_versions", List.of("1.0", "2.0"));
  }

  // ---- the roster ----

  /** Adds or updates an active member with one LIS role URI. */
  public synchronized PlatformServices member(
      String userId, String given, String family, String roleUri) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", "Active");
    m.put("name", given + " " + family);
    m.put("picture", platform.issuer() + "/user/pix.php/" + userId);
    m.put("given_name", given);
    m.put("family_name", family);
    m.put("email", userId + "@school.example");
    m.put("user_id", userId);
    m.put("lti11_legacy_user_id", UUID.randomUUID().toString().replace("-", ""));
    m.put("roles", List.of(roleUri));
    roster.put(userId, new Entry(m, ++version));
    return this;
  }

  /** The launch defaults of {@link LaunchBuilder}: mentor-1 (Jeroen Smits) as teacher. */
  public PlatformServices withLaunchMentor() {
    return member("mentor-1", "Jeroen", "Smits", Role.Lis.INSTRUCTOR.uri());
  }

  /** Adds learners s0001..sNNNN named "Leerling NNNN". */
  public synchronized PlatformServices students(int count) {
    for (int i = 1; i <= count; i++) {
      String n = String.format("%04d", i);
      member("s" + n, "Leerling", n, Role.Lis.LEARNER.uri());
    }
    return this;
  }

  /** Sets a member's status (Active, Inactive, Deleted); the change shows in differences. */
  public synchronized PlatformServices status(String userId, String status) {
    Entry e = roster.get(userId);
    Map<String, Object> m = new LinkedHashMap<>(e.member());
    m.put("status", status);
    roster.put(userId, new Entry(m, ++version));
    return this;
  }

  /** Unenrols a member without a trace (only a full read notices). */
  public synchronized PlatformServices remove(String userId) {
    roster.remove(userId);
    return this;
  }

  public PlatformServices pageSize(int size) {
    this.pageSize = size;
    return this;
  }

  public PlatformServices offerDifferences(boolean offer) {
    this.offerDifferences = offer;
    return this;
  }

  public PlatformServices tokenLifetime(long seconds) {
    this.tokenLifetimeSeconds = seconds;
    return this;
  }

  public PlatformServices slowness(Duration slowness) {
    this.slowness = slowness;
    return this;
  }

  /** How token answers are framed; {@link TokenStyle#MOODLE_4_5} unless a test asks otherwise. */
  public PlatformServices tokenStyle(TokenStyle style) {
    this.tokenStyle = style;
    return this;
  }

  /**
   * Answers every token request with this status and literal body (framed in the current {@link
   * TokenStyle}), whatever the request: for answers no real request would earn.
   */
  public PlatformServices tokenAnswer(int status, String body) {
    this.tokenOverrideStatus = status;
    this.tokenOverride = body;
    return this;
  }

  /**
   * Membership pages as {@code text/html; charset=UTF-8} with a UTF-8 byte order mark before the
   * JSON, as a PHP site sends them when one of its files was saved with a BOM.
   */
  public PlatformServices sloppyPages(boolean sloppy) {
    this.sloppyPages = sloppy;
    return this;
  }

  /**
   * Membership pages wait until {@link #releaseAnswers()} (at most a minute), like a platform that
   * is slow for as long as a test needs to look at the tool meanwhile.
   */
  public PlatformServices holdAnswers() {
    held = new CountDownLatch(1);
    return this;
  }

  /** Lets held and later membership pages through. */
  public PlatformServices releaseAnswers() {
    held.countDown();
    return this;
  }

  /** Injects a fault into every membership page. */
  public PlatformServices fault(Fault fault) {
    return fault(fault, 1);
  }

  /** Injects a fault into membership pages from {@code fromPage} (1-based) on. */
  public PlatformServices fault(Fault fault, int fromPage) {
    this.fault = fault;
    this.faultFromPage = fromPage;
    return this;
  }

  /** Revokes every token issued so far (like a platform restart). */
  public void revokeTokens() {
    validTokens.clear();
  }

  /**
   * True when an Authorization header carries a live bearer token granted one of these scopes (for
   * other service endpoints, e.g. {@link AgsEndpoints}).
   */
  public boolean accepts(String authorization, String... anyOfScopes) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return false;
    }
    String token = authorization.substring(7);
    List<String> granted = tokenScopes.getOrDefault(token, List.of());
    return validTokens.contains(token) && Arrays.stream(anyOfScopes).anyMatch(granted::contains);
  }

  public int tokenRequests() {
    return tokenRequests.get();
  }

  /** Every request to the membership endpoint (full and differences, all pages). */
  public int membershipRequests() {
    return membershipRequests.get();
  }

  public int differencesRequests() {
    return differencesRequests.get();
  }

  /** Why the token endpoint refused client assertions (empty when all were valid). */
  public List<String> rejections() {
    return List.copyOf(rejections);
  }

  public List<String> grantedScopes() {
    return List.copyOf(grantedScopes);
  }

  // ---- token endpoint (Moodle's token.php) ----

  private void token(HttpExchange exchange) throws IOException {
    tokenRequests.incrementAndGet();
    if (tokenOverride != null) {
      exchange.getRequestBody().readAllBytes();
      sendToken(exchange, tokenOverrideStatus, tokenOverride);
      return;
    }
    try {
      if (!"POST".equals(exchange.getRequestMethod())) {
        refuse(exchange, "invalid_request", "method " + exchange.getRequestMethod());
        return;
      }
      Map<String, String> form =
          TestPlatform.query(
              URI.create(
                  "?"
                      + new String(
                          exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      // token.php's order: all four parameters present, then grant and assertion type.
      if (Stream.of("client_assertion", "client_assertion_type", "grant_type", "scope")
          .anyMatch(name -> form.getOrDefault(name, "").isEmpty())) {
        refuse(exchange, "invalid_request", "missing parameter");
        return;
      }
      if (!"client_credentials".equals(form.get("grant_type"))
          || !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
              .equals(form.get("client_assertion_type"))) {
        refuse(
            exchange,
            "unsupported_grant_type",
            form.get("grant_type") + " / " + form.get("client_assertion_type"));
        return;
      }
      String problem = assertionProblem(form.get("client_assertion"));
      if (problem != null) {
        refuse(exchange, "invalid_client", problem);
        return;
      }
      String scope = form.getOrDefault("scope", "");
      List<String> scopes = Arrays.asList(scope.strip().split("\\s+"));
      if (scope.isBlank() || !KNOWN_SCOPES.containsAll(scopes)) {
        refuse(exchange, "invalid_scope", "scope " + scope);
        return;
      }
      String token = UUID.randomUUID().toString();
      validTokens.add(token);
      tokenScopes.put(token, List.copyOf(scopes));
      grantedScopes.add(scope);
      // The layout of token.php's heredoc, spaces and newlines included.
      sendToken(
          exchange,
          200,
          "{\n  \"access_token\" : \""
              + token
              + "\",\n  \"token_type\" : \"Bearer\",\n  \"expires_in\" : "
              + tokenLifetimeSeconds
              + ",\n  \"scope\" : \""
              + scope
              + "\"\n}");
    } catch (RuntimeException e) {
      refuse(exchange, "invalid_request", e.toString());
    }
  }

  /** IMS Security 4.1.1 checks of the tool's JWT, verified with the tool's published keys. */
  private String assertionProblem(String assertion) {
    if (assertion == null) {
      return "no client_assertion";
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(assertion);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      return "client_assertion is not a JWT";
    }
    if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
      return "alg " + jwt.getHeader().getAlgorithm();
    }
    String kid = jwt.getHeader().getKeyID();
    if (kid == null) {
      return "no kid";
    }
    JWK key = toolKeys().getKeyByKeyId(kid);
    if (!(key instanceof RSAKey rsa)) {
      return "kid " + kid + " not in the tool's JWKS";
    }
    try {
      if (!jwt.verify(new RSASSAVerifier(rsa))) {
        return "bad signature";
      }
    } catch (JOSEException e) {
      return "signature: " + e.getMessage();
    }
    if (!platform.clientId().equals(claims.getIssuer())) {
      return "iss " + claims.getIssuer();
    }
    if (!platform.clientId().equals(claims.getSubject())) {
      return "sub " + claims.getSubject();
    }
    String tokenUrl = platform.issuer() + TOKEN_PATH;
    if (claims.getAudience() == null || !claims.getAudience().contains(tokenUrl)) {
      return "aud " + claims.getAudience();
    }
    Instant now = Instant.now();
    if (claims.getExpirationTime() == null
        || claims.getExpirationTime().toInstant().isBefore(now)
        || claims.getExpirationTime().toInstant().isAfter(now.plus(Duration.ofMinutes(10)))) {
      return "exp " + claims.getExpirationTime();
    }
    if (claims.getIssueTime() == null) {
      return "no iat";
    }
    if (claims.getJWTID() == null || !seenJti.add(claims.getJWTID())) {
      return "jti missing or reused: " + claims.getJWTID();
    }
    return null;
  }

  private JWKSet toolKeys() {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(platform.toolBaseUrl() + "/.well-known/jwks.json"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return JWKSet.parse(r.body());
    } catch (IOException | ParseException e) {
      throw new IllegalStateException("tool JWKS", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void refuse(HttpExchange exchange, String error, String why) throws IOException {
    rejections.add(error + ": " + why);
    if (tokenStyle == TokenStyle.STRICT_JSON) {
      sendToken(
          exchange,
          error.equals("invalid_client") ? 401 : 400,
          JSONObjectUtils.toJSONString(Map.of("error", error, "error_description", why)));
    } else {
      sendToken(exchange, 400, "{\"error\": \"" + error + "\"}");
    }
  }

  /** Sends a token endpoint answer with the Content-Type (or none) of the current style. */
  private void sendToken(HttpExchange exchange, int status, String body) throws IOException {
    switch (tokenStyle) {
      case MOODLE_4_5 ->
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
      case STRICT_JSON -> exchange.getResponseHeaders().set("Content-Type", "application/json");
      case NO_CONTENT_TYPE -> exchange.getResponseHeaders().remove("Content-Type");
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  // ---- membership endpoint ----

  private void memberships(HttpExchange exchange) throws IOException {
    membershipRequests.incrementAndGet();
    try (exchange) {
      Map<String, String> q = TestPlatform.query(exchange.getRequestURI());
      String path = exchange.getRequestURI().getPath();
      String contextId =
          path.substring(SERVICES_PATH.length(), path.indexOf('/', SERVICES_PATH.length()));
      String since = q.get("since");
      if (since != null) {
        differencesRequests.incrementAndGet();
      }
      int page = Integer.parseInt(q.getOrDefault("page", "1"));
      Fault now = page >= faultFromPage ? fault : Fault.NONE;
      if (now == Fault.DOWN) {
        return;
      }
      if (now == Fault.UNAUTHORIZED_ONCE) {
        validTokens.clear();
        fault = Fault.NONE;
        TestPlatform.respond(exchange, 401, "text/plain", "token revoked");
        return;
      }
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (now == Fault.UNAUTHORIZED
          || auth == null
          || !auth.startsWith("Bearer ")
          || !validTokens.contains(auth.substring(7))) {
        TestPlatform.respond(exchange, 401, "text/plain", "invalid token");
        return;
      }
      String accept = exchange.getRequestHeaders().getFirst("Accept");
      if (accept == null || !accept.contains(NRPS_MEDIA_TYPE)) {
        TestPlatform.respond(exchange, 406, "text/plain", "accept " + accept);
        return;
      }
      try {
        held.await(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      switch (now) {
        case SLOW -> sleep(slowness);
        case SERVER_ERROR -> {
          TestPlatform.respond(exchange, 500, "text/html", "<h1>Fout</h1>");
          return;
        }
        case MALFORMED_JSON -> {
          TestPlatform.respond(
              exchange, 200, NRPS_MEDIA_TYPE, "{\"id\":\"x\",\"members\":[{\"user_id\":\"s1\",");
          return;
        }
        case HUGE_PAGE, HUGE_PAGE_CHUNKED -> {
          huge(exchange, now == Fault.HUGE_PAGE);
          return;
        }
        default -> {}
      }
      page(exchange, contextId, since, page);
    } catch (IOException e) {
      // The tool hung up (timeout, size limit): nothing more to send.
    }
  }

  private void page(HttpExchange exchange, String contextId, String since, int page)
      throws IOException {
    List<Map<String, Object>> listed;
    int current;
    synchronized (this) {
      current = version;
      int after = since == null ? -1 : Integer.parseInt(since);
      listed =
          roster.values().stream()
              .filter(e -> since == null ? !"Deleted".equals(e.member().get("status")) : true)
              .filter(e -> e.version() > after)
              .map(Entry::member)
              .toList();
    }
    int from = (page - 1) * pageSize;
    List<Map<String, Object>> slice =
        from >= listed.size()
            ? List.of()
            : listed.subList(from, Math.min(from + pageSize, listed.size()));
    String base = platform.issuer() + exchange.getRequestURI().getPath();
    List<String> links = new ArrayList<>();
    if (from + pageSize < listed.size()) {
      links.add(
          "<"
              + base
              + "?"
              + (since == null ? "" : "since=" + since + "&")
              + "page="
              + (page + 1)
              + ">; rel=\"next\"");
    }
    if (offerDifferences) {
      links.add("<" + base + "?since=" + current + ">; rel=\"differences\"");
    }
    if (!links.isEmpty()) {
      // Both links in one header, as RFC 8288 allows.
      exchange.getResponseHeaders().add("Link", String.join(", ", links));
    }
    Map<String, Object> container = new LinkedHashMap<>();
    container.put("id", base);
    container.put("context", Map.of("id", contextId, "label", "WIS-2B", "title", "Wiskunde 2B"));
    container.put("members", slice);
    String json = JSONObjectUtils.toJSONString(container);
    if (sloppyPages) {
      TestPlatform.respond(exchange, 200, "text/html; charset=UTF-8", "\uFEFF" + json);
    } else {
      TestPlatform.respond(exchange, 200, NRPS_MEDIA_TYPE, json);
    }
  }

  private static void huge(HttpExchange exchange, boolean declared) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", NRPS_MEDIA_TYPE);
    exchange.sendResponseHeaders(200, declared ? HUGE_BYTES : 0);
    byte[] filler = new byte[64 * 1024];
    Arrays.fill(filler, (byte) ' ');
    try (OutputStream out = exchange.getResponseBody()) {
      out.write("{\"members\":[".getBytes(StandardCharsets.UTF_8));
      int written = 12;
      while (written + filler.length <= HUGE_BYTES - 2) {
        out.write(filler);
        written += filler.length;
      }
      byte[] rest = new byte[HUGE_BYTES - 2 - written];
      Arrays.fill(rest, (byte) ' ');
      out.write(rest);
      out.write("]}".getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** User ids of the current full roster (not deleted), for assertions. */
  public synchronized Set<String> activeUserIds() {
    return roster.entrySet().stream()
        .filter(e -> "Active".equals(e.getValue().member().get("status")))
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }
}
