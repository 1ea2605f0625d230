package nl.samenaanwezig.lti;

/**
 * A launch or login initiation the tool refuses. The reason picks the HTTP status and the message
 * the user reads; the detail goes to the log only.
 */
public class LaunchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a launch failed; each has its status and a message key in {@code i18n/messages}. */
  public enum Reason {
    /** A required request parameter without a reason of its own. */
    MISSING_PARAMETER(400),
    MISSING_ISSUER(400),
    MISSING_LOGIN_HINT(400),
    INVALID_TARGET_LINK_URI(400),
    MISSING_ID_TOKEN(400),
    TOKEN_TOO_LARGE(413),
    MISSING_STATE(400),
    PLATFORM_REFUSED(401),
    UNKNOWN_PLATFORM(400),
    NOT_A_JWT(400),
    ALGORITHM_NOT_ALLOWED(401),
    NO_KID(401),
    UNKNOWN_KID(401),
    BAD_SIGNATURE(401),
    PLATFORM_KEYS_UNAVAILABLE(502),
    STATE_UNKNOWN(401),
    STATE_EXPIRED(401),
    STATE_MISMATCH(401),
    WRONG_ISSUER(401),
    WRONG_AUDIENCE(401),
    WRONG_AUTHORIZED_PARTY(401),
    EXPIRED(401),
    ISSUED_IN_FUTURE(401),
    NOT_YET_VALID(401),
    MISSING_TIMESTAMPS(401),
    NONCE_MISMATCH(401),
    INVALID_TOKEN(401),
    WRONG_VERSION(400),
    MISSING_VERSION(400),
    MISSING_MESSAGE_TYPE(400),
    UNSUPPORTED_MESSAGE_TYPE(400),
    MISSING_DEPLOYMENT_ID(400),
    UNKNOWN_DEPLOYMENT(403),
    MISSING_SUB(400),
    CLAIM_TOO_LONG(400),
    MISSING_ROLES(400),
    MISSING_RESOURCE_LINK_ID(400),
    MISSING_TARGET_LINK_URI(400),
    /** A resource link launch for a URL that is not this tool's: it was meant for another tool. */
    TARGET_LINK_URI_ELSEWHERE(400),
    MISSING_DEEP_LINKING_SETTINGS(400);

    private final int status;

    Reason(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }

    public String messageKey() {
      return "launch.error." + name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Reason reason;

  public LaunchException(Reason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  public LaunchException(Reason reason, String detail, Throwable cause) {
    super(reason + ": " + detail, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
