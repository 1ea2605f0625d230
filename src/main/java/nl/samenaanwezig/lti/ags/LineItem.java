package nl.samenaanwezig.lti.ags;

import java.net.URI;
import java.util.Objects;

/**
 * A column in the platform's gradebook (LTI AGS 2.0 section 3.2); {@code id} is its URL. The
 * optional fields are null when the platform did not send them.
 */
public record LineItem(
    URI id,
    String label,
    double scoreMaximum,
    String resourceId,
    String tag,
    String resourceLinkId) {

  public LineItem {
    Objects.requireNonNull(id, "a line item is known by its URL");
  }

  /** A line item to create: label and a positive maximum are required, the rest optional. */
  public record Draft(
      String label, double scoreMaximum, String resourceId, String tag, String resourceLinkId) {
    public Draft {
      if (label == null || label.isBlank()) {
        throw new IllegalArgumentException("a line item needs a label");
      }
      if (!(scoreMaximum > 0) || Double.isInfinite(scoreMaximum)) {
        throw new IllegalArgumentException("scoreMaximum must be a positive number");
      }
    }
  }
}
