package nl.samenaanwezig.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import nl.samenaanwezig.lti.PlatformSettings;
import nl.samenaanwezig.lti.Platforms;

/**
 * A fake LMS on 127.0.0.1 that behaves like Moodle 4.5 does for the tool (STACK.md): OIDC auth
 * endpoint answering with an auto-posting id_token form, a JWKS endpoint, and course pages that
 * frame the tool. Launches are described with {@link #launch()} and valid by default.
 *
 * <p>Moodle 4.5's habits kept here: the login initiation is a form POST (auto-submitted) with iss,
 * login_hint, target_link_uri, lti_message_hint, client_id and lti_deployment_id; the deployment id
 * is the tool type id as a string ("1", also in the service URLs' {@code bindings/1}); an id_token
 * lives 60 seconds ({@link LaunchBuilder}); the services, token.php's text/html answers included,
 * are in {@link PlatformServices} and {@link AgsEndpoints}.
 */
public final class TestPlatform implements AutoCloseable {
  private final HttpServer server;
  private final String clientId = "client-" + UUID.randomUUID();

  /** Moodle: the tool type id, as a string. */
  private final String deploymentId = "1";

  private final List<RSAKey> publishedKeys = new ArrayList<>();
  private final RSAKey key;
  private final Map<String, LaunchBuilder> pending = new ConcurrentHashMap<>();
  private final AtomicInteger jwksFetches = new AtomicInteger();
  private volatile boolean jwksDown;
  private volatile UnaryOperator<LaunchBuilder> framedLaunch = UnaryOperator.identity();
  private String toolBaseUrl;

  private TestPlatform(HttpServer server) {
    this.server = server;
    this.key = newKey("platform-key-1");
    publishedKeys.add(key);
    server.createContext("/mod/lti/certs.php", this::jwks);
    server.createContext("/mod/lti/auth.php", this::auth);
    server.createContext("/course/view.php", this::coursePage);
    server.createContext("/mod/lti/launch.php", this::loginInitiation);
  }

  public static TestPlatform start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(Executors.newFixedThreadPool(8));
      TestPlatform platform = new TestPlatform(server);
      server.start();
      return platform;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Adds an endpoint to this platform (services such as token, NRPS, AGS, registration live in
   * their own fixture classes and attach here).
   */
  public TestPlatform handle(String path, com.sun.net.httpserver.HttpHandler handler) {
    server.createContext(path, handler);
    return this;
  }

  /** The tool this platform was registered with (base URL), once {@link #registerWith} ran. */
  public String toolBaseUrl() {
    return toolBaseUrl;
  }

  public String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String clientId() {
    return clientId;
  }

  public String deploymentId() {
    return deploymentId;
  }

  public RSAKey key() {
    return key;
  }

  public int jwksFetches() {
    return jwksFetches.get();
  }

  /** Adds to the launches the framed course page starts (e.g. a services claim). */
  public TestPlatform framedLaunches(UnaryOperator<LaunchBuilder> change) {
    this.framedLaunch = change;
    return this;
  }

  /** Makes the keyset endpoint answer 503 (or work again). */
  public void jwksDown(boolean down) {
    this.jwksDown = down;
  }

  /** Publishes another key (e.g. a rotation on the platform side). */
  public synchronized void publish(RSAKey extra) {
    publishedKeys.add(extra);
  }

  public PlatformSettings settings() {
    return new PlatformSettings(
        issuer(),
        clientId,
        Set.of(deploymentId),
        issuer() + "/mod/lti/auth.php",
        issuer() + "/mod/lti/token.php",
        issuer() + "/mod/lti/certs.php",
        "Test Moodle",
        "Testcollege");
  }

  /** Registers this platform with the tool, as an administrator would. */
  public TestPlatform registerWith(ToolServer tool) {
    this.toolBaseUrl = tool.baseUrl();
    new Platforms(tool.db(), java.time.Clock.systemUTC())
        .register(settings(), Optional.empty(), false);
    return this;
  }

  /** Points this platform at a tool without registering it (dynamic registration does that). */
  public TestPlatform connectTo(ToolServer tool) {
    this.toolBaseUrl = tool.baseUrl();
    return this;
  }

  /** A launch with valid defaults (a learner in course-1); change one thing per negative test. */
  public LaunchBuilder launch() {
    if (toolBaseUrl == null) {
      throw new IllegalStateException("registerWith(tool) first");
    }
    return new LaunchBuilder(this, toolBaseUrl);
  }

