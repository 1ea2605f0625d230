package nl.samenaanwezig.lti.services;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP to platform services: one shared client, a deadline for each whole exchange (headers and
 * body), and a cap on the bytes read, so a slow or flooding platform cannot hold a sync thread or
 * the heap.
 */
public final class ServiceHttp {
  private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http;
  private final Duration timeout;

  public ServiceHttp(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("service timeout must be positive");
    }
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            // Never follow: a redirect would carry our bearer token to wherever it points.
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(
                timeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? timeout : MAX_CONNECT_TIMEOUT)
            .build();
  }

  /** The deadline of one exchange. */
  public Duration timeout() {
    return timeout;
  }

  /** Sends a request and reads at most {@code maxBytes} of its answer before the deadline. */
  public ServiceResponse exchange(HttpRequest request, int maxBytes) {
    HttpRequest timed =
        HttpRequest.newBuilder(request, (name, value) -> true).timeout(timeout).build();
    CompletableFuture<HttpResponse<byte[]>> pending =
        http.sendAsync(timed, info -> new BoundedBody(info, maxBytes));
    try {
      HttpResponse<byte[]> response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new ServiceResponse(
          response.statusCode(), response.headers(), response.body(), response.uri());
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new ServiceUnavailableException(
          ServiceUnavailableException.Reason.TIMEOUT,
          "no complete answer from " + request.uri() + " within " + timeout,
          e);
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new ServiceUnavailableException(
          ServiceUnavailableException.Reason.TIMEOUT, "interrupted: " + request.uri(), e);
    } catch (ExecutionException e) {
      throw failure(request, e.getCause());
    }
  }

  private static ServiceUnavailableException failure(HttpRequest request, Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof ServiceUnavailableException known) {
        return known;
      }
      if (t instanceof HttpTimeoutException) {
        return new ServiceUnavailableException(
            ServiceUnavailableException.Reason.TIMEOUT, "timeout: " + request.uri(), cause);
      }
      if (t instanceof ConnectException) {
        return new ServiceUnavailableException(
            ServiceUnavailableException.Reason.UNREACHABLE,
            "cannot connect: " + request.uri(),
            cause);
      }
    }
    if (cause instanceof IOException) {
      return new ServiceUnavailableException(
          ServiceUnavailableException.Reason.UNREACHABLE,
          "connection failed: " + request.uri() + ": " + cause.getMessage(),
          cause);
    }
    return new ServiceUnavailableException(
        ServiceUnavailableException.Reason.UNREACHABLE,
        "request failed: " + request.uri() + ": " + cause,
        cause);
  }

  /** Collects a body up to a limit; beyond it, cancels the stream and fails the exchange. */
  private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int limit;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    BoundedBody(HttpResponse.ResponseInfo info, int limit) {
      this.limit = limit;
      long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (declared > limit) {
        result.completeExceptionally(tooLarge("declares " + declared + " bytes"));
      }
    }

    private ServiceUnavailableException tooLarge(String what) {
      return new ServiceUnavailableException(
          ServiceUnavailableException.Reason.TOO_LARGE,
          "answer " + what + ", limit " + limit + " bytes");
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      this.subscription = s;
      if (result.isDone()) {
        s.cancel();
      } else {
        s.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        if ((long) buffer.size() + item.remaining() > limit) {
          subscription.cancel();
          result.completeExceptionally(tooLarge("exceeds"));
          return;
        }
        byte[] chunk = new byte[item.remaining()];
        item.get(chunk);
        buffer.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable failure) {
      result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      result.complete(buffer.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }
  }
}
