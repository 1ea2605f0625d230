package nl.samenaanwezig.lti.registration;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import nl.samenaanwezig.lti.Platform;
import nl.samenaanwezig.lti.PlatformSettings;
import nl.samenaanwezig.lti.Platforms;
import nl.samenaanwezig.lti.registration.RegistrationFailedException.Reason;

/**
 * The tool's side of one LTI Dynamic Registration: fetch and check the platform's configuration,
 * register the tool at its registration endpoint, and remember the platform with the client_id and
 * deployment it handed out. Stores nothing unless every step succeeded.
 */
final class DynamicRegistration {
  private static final Logger LOG = Logger.getLogger(DynamicRegistration.class.getName());
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration EXCHANGE_TIMEOUT = Duration.ofSeconds(15);
  private static final int MAX_BODY = 256 * 1024;
  private static final int MAX_CLIENT_ID = 500;
  private static final int MAX_DEPLOYMENT_ID = 255;

  /** What the platform handed out, and the platform as the tool now knows it. */
  record Result(Platform platform, Optional<String> deploymentId) {}

  private final Platforms platforms;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(CONNECT_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  DynamicRegistration(Platforms platforms) {
    this.platforms = platforms;
  }

  /**
   * Runs the registration started by the platform with {@code openid_configuration} and {@code
   * registration_token}; {@code baseUrl} is this tool's public address.
   */
  Result register(String openidConfiguration, String registrationToken, String baseUrl) {
    if (openidConfiguration == null || openidConfiguration.isBlank()) {
      throw new RegistrationFailedException(Reason.MISSING, "no openid_configuration");
    }
    URI configUrl =
        PlatformUrls.parse(openidConfiguration)
            .filter(PlatformUrls::secure)
            .orElseThrow(
                () ->
                    new RegistrationFailedException(
                        Reason.CONFIG_URL, "not an https URL: " + openidConfiguration));

    // LTI DR 3.4: the tool fetches the platform's OpenID configuration.
    Exchange config =
        send(
            HttpRequest.newBuilder(configUrl)
                .header("Accept", "application/json")
                .GET()
                .timeout(EXCHANGE_TIMEOUT)
                .build(),
            Reason.UNREACHABLE);
    if (config.status() != 200) {
      throw new RegistrationFailedException(
          Reason.UNREACHABLE, "configuration answered " + config.status());
    }
    PlatformConfiguration platform = PlatformConfiguration.parse(config.body(), configUrl);

    // LTI DR 3.5: the tool registers itself, with the token the platform gave for this.
    HttpRequest.Builder post =
        HttpRequest.newBuilder(platform.registrationEndpoint())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .timeout(EXCHANGE_TIMEOUT)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    ToolRegistrationRequest.json(baseUrl, platform), StandardCharsets.UTF_8));
    if (registrationToken != null && !registrationToken.isBlank()) {
      post.header("Authorization", "Bearer " + registrationToken.strip());
    }
    Exchange answer = send(post.build(), Reason.REJECTED);
    if (answer.status() / 100 != 2) {
      throw new RegistrationFailedException(
          Reason.REJECTED, "registration answered " + answer.status() + ": " + answer.excerpt());
    }

    // LTI DR 3.6: client_id, and deployment_id inside the tool configuration member.
    Map<String, Object> response;
    try {
      response = JSONObjectUtils.parse(answer.body());
    } catch (java.text.ParseException e) {
      throw new RegistrationFailedException(Reason.RESPONSE, "not JSON: " + answer.excerpt(), e);
    }
    String clientId =
        text(response.get("client_id"))
            .filter(id -> id.length() <= MAX_CLIENT_ID)
            .orElseThrow(
                () ->
                    new RegistrationFailedException(
                        Reason.RESPONSE, "no usable client_id: " + answer.excerpt()));
    Optional<String> deploymentId =
        (response.get(ToolRegistrationRequest.TOOL_CONFIGURATION) instanceof Map<?, ?> tool
                ? text(tool.get("deployment_id"))
                : Optional.<String>empty())
            .filter(id -> id.length() <= MAX_DEPLOYMENT_ID);

    String issuer = platform.issuer().toString();
    PlatformSettings settings =
        new PlatformSettings(
            issuer,
            clientId,
            deploymentId.map(Set::of).orElse(Set.of()),
            platform.authorizationEndpoint().toString(),
            platform.tokenEndpoint().toString(),
            platform.jwksUri().toString(),
            platform.displayName(),
            platform.host());
    if (!settings.problems().isEmpty()) {
      throw new RegistrationFailedException(Reason.CONFIG, "settings: " + settings.problems());
    }
    Optional<Platform> known = platforms.find(issuer, clientId);
    if (known.isPresent()) {
      return again(known.get(), settings, deploymentId);
    }
    Platform saved = platforms.register(settings, Optional.empty(), false);
    LOG.info(
        () ->
            "registered "
                + issuer
                + " client_id="
                + clientId
                + " deployment="
                + deploymentId.orElse("(none)")
                + " product="
                + platform.productFamilyCode()
                + " "
                + platform.version());
    return new Result(saved, deploymentId);
  }

  /**
   * Moodle's "update" of a registered tool hands out the same client_id again. That may add a
   * deployment, but never change where the tool finds the platform's keys and endpoints: whoever
   * can place a file under the issuer's address must not be able to swap them.
   */
  private Result again(Platform known, PlatformSettings settings, Optional<String> deploymentId) {
    boolean sameEndpoints =
        known.authLoginUrl().equals(settings.authLoginUrl())
            && known.jwksUrl().equals(settings.jwksUrl())
            && Objects.equals(known.tokenUrl(), settings.tokenUrl());
    if (!sameEndpoints) {
      throw new RegistrationFailedException(
          Reason.EXISTS,
          "registered before with other endpoints: " + known.issuer() + " " + known.clientId());
    }
    deploymentId
        .filter(d -> !known.knowsDeployment(d))
        .ifPresent(d -> platforms.addDeployment(known.id(), known.institution().id(), d));
    LOG.info(() -> "registered again " + known.issuer() + " client_id=" + known.clientId());
    return new Result(platforms.find(known.issuer(), known.clientId()).orElseThrow(), deploymentId);
  }

  private record Exchange(int status, String body) {
    String excerpt() {
      return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
  }

  /** One request with a time limit on the whole exchange and a size limit on the answer. */
  private Exchange send(HttpRequest request, Reason failure) {
    Future<HttpResponse<byte[]>> pending = http.sendAsync(request, LimitedBody.handler(MAX_BODY));
    try {
      HttpResponse<byte[]> response =
          pending.get(EXCHANGE_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
      return new Exchange(
          response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new RegistrationFailedException(
          failure, request.method() + " " + request.uri() + ": " + cause, cause);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new RegistrationFailedException(
          failure, request.method() + " " + request.uri() + " timed out", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistrationFailedException(failure, "interrupted", e);
    }
  }

  private static Optional<String> text(Object value) {
    if (value instanceof String || value instanceof Number) {
      String s = String.valueOf(value).strip();
      return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
    return Optional.empty();
  }
}
