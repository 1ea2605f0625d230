package nl.samenaanwezig.lti.nrps;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.samenaanwezig.lti.Platform;
import nl.samenaanwezig.lti.services.LinkHeader;
import nl.samenaanwezig.lti.services.ServiceClient;
import nl.samenaanwezig.lti.services.ServiceResponse;
import nl.samenaanwezig.lti.services.ServiceUnavailableException;
import nl.samenaanwezig.lti.services.ServiceUnavailableException.Reason;

/**
 * Reads a membership container (LTI NRPS 2.0): follows {@code Link: rel="next"} until the last page
 * and remembers {@code rel="differences"}. Either the whole roster arrives or nothing does; limits
 * on page size, page count and member count keep a misbehaving platform harmless.
 */
public final class NrpsClient {
  public static final String MEDIA_TYPE =
      "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
  public static final String SCOPE =
      "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

  /** Limits of one read. */
  public record Limits(int maxPageBytes, int maxPages, int maxMembers) {
    public static final Limits DEFAULT = new Limits(10 * 1024 * 1024, 200, 100_000);
  }

  private final ServiceClient services;
  private final Limits limits;

  public NrpsClient(ServiceClient services, Limits limits) {
    this.services = services;
    this.limits = Objects.requireNonNull(limits);
  }

  /** All members from {@code start} on, across pages; later entries of a user id win. */
  public Roster fetch(Platform platform, URI start) {
    Map<String, RosterMember> members = new LinkedHashMap<>();
    Set<URI> visited = new HashSet<>();
    URI next = start;
    URI differences = null;
    Optional<String> contextId = Optional.empty();
    String title = null;
    String label = null;
    int pages = 0;
    while (next != null) {
      if (!visited.add(next)) {
        throw new ServiceUnavailableException(Reason.MALFORMED, "next link loops to " + next);
      }
      if (pages == limits.maxPages()) {
        throw new ServiceUnavailableException(
            Reason.TOO_LARGE, "more than " + limits.maxPages() + " pages");
      }
      ServiceResponse answer =
          services.get(platform, Set.of(SCOPE), next, MEDIA_TYPE, limits.maxPageBytes());
      pages++;
      Map<String, Object> container = parse(answer);
      if (pages == 1 && container.get("context") instanceof Map<?, ?> context) {
        contextId = Optional.ofNullable(text(context.get("id")));
        title = text(context.get("title"));
        label = text(context.get("label"));
      }
      for (RosterMember member : members(container, next)) {
        members.put(member.userId(), member);
      }
      if (members.size() > limits.maxMembers()) {
        throw new ServiceUnavailableException(
            Reason.TOO_LARGE, "more than " + limits.maxMembers() + " members");
      }
      Map<String, URI> links = LinkHeader.parse(answer.headers().allValues("Link"), answer.uri());
      next = links.get("next");
      // The bearer token goes only where the launch pointed: same origin as the service URL.
      if (next != null && !sameOrigin(next, start)) {
        throw new ServiceUnavailableException(
            Reason.MALFORMED, "next link leaves the service origin: " + next);
      }
      URI offered = links.get("differences");
      if (offered != null && sameOrigin(offered, start)) {
        differences = offered;
      }
    }
    return new Roster(
        contextId,
        title,
        label,
        List.copyOf(members.values()),
        Optional.ofNullable(differences),
        pages);
  }

  private static Map<String, Object> parse(ServiceResponse answer) {
    try {
      return JSONObjectUtils.parse(answer.text());
    } catch (ParseException | RuntimeException e) {
      throw new ServiceUnavailableException(
          Reason.MALFORMED, "membership container is not a JSON object: " + answer.uri(), e);
    }
  }

  private static List<RosterMember> members(Map<String, Object> container, URI page) {
    if (!(container.get("members") instanceof List<?> list)) {
      throw new ServiceUnavailableException(
          Reason.MALFORMED, "membership container without a members array: " + page);
    }
    List<RosterMember> found = new ArrayList<>(list.size());
    for (Object item : list) {
      if (!(item instanceof Map<?, ?> entry)) {
        throw new ServiceUnavailableException(
            Reason.MALFORMED, "member is not a JSON object: " + page);
      }
      String userId = text(entry.get("user_id"));
      if (userId == null || userId.isBlank()) {
        // Without user_id we cannot tell who this is; the rest of the roster still counts.
        continue;
      }
      List<String> roles = new ArrayList<>();
      if (entry.get("roles") instanceof List<?> given) {
        given.forEach(r -> roles.add(String.valueOf(r)));
      }
      found.add(
          new RosterMember(
              userId,
              text(entry.get("name")),
              text(entry.get("given_name")),
              text(entry.get("family_name")),
              text(entry.get("email")),
              List.copyOf(roles),
              RosterMember.Status.parse(entry.get("status"))));
    }
    return found;
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return String.valueOf(n.longValue());
    }
    return String.valueOf(value);
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null
        && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
