package nl.samenaanwezig.lti;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated LTI message (resource link or deep linking request): everything the tool keeps from
 * the id_token. Personal data may be absent: platforms decide what they share.
 */
public record Launch(
    Platform platform,
    String deploymentId,
    String messageType,
    String subject,
    String name,
    String givenName,
    String familyName,
    String email,
    String locale,
    List<String> ltiRoles,
    Optional<ContextClaim> context,
    Optional<String> resourceLinkId,
    String targetLinkUri,
    Map<String, String> custom,
    String servicesJson) {

  /** The LTI context claim: the course the launch came from. */
  public record ContextClaim(String id, String title, String label) {}

  /**
   * The AGS endpoint claim (LTI AGS 2.0 section 3.1): the course's line item container, the
   * resource link's own line item when it has one, and the scopes the tool may request.
   */
  public record GradesClaim(String lineItems, String lineItem, List<String> scopes) {}

  public boolean isDeepLinking() {
    return LtiClaims.DEEP_LINKING_REQUEST.equals(messageType);
  }

  /** The NRPS claim's context_memberships_url, when the platform offers the course roster. */
  public Optional<String> membershipsUrl() {
    if (service(LtiClaims.NRPS) instanceof Map<?, ?> nrps
        && nrps.get("context_memberships_url") instanceof String url) {
      return Optional.of(url);
    }
    return Optional.empty();
  }

  /** The AGS endpoint claim, when the platform offers grades for this launch. */
  public Optional<GradesClaim> grades() {
    if (!(service(LtiClaims.AGS) instanceof Map<?, ?> ags)) {
      return Optional.empty();
    }
    List<String> scopes = new ArrayList<>();
    if (ags.get("scope") instanceof List<?> given) {
      given.stream().filter(String.class::isInstance).map(String.class::cast).forEach(scopes::add);
    }
    return Optional.of(
        new GradesClaim(
            ags.get("lineitems") instanceof String items ? items : null,
            ags.get("lineitem") instanceof String item ? item : null,
            List.copyOf(scopes)));
  }

  private Object service(String claim) {
    if (servicesJson == null) {
      return null;
    }
    try {
      return JSONObjectUtils.parse(servicesJson).get(claim);
    } catch (ParseException e) {
      // Written by LaunchValidator from parsed claims; unreadable means no services.
      return null;
    }
  }
}
