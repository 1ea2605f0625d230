package nl.samenaanwezig.lti.ags;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.samenaanwezig.lti.LtiClaims;
import nl.samenaanwezig.lti.services.LinkHeader;
import nl.samenaanwezig.lti.services.ServiceClient;
import nl.samenaanwezig.lti.services.ServiceClient.Call;
import nl.samenaanwezig.lti.services.ServiceResponse;
import nl.samenaanwezig.lti.services.ServiceUnavailableException;
import nl.samenaanwezig.lti.services.ServiceUnavailableException.Reason;

/**
 * LTI Assignment and Grade Services 2.0 for one course's grade service: line items (list across
 * {@code Link: rel="next"} pages, find, create), scores and results, each with the spec's media
 * type and the one scope it needs. The bearer token only goes to the origin of the line item
 * container the launch named.
 */
public final class AgsClient {
  public static final String LINE_ITEM_CONTAINER_TYPE =
      "application/vnd.ims.lis.v2.lineitemcontainer+json";
  public static final String LINE_ITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json";
  public static final String SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";
  public static final String RESULT_CONTAINER_TYPE =
      "application/vnd.ims.lis.v2.resultcontainer+json";

  /** AGS 3.4.3: ISO 8601 with sub-second precision and an explicit offset. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

  /** Limits of one read: bytes per answer, pages, and entries over all pages. */
  public record Limits(int maxPageBytes, int maxPages, int maxEntries) {
    public static final Limits DEFAULT = new Limits(2 * 1024 * 1024, 100, 10_000);
  }

  /** Query filters of the line item container (AGS 3.2); null matches anything. */
  public record Filter(String resourceId, String tag, String resourceLinkId) {
    public static final Filter ALL = new Filter(null, null, null);

    boolean matches(LineItem item) {
      return (resourceId == null || resourceId.equals(item.resourceId()))
          && (tag == null || tag.equals(item.tag()))
          && (resourceLinkId == null || resourceLinkId.equals(item.resourceLinkId()));
    }
  }

  private final ServiceClient services;
  private final Limits limits;

  public AgsClient(ServiceClient services, Limits limits) {
    this.services = services;
    this.limits = Objects.requireNonNull(limits);
  }

  /** The course's line items that match the filter, from every page of the container. */
  public List<LineItem> lineItems(GradeService service, Filter filter) {
    String scope =
        service.readScope().orElseThrow(() -> notPermitted(LtiClaims.AGS_SCOPE_LINEITEM_READONLY));
    Map<String, String> query = new LinkedHashMap<>();
    query.put("resource_id", filter.resourceId());
    query.put("tag", filter.tag());
    query.put("resource_link_id", filter.resourceLinkId());
    List<LineItem> items = new ArrayList<>();
    for (Map<?, ?> entry :
        readAll(service, scope, withQuery(service.lineItems(), query), LINE_ITEM_CONTAINER_TYPE)) {
      LineItem item = lineItem(entry, service);
      // The filters are the platform's to apply; one that ignores them is filtered here.
      if (item != null && filter.matches(item)) {
        items.add(item);
      }
    }
    return items;
  }

  /** The first line item with this resourceId and tag (either may be null, not both). */
  public Optional<LineItem> find(GradeService service, String resourceId, String tag) {
    if (resourceId == null && tag == null) {
      throw new IllegalArgumentException("find a line item by resourceId, tag or both");
    }
    return lineItems(service, new Filter(resourceId, tag, null)).stream().findFirst();
  }

  /** Creates a line item in the course's container (AGS 3.2.3); returns it with its URL. */
  public LineItem create(GradeService service, LineItem.Draft draft) {
    require(service, LtiClaims.AGS_SCOPE_LINEITEM);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("label", draft.label());
    body.put("scoreMaximum", draft.scoreMaximum());
    putIfPresent(body, "resourceId", draft.resourceId());
    putIfPresent(body, "tag", draft.tag());
    putIfPresent(body, "resourceLinkId", draft.resourceLinkId());
    ServiceResponse answer =
        services.send(
            service.platform(),
            Set.of(LtiClaims.AGS_SCOPE_LINEITEM),
            Call.send("POST", service.lineItems(), LINE_ITEM_TYPE, LINE_ITEM_TYPE, json(body)),
            limits.maxPageBytes());
    Map<String, Object> created;
    try {
      created = JSONObjectUtils.parse(answer.text());
    } catch (ParseException | RuntimeException e) {
      throw new ServiceUnavailableException(
          Reason.MALFORMED, "created line item is not a JSON object: " + answer.uri(), e);
    }
    LineItem item = lineItem(created, service);
    if (item == null) {
      throw new ServiceUnavailableException(
          Reason.MALFORMED, "created line item without a usable id: " + answer.uri());
    }
    return item;
  }

  /** Posts a score to {@code lineItem}/scores (AGS 3.4). */
  public void score(GradeService service, URI lineItem, Score score) {
    require(service, LtiClaims.AGS_SCOPE_SCORE);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("userId", score.userId());
    if (score.scoreGiven() != null) {
      body.put("scoreGiven", score.scoreGiven());
      body.put("scoreMaximum", score.scoreMaximum());
    }
    putIfPresent(body, "comment", score.comment());
    body.put("timestamp", TIMESTAMP.format(score.timestamp()));
    body.put("activityProgress", score.activityProgress().value());
    body.put("gradingProgress", score.gradingProgress().value());
    services.send(
        service.platform(),
        Set.of(LtiClaims.AGS_SCOPE_SCORE),
        Call.send("POST", beside(service, lineItem, "scores"), null, SCORE_TYPE, json(body)),
        limits.maxPageBytes());
  }

