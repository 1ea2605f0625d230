package nl.samenaanwezig.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Moodle's {@code /mod/lti/contentitem_return.php} on the {@link TestPlatform}: takes the form
 * field {@code JWT}, verifies it against the tool's published JWKS (fetched fresh, as Moodle does
 * with the tool's keyset URL) and records what it received.
 */
public final class DeepLinkingReturn implements HttpHandler {
  public static final String PATH = "/mod/lti/contentitem_return.php";

  /** One response as the platform saw it. */
  public record Received(JWSHeader header, JWTClaimsSet claims, Map<String, String> query) {}

  private final String toolBaseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<String> rejected = new CopyOnWriteArrayList<>();

  private DeepLinkingReturn(String toolBaseUrl) {
    this.toolBaseUrl = toolBaseUrl;
  }

  /** Attaches the return endpoint to a platform already registered with the tool. */
  public static DeepLinkingReturn attachTo(TestPlatform platform) {
    DeepLinkingReturn endpoint = new DeepLinkingReturn(platform.toolBaseUrl());
    platform.handle(PATH, endpoint);
    return endpoint;
  }

  /** The return URL to put in deep_linking_settings, with Moodle-like query parameters. */
  public static String url(TestPlatform platform) {
    return platform.issuer() + PATH + "?course=2&id=1&sesskey=abc";
  }

  /** Verified responses, oldest first. */
  public List<Received> received() {
    return List.copyOf(received);
  }

  public Received last() {
    if (received.isEmpty()) {
      throw new AssertionError("no deep linking response arrived; rejected: " + rejected);
    }
    return received.get(received.size() - 1);
  }

  /** Why posts were refused (no JWT, bad signature, unknown kid). */
  public List<String> rejected() {
    return List.copyOf(rejected);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      TestPlatform.respond(exchange, 405, "text/plain", "POST only");
      return;
    }
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String jwt = TestPlatform.query(URI.create("?" + body)).get("JWT");
    try {
      Received verified = verify(jwt, TestPlatform.query(exchange.getRequestURI()));
      received.add(verified);
      TestPlatform.respond(
          exchange, 200, "text/html; charset=utf-8", "<!DOCTYPE html><p>Inhoud toegevoegd</p>");
    } catch (IllegalArgumentException e) {
      rejected.add(e.getMessage());
      TestPlatform.respond(exchange, 400, "text/plain", e.getMessage());
    }
  }

  private Received verify(String jwt, Map<String, String> query) {
    if (jwt == null || jwt.isBlank()) {
      throw new IllegalArgumentException("no JWT field");
    }
    try {
      SignedJWT signed = SignedJWT.parse(jwt);
      JWK key = toolKeys().getKeyByKeyId(signed.getHeader().getKeyID());
      if (!(key instanceof RSAKey rsa)) {
        throw new IllegalArgumentException(
            "kid not in tool JWKS: " + signed.getHeader().getKeyID());
      }
      if (!signed.verify(new RSASSAVerifier(rsa))) {
        throw new IllegalArgumentException("signature does not verify");
      }
      return new Received(signed.getHeader(), signed.getJWTClaimsSet(), query);
    } catch (ParseException | JOSEException e) {
      throw new IllegalArgumentException("not a valid JWT: " + e.getMessage(), e);
    }
  }

  private JWKSet toolKeys() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(toolBaseUrl + "/.well-known/jwks.json")).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalArgumentException("tool JWKS answered " + response.statusCode());
      }
      return JWKSet.parse(response.body());
    } catch (IOException | ParseException e) {
      throw new IllegalArgumentException("tool JWKS unreadable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalArgumentException("interrupted", e);
    }
  }
}
