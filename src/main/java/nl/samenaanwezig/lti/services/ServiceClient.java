package nl.samenaanwezig.lti.services;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Objects;
import java.util.Set;
import nl.samenaanwezig.lti.Platform;

/**
 * Calls a platform service with a bearer token. A 401 means the platform dropped the token before
 * its stated expiry (restart, revocation): the call is repeated once with a fresh token.
 */
public final class ServiceClient {
  private final ServiceTokens tokens;
  private final ServiceHttp http;

  public ServiceClient(ServiceTokens tokens, ServiceHttp http) {
    this.tokens = tokens;
    this.http = http;
  }

  /** One service request: method, URL, the media type we accept and an optional body. */
  public record Call(String method, URI url, String accept, String contentType, byte[] body) {
    public Call {
      Objects.requireNonNull(method, "a call needs a method");
      Objects.requireNonNull(url, "a call needs a URL");
    }

    public static Call get(URI url, String accept) {
      return new Call("GET", url, accept, null, null);
    }

    public static Call send(
        String method, URI url, String accept, String contentType, byte[] body) {
      return new Call(method, url, accept, contentType, body);
    }
  }

  /** GETs a service URL and returns its 2xx answer, or fails with the reason. */
  public ServiceResponse get(
      Platform platform, Set<String> scopes, URI url, String accept, int maxBytes) {
    return send(platform, scopes, Call.get(url, accept), maxBytes);
  }

  /** Performs a call; any answer but 2xx becomes a {@link ServiceUnavailableException}. */
  public ServiceResponse send(Platform platform, Set<String> scopes, Call call, int maxBytes) {
    String scheme = call.url().getScheme();
    if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
      throw new ServiceUnavailableException(
          ServiceUnavailableException.Reason.NOT_CONFIGURED, "not an http(s) URL: " + call.url());
    }
    String token = tokens.token(platform, scopes);
    ServiceResponse answer = http.exchange(request(call, token), maxBytes);
    if (answer.status() == 401) {
      tokens.invalidate(platform, scopes, token);
      answer = http.exchange(request(call, tokens.token(platform, scopes)), maxBytes);
      if (answer.status() == 401) {
        throw new ServiceUnavailableException(
            ServiceUnavailableException.Reason.UNAUTHORIZED,
            401,
            "401 also with a fresh token: " + call.url(),
            null);
      }
    }
    if (answer.status() >= 500) {
      throw new ServiceUnavailableException(
          ServiceUnavailableException.Reason.SERVER_ERROR,
          answer.status(),
          answer.status() + " from " + call.url(),
          null);
    }
    if (answer.status() < 200 || answer.status() > 299) {
      throw new ServiceUnavailableException(
          ServiceUnavailableException.Reason.REJECTED,
          answer.status(),
          answer.status() + " from " + call.url(),
          null);
    }
    return answer;
  }

  private static HttpRequest request(Call call, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(call.url()).header("Authorization", "Bearer " + token);
    if (call.accept() != null) {
      b.header("Accept", call.accept());
    }
    if (call.body() != null) {
      if (call.contentType() != null) {
        b.header("Content-Type", call.contentType());
      }
      b.method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body()));
    } else {
      b.method(call.method(), HttpRequest.BodyPublishers.noBody());
    }
    return b.build();
  }
}
