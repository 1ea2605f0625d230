package nl.samenaanwezig.lti.registration;

import java.util.Locale;

/**
 * A dynamic registration the tool gives up on. The reason picks the HTTP status and the message the
 * administrator reads; the detail goes to the log only. Nothing is stored when this is thrown.
 */
public class RegistrationFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a registration failed; each has its status and a message key in {@code i18n/messages}. */
  public enum Reason {
    /** No openid_configuration parameter (the page was not opened by a platform). */
    MISSING(400),
    /** openid_configuration is no absolute https URL (http only on loopback hosts). */
    CONFIG_URL(400),
    /** The configuration could not be fetched: no connection, time-out or not 200. */
    UNREACHABLE(502),
    /** The configuration is no valid OpenID configuration with the endpoints LTI needs. */
    CONFIG(400),
    /** The configuration was fetched from an address outside its own issuer. */
    ISSUER(400),
    /** The registration endpoint refused the registration or could not be reached. */
    REJECTED(502),
    /** The registration endpoint answered without a usable client_id. */
    RESPONSE(502),
    /** The platform handed out a known issuer + client_id, but with other keys or endpoints. */
    EXISTS(409);

    private final int status;

    Reason(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }

    public String messageKey() {
      String name = name().toLowerCase(Locale.ROOT);
      return "register.error." + (this == CONFIG_URL ? "configUrl" : name);
    }
  }

  private final Reason reason;

  public RegistrationFailedException(Reason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  public RegistrationFailedException(Reason reason, String detail, Throwable cause) {
    super(reason + ": " + detail, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
