package nl.samenaanwezig.api;

import java.util.List;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}); {@code errors} lists each invalid
 * member of a request body by JSON Pointer (RFC 6901), and is left out when there are none.
 */
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One invalid member of a request body. */
  public record FieldError(String pointer, String message) {}

  public Problem {
    errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
  }
}