  /** Signs claims with the platform key (or another), like Moodle's id_token. */
  String sign(JWTClaimsSet claims, RSAKey signingKey, String kid, JWSAlgorithm alg) {
    JWSHeader.Builder header = new JWSHeader.Builder(alg);
    if (kid != null) {
      header.keyID(kid);
    }
    SignedJWT jwt = new SignedJWT(header.build(), claims);
    try {
      jwt.sign(new RSASSASigner(signingKey));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  /** Runs the whole Moodle-style launch for a builder: login initiation, auth, form_post. */
  HttpResponse<String> run(LaunchBuilder launch, Browser browser) {
    HttpResponse<String> page = authForm(launch, browser);
    return page.uri().getPath().equals("/lti/login") ? page : browser.submitAutoPost(page);
  }

  /**
   * The login initiation and the platform's auth step in this browser: the auto-posting form with
   * id_token and state, not yet posted (or the tool's refusal of the login initiation).
   */
  HttpResponse<String> authForm(LaunchBuilder launch, Browser browser) {
    String hint = UUID.randomUUID().toString();
    pending.put(hint, launch);
    Map<String, String> login = new LinkedHashMap<>();
    login.put("iss", issuer());
    login.put("login_hint", launch.subject());
    login.put("target_link_uri", toolBaseUrl + "/lti/launch");
    login.put("lti_message_hint", hint);
    login.put("client_id", clientId);
    login.put("lti_deployment_id", deploymentId);
    HttpResponse<String> toAuth = browser.postForm(toolBaseUrl + "/lti/login", login);
    if (toAuth.statusCode() != 302) {
      return toAuth;
    }
    HttpResponse<String> form = browser.get(toAuth.headers().firstValue("Location").orElseThrow());
    if (form.statusCode() != 200) {
      throw new AssertionError("platform auth refused: " + form.statusCode() + " " + form.body());
    }
    return form;
  }

  private synchronized void jwks(HttpExchange exchange) throws IOException {
    jwksFetches.incrementAndGet();
    if (jwksDown) {
      respond(exchange, 503, "text/plain", "down");
      return;
    }
    respond(
        exchange,
        200,
        "application/json",
        new JWKSet(
                publishedKeys.stream()
                    .map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK())
                    .toList())
            .toString(true));
  }

  /** Moodle's auth.php: checks what Moodle checks, then auto-posts the id_token. */
  private void auth(HttpExchange exchange) throws IOException {
    Map<String, String> q = query(exchange.getRequestURI());
    LaunchBuilder launch = pending.remove(q.getOrDefault("lti_message_hint", ""));
    boolean valid =
        launch != null
            && "openid".equals(q.get("scope"))
            && "id_token".equals(q.get("response_type"))
            && "form_post".equals(q.get("response_mode"))
            && "none".equals(q.get("prompt"))
            && clientId.equals(q.get("client_id"))
            && (toolBaseUrl + "/lti/launch").equals(q.get("redirect_uri"))
            && launch.subject().equals(q.get("login_hint"))
            && q.get("nonce") != null
            && q.get("state") != null;
    if (!valid) {
      respond(exchange, 400, "text/plain", "invalid authentication request " + q);
      return;
    }
    String state = launch.stateOverride() != null ? launch.stateOverride() : q.get("state");
    String html =
        "<!DOCTYPE html><html><body><form method=\"post\" action=\""
            + q.get("redirect_uri")
            + "\"><input type=\"hidden\" name=\"id_token\" value=\""
            + launch.idToken(q.get("nonce"))
            + "\"><input type=\"hidden\" name=\"state\" value=\""
            + state
            + "\"></form><script>document.forms[0].submit()</script></body></html>";
    respond(exchange, 200, "text/html; charset=utf-8", html);
  }

  /**
   * A course page on this (other) site that frames the tool, like Moodle's "embed" container: the
   * frame starts at launch.php, which auto-posts the login initiation.
   */
  private void coursePage(HttpExchange exchange) throws IOException {
    String as = query(exchange.getRequestURI()).getOrDefault("as", "mentor");
    String html =
        "<!DOCTYPE html><html lang=\"nl\"><head><title>Cursus</title></head><body>"
            + "<h1>Moodle-cursus</h1><iframe id=\"tool\" title=\"Samen Aanwezig\""
            + " style=\"width:100%;height:600px\" src=\"/mod/lti/launch.php?as="
            + as
            + "\"></iframe></body></html>";
    respond(exchange, 200, "text/html; charset=utf-8", html);
  }

  private void loginInitiation(HttpExchange exchange) throws IOException {
    String as = query(exchange.getRequestURI()).getOrDefault("as", "mentor");
    LaunchBuilder launch = launch();
    launch =
        framedLaunch.apply(
            switch (as) {
              case "student" -> launch.asStudent();
              case "admin" -> launch.asAdmin();
              default -> launch.asMentor();
            });
    String hint = UUID.randomUUID().toString();
    pending.put(hint, launch);
    String html =
        "<!DOCTYPE html><html><body><form method=\"post\" action=\""
            + toolBaseUrl
            + "/lti/login\">"
            + hidden("iss", issuer())
            + hidden("login_hint", launch.subject())
            + hidden("target_link_uri", toolBaseUrl + "/lti/launch")
            + hidden("lti_message_hint", hint)
            + hidden("client_id", clientId)
            + hidden("lti_deployment_id", deploymentId)
            + "</form><script>document.forms[0].submit()</script></body></html>";
    respond(exchange, 200, "text/html; charset=utf-8", html);
  }

  private static String hidden(String name, String value) {
    return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + value + "\">";
  }

  public static Map<String, String> query(URI uri) {
    Map<String, String> q = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          q.put(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return q;
  }

  public static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** A fresh RSA key with a kid, for rotation and wrong-key tests. */
  public static RSAKey newKey(String kid) {
    try {
      return new RSAKeyGenerator(2048)
          .keyID(kid)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
