package nl.samenaanwezig.lti;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
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

  public boolean isDeepLinking() {
    return LtiClaims.DEEP_LINKING_REQUEST.equals(messageType);
  }

  /** The NRPS claim's context_memberships_url, when the platform offers the course roster. */
  public Optional<String> membershipsUrl() {
    if (servicesJson == null) {
      return Optional.empty();
    }
    try {
      if (JSONObjectUtils.parse(servicesJson).get(LtiClaims.NRPS) instanceof Map<?, ?> nrps
          && nrps.get("context_memberships_url") instanceof String url) {
        return Optional.of(url);
      }
    } catch (ParseException e) {
      // Written by LaunchValidator from parsed claims; unreadable means no services.
    }
    return Optional.empty();
  }
}
