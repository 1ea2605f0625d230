package nl.samenaanwezig.testing;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Assignment and Grade Services (AGS 2.0) of a {@link TestPlatform} for one course, shaped like
 * Moodle's gradebook services: URLs carry {@code ?type_id=1}, the line item container pages with
 * {@code Link: rel="next"}, scores are checked as Moodle checks them (media type, required fields,
 * ISO 8601 timestamp, 409 for a timestamp not newer than the last one) and show up as results.
 * Bearer tokens and their scopes are checked with {@link PlatformServices#accepts}.
 */
public final class AgsEndpoints {
  public static final String CONTAINER_TYPE = "application/vnd.ims.lis.v2.lineitemcontainer+json";
  public static final String LINE_ITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json";
  public static final String SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";
  public static final String RESULT_CONTAINER_TYPE =
      "application/vnd.ims.lis.v2.resultcontainer+json";
  public static final String LINEITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
  public static final String LINEITEM_READONLY =
      "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
  public static final String SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
  public static final String RESULT_READONLY =
      "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";

  /** Moodle's "grade sync and column management": every AGS scope. */
  public static final List<String> ALL_SCOPES =
      List.of(LINEITEM, LINEITEM_READONLY, RESULT_READONLY, SCORE);

  /** Moodle's "grade sync only": no line item management. */
  public static final List<String> SYNC_ONLY_SCOPES =
      List.of(LINEITEM_READONLY, RESULT_READONLY, SCORE);

  private static final String TYPE_ID = "1";
  private static final Set<String> ACTIVITY =
      Set.of("Initialized", "Started", "InProgress", "Submitted", "Completed");
  private static final Set<String> GRADING =
      Set.of("FullyGraded", "Pending", "PendingManual", "Failed", "NotReady");
  private static final Pattern ITEM_PATH = Pattern.compile("^/(\\d+)/lineitem(/scores|/results)?$");

  /** What every AGS endpoint does wrong, until switched back to NONE. */
  public enum Fault {
    NONE,
    SERVER_ERROR,
    /** Revokes all tokens and answers 401 once, then works again (with a new token). */
    UNAUTHORIZED_ONCE
  }

  private final TestPlatform platform;
  private final PlatformServices services;
  private final String basePath;
  private final Map<Integer, Map<String, Object>> items = new LinkedHashMap<>();
  private final Map<Integer, Map<String, Map<String, Object>>> scores = new LinkedHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger listRequests = new AtomicInteger();
  private final AtomicInteger createRequests = new AtomicInteger();
  private final AtomicInteger scoreRequests = new AtomicInteger();
  private final AtomicInteger resultRequests = new AtomicInteger();
  private final List<String> refusals = new CopyOnWriteArrayList<>();
  private final List<URI> listQueries = new CopyOnWriteArrayList<>();
  private int nextId = 1;
  private volatile int pageSize = 100;
  private volatile Fault fault = Fault.NONE;
  private volatile boolean sloppy;

  private AgsEndpoints(TestPlatform platform, PlatformServices services, String contextId) {
    this.platform = platform;
    this.services = services;
    this.basePath = PlatformServices.SERVICES_PATH + contextId + "/lineitems";
  }

  /** Adds the course's line item endpoints (Moodle: /mod/lti/services.php/CONTEXT/lineitems). */
  public static AgsEndpoints attach(
      TestPlatform platform, PlatformServices services, String contextId) {
    AgsEndpoints ags = new AgsEndpoints(platform, services, contextId);
    platform.handle(ags.basePath, ags::handle);
    return ags;
  }

  /** The container URL as Moodle puts it in the launch: with the tool's type_id. */
  public String lineItemsUrl() {
    return platform.issuer() + basePath + "?type_id=" + TYPE_ID;
  }

  public String lineItemUrl(int id) {
    return platform.issuer() + basePath + "/" + id + "/lineitem?type_id=" + TYPE_ID;
  }

  /** The AGS endpoint claim of a launch from this course, granting these scopes. */
  public Map<String, Object> claim(List<String> scopes) {
    Map<String, Object> claim = new LinkedHashMap<>();
    claim.put("scope", scopes);
    claim.put("lineitems", lineItemsUrl());
    return claim;
  }

  /** A line item that exists already (made by a teacher or an earlier tool call); its id. */
  public synchronized int lineItem(String label, double max, String resourceId, String tag) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("label", label);
    item.put("scoreMaximum", max);
    if (resourceId != null) {
      item.put("resourceId", resourceId);
    }
    if (tag != null) {
      item.put("tag", tag);
    }
    return store(item);
  }

  public AgsEndpoints pageSize(int size) {
    this.pageSize = size;
    return this;
  }

  /**
   * JSON answers as {@code text/html; charset=UTF-8} with a UTF-8 byte order mark first, as a PHP
   * site sends them when one of its files was saved with a BOM.
   */
  public AgsEndpoints sloppy(boolean sloppy) {
    this.sloppy = sloppy;
    return this;
  }

  public AgsEndpoints fault(Fault fault) {
    this.fault = fault;
    return this;
  }

  /** Every request to any AGS endpoint, refused ones included. */
  public int requests() {
    return requests.get();
  }

  public int listRequests() {
    return listRequests.get();
  }

  public int createRequests() {
    return createRequests.get();
  }

  public int scoreRequests() {
    return scoreRequests.get();
  }

  public int resultRequests() {
    return resultRequests.get();
  }

  /** Why requests were refused (empty when all were as the spec asks). */
  public List<String> refusals() {
    return List.copyOf(refusals);
  }

  /** The URLs of the container reads, with their queries. */
  public List<URI> listQueries() {
    return List.copyOf(listQueries);
  }

  /** The line items as stored, by id. */
  public synchronized Map<Integer, Map<String, Object>> items() {
    return Map.copyOf(items);
  }

  /** The last score accepted for a user on a line item, as posted; null when none. */
  public synchronized Map<String, Object> score(int itemId, String userId) {
    return scores.getOrDefault(itemId, Map.of()).get(userId);
  }

  private synchronized int store(Map<String, Object> item) {
    int id = nextId++;
    item.put("id", lineItemUrl(id));
    items.put(id, item);
    return id;
  }

  // ---- requests ----

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      URI uri = exchange.getRequestURI();
      Map<String, String> q = TestPlatform.query(uri);
      String rest = uri.getPath().substring(basePath.length());
      String method = exchange.getRequestMethod();
      if (fault == Fault.SERVER_ERROR) {
        TestPlatform.respond(exchange, 500, "text/html", "<h1>Fout</h1>");
        return;
      }
      if (fault == Fault.UNAUTHORIZED_ONCE) {
        fault = Fault.NONE;
        services.revokeTokens();
        TestPlatform.respond(exchange, 401, "text/plain", "token revoked");
        return;
      }
      if (!TYPE_ID.equals(q.get("type_id"))) {
        refuse(exchange, 400, "type_id " + q.get("type_id") + " on " + uri);
        return;
      }
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (rest.isEmpty() && "GET".equals(method)) {
        if (authorized(exchange, auth, LINEITEM, LINEITEM_READONLY)) {
          list(exchange, q);
        }
        return;
      }
      if (rest.isEmpty() && "POST".equals(method)) {
        if (authorized(exchange, auth, LINEITEM)) {
          create(exchange);
        }
        return;
      }
      Matcher m = ITEM_PATH.matcher(rest);
      if (!m.matches()) {
        refuse(exchange, 404, "no resource " + uri.getPath());
        return;
      }
      int id = Integer.parseInt(m.group(1));
      String sub = m.group(2);
      synchronized (this) {
        if (!items.containsKey(id)) {
          refuse(exchange, 404, "no line item " + id);
          return;
        }
      }
      if ("/scores".equals(sub) && "POST".equals(method)) {
        if (authorized(exchange, auth, SCORE)) {
          score(exchange, id);
        }
      } else if ("/results".equals(sub) && "GET".equals(method)) {
        if (authorized(exchange, auth, RESULT_READONLY)) {
          results(exchange, id, q.get("user_id"));
        }
      } else {
        refuse(exchange, 405, method + " " + uri.getPath());
      }
    } catch (IOException e) {
      // The tool hung up: nothing more to send.
    }
  }

  private boolean authorized(HttpExchange exchange, String auth, String... scopes)
      throws IOException {
    if (services.accepts(auth, scopes)) {
      return true;
    }
    refuse(exchange, 401, "token without " + List.of(scopes));
    return false;
  }

  private void list(HttpExchange exchange, Map<String, String> q) throws IOException {
    listRequests.incrementAndGet();
    listQueries.add(exchange.getRequestURI());
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    if (accept == null || !accept.contains(CONTAINER_TYPE)) {
      refuse(exchange, 406, "accept " + accept);
      return;
    }
    List<Map<String, Object>> matching = new ArrayList<>();
    synchronized (this) {
      for (Map<String, Object> item : items.values()) {
        if (matches(item, "resourceId", q.get("resource_id"))
            && matches(item, "tag", q.get("tag"))
            && matches(item, "resourceLinkId", q.get("resource_link_id"))) {
          matching.add(new LinkedHashMap<>(item));
        }
      }
    }
    int from = Integer.parseInt(q.getOrDefault("from", "0"));
    int to = Math.min(from + pageSize, matching.size());
    List<Map<String, Object>> page =
        from >= matching.size() ? List.of() : matching.subList(from, to);
    if (to < matching.size()) {
      StringBuilder next = new StringBuilder(platform.issuer() + basePath + "?type_id=" + TYPE_ID);
      for (String name : List.of("resource_id", "tag", "resource_link_id")) {
        if (q.get(name) != null) {
          next.append('&')
              .append(name)
              .append('=')
              .append(URLEncoder.encode(q.get(name), StandardCharsets.UTF_8));
        }
      }
      next.append("&limit=").append(pageSize).append("&from=").append(to);
      exchange.getResponseHeaders().add("Link", "<" + next + ">; rel=\"next\"");
    }
    json(exchange, 200, CONTAINER_TYPE, toJson(page));
  }

  private void json(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    if (sloppy) {
      TestPlatform.respond(exchange, status, "text/html; charset=UTF-8", "\uFEFF" + body);
    } else {
      TestPlatform.respond(exchange, status, type, body);
    }
  }

  private static boolean matches(Map<String, Object> item, String field, String wanted) {
    return wanted == null || wanted.equals(item.get(field));
  }

  private void create(HttpExchange exchange) throws IOException {
    createRequests.incrementAndGet();
    if (!LINE_ITEM_TYPE.equals(mediaType(exchange))) {
      refuse(exchange, 400, "content type " + mediaType(exchange));
      return;
    }
    Map<String, Object> body = body(exchange);
    if (body == null
        || !(body.get("label") instanceof String label)
        || label.isBlank()
        || !(body.get("scoreMaximum") instanceof Number max)
        || max.doubleValue() <= 0) {
      refuse(exchange, 400, "no label or scoreMaximum: " + body);
      return;
    }
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("label", label);
    item.put("scoreMaximum", max.doubleValue());
    for (String field : List.of("resourceId", "tag", "resourceLinkId")) {
      if (body.get(field) instanceof String value) {
        item.put(field, value);
      }
    }
    store(item);
    json(exchange, 201, LINE_ITEM_TYPE, JSONObjectUtils.toJSONString(item));
  }

  private void score(HttpExchange exchange, int itemId) throws IOException {
    scoreRequests.incrementAndGet();
    if (!SCORE_TYPE.equals(mediaType(exchange))) {
      refuse(exchange, 400, "content type " + mediaType(exchange));
      return;
    }
    Map<String, Object> score = body(exchange);
    String problem = scoreProblem(score);
    if (problem != null) {
      refuse(exchange, 400, problem);
      return;
    }
    String userId = (String) score.get("userId");
    OffsetDateTime at = OffsetDateTime.parse((String) score.get("timestamp"));
    synchronized (this) {
      Map<String, Object> last = scores.getOrDefault(itemId, Map.of()).get(userId);
      // Moodle refuses a score whose timestamp (in seconds) is not after the stored one.
      if (last != null
          && OffsetDateTime.parse((String) last.get("timestamp")).toEpochSecond()
              >= at.toEpochSecond()) {
        refuse(exchange, 409, "earlier timestamp for item " + itemId + " and user " + userId);
        return;
      }
      scores.computeIfAbsent(itemId, k -> new LinkedHashMap<>()).put(userId, score);
    }
    TestPlatform.respond(exchange, 200, SCORE_TYPE, "");
  }

  private static String scoreProblem(Map<String, Object> score) {
    if (score == null) {
      return "score is not a JSON object";
    }
    if (!(score.get("userId") instanceof String userId) || userId.isBlank()) {
      return "userId " + score.get("userId");
    }
    if (!(score.get("timestamp") instanceof String timestamp)) {
      return "no timestamp";
    }
    try {
      OffsetDateTime.parse(timestamp);
    } catch (DateTimeParseException e) {
      return "timestamp " + timestamp;
    }
    if (!ACTIVITY.contains(score.get("activityProgress"))) {
      return "activityProgress " + score.get("activityProgress");
    }
    if (!GRADING.contains(score.get("gradingProgress"))) {
      return "gradingProgress " + score.get("gradingProgress");
    }
    if (score.containsKey("scoreGiven")
        && (!(score.get("scoreGiven") instanceof Number)
            || !(score.get("scoreMaximum") instanceof Number))) {
      return "scoreGiven without a numeric scoreMaximum";
    }
    return null;
  }

  private void results(HttpExchange exchange, int itemId, String userId) throws IOException {
    resultRequests.incrementAndGet();
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    if (accept == null || !accept.contains(RESULT_CONTAINER_TYPE)) {
      refuse(exchange, 406, "accept " + accept);
      return;
    }
    List<Map<String, Object>> results = new ArrayList<>();
    synchronized (this) {
      for (Map.Entry<String, Map<String, Object>> e :
          scores.getOrDefault(itemId, Map.of()).entrySet()) {
        if (userId != null && !userId.equals(e.getKey())) {
          continue;
        }
        Map<String, Object> score = e.getValue();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(
            "id",
            platform.issuer()
                + basePath
                + "/"
                + itemId
                + "/lineitem/results?type_id=1&user_id="
                + e.getKey());
        result.put("scoreOf", lineItemUrl(itemId));
        result.put("userId", e.getKey());
        if ("FullyGraded".equals(score.get("gradingProgress"))) {
          result.put("resultScore", score.get("scoreGiven"));
        }
        result.put("resultMaximum", score.get("scoreMaximum"));
        if (score.get("comment") != null) {
          result.put("comment", score.get("comment"));
        }
        results.add(result);
      }
    }
    json(exchange, 200, RESULT_CONTAINER_TYPE, toJson(results));
  }

  private static String mediaType(HttpExchange exchange) {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    return type == null ? null : type.split(";", 2)[0].strip();
  }

  private static Map<String, Object> body(HttpExchange exchange) throws IOException {
    try {
      return JSONObjectUtils.parse(
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    } catch (ParseException e) {
      return null;
    }
  }

  private static String toJson(List<Map<String, Object>> entries) {
    List<String> parts = new ArrayList<>();
    for (Map<String, Object> entry : entries) {
      parts.add(JSONObjectUtils.toJSONString(entry));
    }
    return "[" + String.join(",", parts) + "]";
  }

  private void refuse(HttpExchange exchange, int status, String why) throws IOException {
    refusals.add(status + " " + why);
    TestPlatform.respond(exchange, status, "text/plain", why);
  }
}
