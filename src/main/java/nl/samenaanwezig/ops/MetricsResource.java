package nl.samenaanwezig.ops;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import nl.samenaanwezig.config.AppConfig;

/**
 * {@code /metrics} for Prometheus, behind a bearer secret ({@code SA_METRICS_TOKEN}): without a
 * configured secret the page does not exist (404), a missing or wrong one gets 401.
 */
@Path("/metrics")
public class MetricsResource {
  /** Prometheus' text exposition format. */
  static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

  @Inject AppConfig config;
  @Inject Telemetry telemetry;

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public Response scrape(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    Optional<String> token = config.metricsToken();
    if (token.isEmpty()) {
      throw new NotFoundException();
    }
    if (!bearer(authorization, token.get())) {
      return Response.status(401)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"metrics\"")
          .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
          .entity("Unauthorized\n")
          .build();
    }
    return Response.ok(telemetry.scrape()).type(TEXT_FORMAT).build();
  }

  /**
   * The header carries the token, compared in constant time over SHA-256 digests, so neither the
   * token's characters nor its length show in the time the answer takes.
   */
  static boolean bearer(String authorization, String token) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(sha256(authorization.substring(7).strip()), sha256(token));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
