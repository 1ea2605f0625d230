package nl.samenaanwezig.lti.services;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import net.minidev.json.JSONObject;
import nl.samenaanwezig.lti.Platform;
import nl.samenaanwezig.lti.ToolKeys;

/**
 * Access tokens for a platform's services (IMS Security Framework 1.0 section 4.1): an OAuth2
 * client_credentials grant authenticated by a JWT the tool signs with its active key ({@code
 * private_key_jwt}, RFC 7523). Tokens are reused per registration and scope set until shortly
 * before they expire, so a roster of fifty pages costs one token request.
 */
public final class ServiceTokens {
  /** How long our client assertion is valid; IMS asks for a short lifetime. */
  static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);

  /** A cached token is replaced this long before the platform says it expires. */
  static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);

  /** Assumed lifetime when the platform omits expires_in (it is only RECOMMENDED). */
  static final Duration UNSTATED_LIFETIME = Duration.ofMinutes(5);

  private static final int MAX_TOKEN_RESPONSE_BYTES = 64 * 1024;

  private final ToolKeys keys;
  private final ServiceHttp http;
  private final Clock clock;
  private final ConcurrentMap<Key, Cached> cache = new ConcurrentHashMap<>();
  private final ConcurrentMap<Key, Object> locks = new ConcurrentHashMap<>();

  public ServiceTokens(ToolKeys keys, ServiceHttp http, Clock clock) {
    this.keys = keys;
    this.http = http;
    this.clock = clock;
  }

  private record Key(long platformId, String scopes) {
    static Key of(Platform platform, Set<String> scopes) {
      return new Key(platform.id(), String.join(" ", new TreeSet<>(scopes)));
    }
  }

  private record Cached(String value, Instant renewAt) {}

  /** A bearer token for these scopes: the cached one while it lasts, else a fresh one. */
  public String token(Platform platform, Set<String> scopes) {
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("a service token needs at least one scope");
    }
    Key key = Key.of(platform, scopes);
    Cached cached = cache.get(key);
    if (cached != null && clock.instant().isBefore(cached.renewAt())) {
      return cached.value();
    }
    // One request per registration and scope set at a time; the others wait and reuse it.
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      cached = cache.get(key);
      if (cached != null && clock.instant().isBefore(cached.renewAt())) {
        return cached.value();
      }
      Cached fresh = request(platform, key.scopes());
      cache.put(key, fresh);
      return fresh.value();
    }
  }

  /**
   * Forgets a token the platform no longer accepts (401), unless another call already replaced it.
   */
  public void invalidate(Platform platform, Set<String> scopes, String token) {
    Key key = Key.of(platform, scopes);
    cache.computeIfPresent(key, (k, cached) -> cached.value().equals(token) ? null : cached);
  }

  private Cached request(Platform platform, String scopes) {
    URI tokenUrl = tokenUrl(platform);
    Instant now = clock.instant();
    HTTPRequest form;
    try {
      RSAKey key = keys.signingKey();
      // IMS Security 4.1.1: iss = sub = client_id, aud = the token endpoint, unique jti, short exp.
      JWTAuthenticationClaimsSet assertion =
          new JWTAuthenticationClaimsSet(
              new ClientID(platform.clientId()),
              List.of(new Audience(tokenUrl)),
              Date.from(now.plus(ASSERTION_LIFETIME)),
              null,
              Date.from(now),
              new JWTID());
      PrivateKeyJWT auth =
          new PrivateKeyJWT(
              assertion, JWSAlgorithm.RS256, key.toRSAPrivateKey(), key.getKeyID(), null);
      form =
          new TokenRequest(tokenUrl, auth, new ClientCredentialsGrant(), Scope.parse(scopes))
              .toHTTPRequest();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign the client assertion", e);
    }
    ServiceResponse answer =
        http.exchange(
            HttpRequest.newBuilder(tokenUrl)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form.getBody()))
                .build(),
            MAX_TOKEN_RESPONSE_BYTES);
    if (answer.status() >= 500) {
      throw new ServiceUnavailableException(
          ServiceUnavailableException.Reason.SERVER_ERROR,
          answer.status(),
          "token endpoint answered " + answer.status(),
          null);
    }
    JSONObject body = jsonObject(answer);
    if (answer.status() < 200 || answer.status() > 299) {
      throw new ServiceUnavailableException(
          ServiceUnavailableException.Reason.TOKEN_REFUSED,
          answer.status(),
          "token endpoint refused: " + errorCode(body),
          null);
    }
    AccessToken token;
    try {
      token = AccessTokenResponse.parse(lenientLifetime(body)).getTokens().getAccessToken();
    } catch (ParseException e) {
      throw new ServiceUnavailableException(
          ServiceUnavailableException.Reason.MALFORMED,
          answer.status(),
          "token response without a usable access_token: " + e.getMessage(),
          e);
    }
    long seconds = token.getLifetime();
    Duration lifetime = seconds > 0 ? Duration.ofSeconds(seconds) : UNSTATED_LIFETIME;
    return new Cached(token.getValue(), now.plus(lifetime).minus(EXPIRY_MARGIN));
  }

  /**
   * The answer's JSON object, read from the body whatever the Content-Type says: Moodle 4.5's
   * token.php sets none, so PHP sends {@code text/html} (on success and refusal alike), and a
   * client that insists on {@code application/json} (as Nimbus' own parser does) never gets a
   * token.
   */
  private static JSONObject jsonObject(ServiceResponse answer) {
    try {
      return JSONObjectUtils.parse(answer.text());
    } catch (ParseException | RuntimeException e) {
      throw new ServiceUnavailableException(
          ServiceUnavailableException.Reason.MALFORMED,
          answer.status(),
          "token response is not a JSON object (" + answer.status() + ")",
          e);
    }
  }

  /** The OAuth error code of a refusal (RFC 6749 5.2), or "?" when there is none. */
  private static String errorCode(JSONObject body) {
    try {
      ErrorObject error = TokenErrorResponse.parse(body).getErrorObject();
      return error == null || error.getCode() == null ? "?" : error.getCode();
    } catch (ParseException e) {
      return "?";
    }
  }

  /** Accepts expires_in as a numeric string too ("3600"), which some platforms send. */
  private static JSONObject lenientLifetime(JSONObject body) {
    if (body.get("expires_in") instanceof String text && text.strip().matches("\\d{1,9}")) {
      JSONObject copy = new JSONObject(body);
      copy.put("expires_in", Long.parseLong(text.strip()));
      return copy;
    }
    return body;
  }

  private static URI tokenUrl(Platform platform) {
    String url = platform.tokenUrl();
    if (url == null || url.isBlank()) {
      throw new ServiceUnavailableException(
          ServiceUnavailableException.Reason.NOT_CONFIGURED,
          "platform " + platform.issuer() + " has no token URL");
    }
    try {
      URI uri = URI.create(url.strip());
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
        throw new IllegalArgumentException("not http(s)");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ServiceUnavailableException(
          ServiceUnavailableException.Reason.NOT_CONFIGURED, "bad token URL " + url, e);
    }
  }
}
