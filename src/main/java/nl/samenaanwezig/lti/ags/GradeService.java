package nl.samenaanwezig.lti.ags;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.LtiClaims;
import nl.samenaanwezig.lti.Platform;

/**
 * A course's grade service as its launches offered it (LTI AGS 2.0 section 3.1): the line item
 * container URL and the scopes the platform lets the tool request.
 */
public record GradeService(Platform platform, URI lineItems, Set<String> scopes) {
  public GradeService {
    Objects.requireNonNull(platform, "a grade service belongs to a platform");
    Objects.requireNonNull(lineItems, "a grade service needs the line item container URL");
    scopes = Set.copyOf(scopes);
  }

  /** The course's grade service, if a launch offered one. */
  public static Optional<GradeService> of(Course course) {
    return course
        .lineItemsUrl()
        .map(url -> new GradeService(course.platform(), url, course.agsScopes()));
  }

  public boolean permits(String scope) {
    return scopes.contains(scope);
  }

  /** The scope to read line items with: the full one if granted, else the read-only one. */
  public Optional<String> readScope() {
    if (permits(LtiClaims.AGS_SCOPE_LINEITEM)) {
      return Optional.of(LtiClaims.AGS_SCOPE_LINEITEM);
    }
    if (permits(LtiClaims.AGS_SCOPE_LINEITEM_READONLY)) {
      return Optional.of(LtiClaims.AGS_SCOPE_LINEITEM_READONLY);
    }
    return Optional.empty();
  }
}