  /** The results of a line item (AGS 3.3), all users or one. */
  public List<Result> results(GradeService service, URI lineItem, Optional<String> userId) {
    require(service, LtiClaims.AGS_SCOPE_RESULT_READONLY);
    Map<String, String> query = new LinkedHashMap<>();
    query.put("user_id", userId.orElse(null));
    URI first = withQuery(beside(service, lineItem, "results"), query);
    List<Result> results = new ArrayList<>();
    for (Map<?, ?> entry :
        readAll(service, LtiClaims.AGS_SCOPE_RESULT_READONLY, first, RESULT_CONTAINER_TYPE)) {
      results.add(
          new Result(
              text(entry.get("id")),
              text(entry.get("userId")),
              number(entry.get("resultScore")),
              number(entry.get("resultMaximum")),
              text(entry.get("comment")),
              text(entry.get("scoreOf"))));
    }
    return results;
  }

  /** Every entry of a container (a JSON array per page), following rel="next". */
  private List<Map<?, ?>> readAll(GradeService service, String scope, URI start, String type) {
    List<Map<?, ?>> entries = new ArrayList<>();
    Set<URI> visited = new HashSet<>();
    URI next = start;
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
          services.get(service.platform(), Set.of(scope), next, type, limits.maxPageBytes());
      pages++;
      List<Object> page;
      try {
        page = JSONArrayUtils.parse(answer.text());
      } catch (ParseException | RuntimeException e) {
        throw new ServiceUnavailableException(
            Reason.MALFORMED, "container is not a JSON array: " + answer.uri(), e);
      }
      for (Object entry : page) {
        if (!(entry instanceof Map<?, ?> map)) {
          throw new ServiceUnavailableException(
              Reason.MALFORMED, "container entry is not a JSON object: " + answer.uri());
        }
        entries.add(map);
      }
      if (entries.size() > limits.maxEntries()) {
        throw new ServiceUnavailableException(
            Reason.TOO_LARGE, "more than " + limits.maxEntries() + " entries");
      }
      next = LinkHeader.parse(answer.headers().allValues("Link"), answer.uri()).get("next");
      if (next != null && !sameOrigin(next, service.lineItems())) {
        throw new ServiceUnavailableException(
            Reason.MALFORMED, "next link leaves the service origin: " + next);
      }
    }
    return entries;
  }

  /** A line item from JSON; null when its id is missing or points outside the service origin. */
  private static LineItem lineItem(Map<?, ?> entry, GradeService service) {
    String id = text(entry.get("id"));
    if (id == null || id.isBlank()) {
      return null;
    }
    URI url;
    try {
      url = service.lineItems().resolve(id.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (!sameOrigin(url, service.lineItems())) {
      return null;
    }
    Double maximum = number(entry.get("scoreMaximum"));
    return new LineItem(
        url,
        text(entry.get("label")),
        maximum == null ? 0 : maximum,
        text(entry.get("resourceId")),
        text(entry.get("tag")),
        text(entry.get("resourceLinkId")));
  }

  /**
   * {@code lineItem}/{@code name} with the line item's query kept (AGS 3.3, 3.4): Moodle's line
   * item URLs carry {@code ?type_id=N}, so the segment goes into the path, before the query.
   */
  static URI beside(GradeService service, URI lineItem, String name) {
    if (lineItem.getScheme() == null
        || lineItem.getRawAuthority() == null
        || !sameOrigin(lineItem, service.lineItems())) {
      throw new ServiceUnavailableException(
          Reason.MALFORMED, "line item outside the course's grade service: " + lineItem);
    }
    String path = lineItem.getRawPath() == null ? "" : lineItem.getRawPath();
    String joined = path.endsWith("/") ? path + name : path + "/" + name;
    return URI.create(
        lineItem.getScheme()
            + "://"
            + lineItem.getRawAuthority()
            + joined
            + (lineItem.getRawQuery() == null ? "" : "?" + lineItem.getRawQuery()));
  }

  /** The URL with extra query parameters after those it has; null values are left out. */
  static URI withQuery(URI url, Map<String, String> params) {
    StringBuilder query = new StringBuilder(url.getRawQuery() == null ? "" : url.getRawQuery());
    params.forEach(
        (name, value) -> {
          if (value != null) {
            if (!query.isEmpty()) {
              query.append('&');
            }
            query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
          }
        });
    String base = url.toString();
    int cut = base.indexOf('?');
    if (cut < 0) {
      cut = base.indexOf('#');
    }
    String head = cut < 0 ? base : base.substring(0, cut);
    return URI.create(query.isEmpty() ? head : head + "?" + query);
  }

  private static void require(GradeService service, String scope) {
    if (!service.permits(scope)) {
      throw notPermitted(scope);
    }
  }

  private static ServiceUnavailableException notPermitted(String scope) {
    return new ServiceUnavailableException(
        Reason.NOT_PERMITTED, "the launch did not grant scope " + scope);
  }

  private static void putIfPresent(Map<String, Object> body, String name, String value) {
    if (value != null) {
      body.put(name, value);
    }
  }

  private static byte[] json(Map<String, Object> body) {
    return JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);
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

  private static Double number(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof String s) {
      try {
        return Double.valueOf(s.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
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
