package nl.samenaanwezig.lti;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Public keys of the registered platforms, one cached JWKS source per keyset URL: refreshed ahead
 * of expiry, refetched on an unknown kid (rate limited), and kept in use while the platform is
 * down. Shared by launch validation and service calls.
 */
public final class PlatformKeys {
  private static final Duration TIME_TO_LIVE = Duration.ofMinutes(15);
  private static final Duration REFRESH_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(10);
  private static final Duration OUTAGE_TOLERANCE = Duration.ofHours(24);

  private final ConcurrentMap<String, JWKSource<SecurityContext>> sources =
      new ConcurrentHashMap<>();
  private final DefaultResourceRetriever retriever =
      new DefaultResourceRetriever(3_000, 3_000, 512 * 1024);

  /** The keys of a platform's keyset that match the JWS header (kid, alg, use). */
  public List<JWK> matching(String jwksUrl, JWSHeader header) {
    try {
      return source(jwksUrl).get(new JWKSelector(JWKMatcher.forJWSHeader(header)), null);
    } catch (RateLimitReachedException e) {
      // Refetching again so soon is refused on purpose: the kid is simply not (yet) known.
      return List.of();
    } catch (KeySourceException e) {
      throw new LaunchException(
          LaunchException.Reason.PLATFORM_KEYS_UNAVAILABLE, "keyset " + jwksUrl, e);
    }
  }

  /** The cached source for a keyset URL, for validators that select keys themselves. */
  public JWKSource<SecurityContext> source(String jwksUrl) {
    return sources.computeIfAbsent(jwksUrl, this::build);
  }

  private JWKSource<SecurityContext> build(String jwksUrl) {
    try {
      return JWKSourceBuilder.create(URI.create(jwksUrl).toURL(), retriever)
          .cache(TIME_TO_LIVE.toMillis(), REFRESH_TIMEOUT.toMillis())
          .refreshAheadCache(true)
          .rateLimited(MIN_REFETCH_INTERVAL.toMillis())
          .outageTolerant(OUTAGE_TOLERANCE.toMillis())
          .build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new LaunchException(
          LaunchException.Reason.PLATFORM_KEYS_UNAVAILABLE, "bad keyset URL " + jwksUrl, e);
    }
  }
}
