package nl.samenaanwezig.lti;

/** An import names a registration (issuer + client_id) that belongs to another institution. */
public class PlatformOwnedElsewhereException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PlatformOwnedElsewhereException(String issuer) {
    super("registration of " + issuer + " belongs to another institution");
  }
}
