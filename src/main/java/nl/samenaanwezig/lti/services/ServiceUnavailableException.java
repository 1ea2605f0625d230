package nl.samenaanwezig.lti.services;

import java.util.Objects;

/**
 * A platform service could not be used just now. Callers keep what they had (e.g. the last good
 * roster) and try again later; a user never sees this as a server error.
 */
public final class ServiceUnavailableException extends RuntimeException {

  /** Why the call failed; stored with the sync state and shown to administrators. */
  public enum Reason {
    /** The registration has no token URL or the service URL is not http(s). */
    NOT_CONFIGURED,
    /** No answer (connect or read) within the time limit. */
    TIMEOUT,
    /** Connection refused, reset or closed before an answer. */
    UNREACHABLE,
    /** The launch did not grant the scope this call needs, so it was not attempted. */
    NOT_PERMITTED,
    /** The token endpoint refused our client assertion or scope. */
    TOKEN_REFUSED,
    /** 401 also with a fresh token. */
    UNAUTHORIZED,
    /** HTTP 5xx. */
    SERVER_ERROR,
    /** Another unexpected HTTP status (4xx, 3xx). */
    REJECTED,
    /** The answer is not what the specification describes. */
    MALFORMED,
    /** One answer or the whole result exceeds our size limits. */
    TOO_LARGE
  }

  private final Reason reason;
  private final int status;

  public ServiceUnavailableException(Reason reason, String detail) {
    this(reason, 0, detail, null);
  }

  public ServiceUnavailableException(Reason reason, String detail, Throwable cause) {
    this(reason, 0, detail, cause);
  }

  public ServiceUnavailableException(Reason reason, int status, String detail, Throwable cause) {
    super(Objects.requireNonNull(reason, "a failure needs a reason") + ": " + detail, cause);
    this.reason = reason;
    this.status = status;
  }

  public Reason reason() {
    return reason;
  }

  /** The HTTP status that caused the failure, or 0 when there was none. */
  public int status() {
    return status;
  }
}
