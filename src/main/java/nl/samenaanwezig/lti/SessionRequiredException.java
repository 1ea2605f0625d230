package nl.samenaanwezig.lti;

/** A page needs a session and the request has none (expired, or the cookie did not come back). */
public class SessionRequiredException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SessionRequiredException() {
    super("no session");
  }
}
