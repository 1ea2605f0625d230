package nl.samenaanwezig.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenaanwezig.lti.LtiClaims;
import nl.samenaanwezig.lti.Platforms;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import nl.samenaanwezig.web.RequestBodyDrain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON API over HTTP with tokens made on the real settings page: authentication, the
 * institution boundary, validation as problem details, idempotent PUTs.
 */
class LessonApiTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static ToolServer tool;
  static TestPlatform platform;
  static TestPlatform otherSchool;
  static Browser admin;
  static String token;

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
    platform = TestPlatform.start().registerWith(tool);
    otherSchool = TestPlatform.start().registerWith(tool);
    join(platform, "api-course", "1001", "Fenna", "Kok");
    join(platform, "api-course", "1002", "Daan", "Jansen");
    join(otherSchool, "other-course", "2001", "Noor", "Visser");
    admin = new Browser();
    admin.follow(
        platform
            .launch()
            .asAdmin()
            .without("https://purl.imsglobal.org/spec/lti/claim/context")
            .run(admin));
    token = createToken("Leerlingadministratie");
  }

  @AfterAll
  static void stop() {
    otherSchool.close();
    platform.close();
    tool.close();
  }

  private static void join(
      TestPlatform lms, String context, String sub, String given, String family) {
    Browser b = new Browser();
    b.follow(
        lms.launch()
            .person(sub, given, family, List.of(Role.Lis.LEARNER.uri()))
            .claim(LtiClaims.CONTEXT, Map.of("id", context, "title", "Klas " + context))
            .run(b));
  }

  private static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
    assertTrue(m.find(), html);
    return m.group(1);
  }

  private static String createToken(String name) {
    String page = admin.get(tool.baseUrl() + "/admin").body();
    HttpResponse<String> created =
        admin.postForm(
            tool.baseUrl() + "/admin/api-tokens", Map.of("csrf", csrf(page), "name", name));
    assertEquals(200, created.statusCode(), created.body());
    Matcher secret =
        Pattern.compile("id=\"secret\"[^>]*value=\"(sa_[^\"]+)\"").matcher(created.body());
    assertTrue(secret.find(), created.body());
    return secret.group(1);
  }

  private static HttpResponse<String> send(String method, String path, String token, String json) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(tool.baseUrl() + path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject object(HttpResponse<String> r) {
    return Json.createReader(new StringReader(r.body())).readObject();
  }

  private static void assertProblem(HttpResponse<String> r, int status, String detail) {
    assertEquals(status, r.statusCode(), r.body());
    assertEquals(
        "application/problem+json",
        r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    JsonObject problem = object(r);
    assertEquals(status, problem.getInt("status"));
    assertEquals(detail, problem.getString("detail"));
  }

  private static final String LESSON = "/api/v1/courses/api-course/lessons/";
  private static final String MONDAY =
      "{\"date\": \"2026-11-16\", \"start\": \"09:00\", \"end\": \"09:50\"}";

  private static long marksOf(String externalId) {
    return tool.count(
        "SELECT COUNT(*) FROM mark m JOIN lesson l ON m.lesson_id = l.id"
            + " WHERE l.source = 'API' AND l.external_id = ?",
        externalId);
  }

  @Test
  void withoutATokenTheAnswerIs401WithAChallenge() {
    HttpResponse<String> r = send("GET", LESSON + "x", null, null);
    assertProblem(r, 401, "Stuur een API-sleutel mee als Authorization: Bearer <sleutel>.");
    assertEquals(
        "Bearer realm=\"Samen Aanwezig\"", r.headers().firstValue("WWW-Authenticate").orElse(""));
    assertEquals("/api/problems/unauthorized", object(r).getString("type"));
  }

  @Test
  void anUnknownTokenIs401() {
    HttpResponse<String> r = send("GET", LESSON + "x", "sa_" + "A".repeat(43), null);
    assertProblem(r, 401, "Deze API-sleutel is onbekend of ingetrokken.");
    assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
  }

  @Test
  void anUnknownTokenWithALargeBodyStillGetsIts401() {
    // Refused before the body is read: the rest of it must not turn the answer into a reset.
    String body = "[" + "{\"student\": \"1001\", \"category\": \"PRESENT\"},".repeat(20_000) + "]";
    assertTrue(body.length() > 512 * 1024);
    for (int i = 0; i < 3; i++) {
      assertProblem(
          send("PUT", LESSON + "someone-else", "sa_not-a-token", body),
          401,
          "Deze API-sleutel is onbekend of ingetrokken.");
    }
  }

  @Test
  void aRevokedTokenIs401() {
    String revoked = createToken("Oud systeem");
    assertEquals(201, send("PUT", LESSON + "revoke-1", revoked, MONDAY).statusCode());
    String page = admin.get(tool.baseUrl() + "/admin").body();
    Matcher form =
        Pattern.compile(
                "action=\"(/admin/api-tokens/\\d+/revoke)\"[^<]*<input[^>]*>\\s*<span>actief</span>\\s*<button[^>]*aria-label=\"API-sleutel Oud systeem intrekken\"")
            .matcher(page);
    assertTrue(form.find(), page);
    HttpResponse<String> done =
        admin.postForm(tool.baseUrl() + form.group(1), Map.of("csrf", csrf(page)));
    assertEquals(303, done.statusCode());
    assertTrue(admin.follow(done).body().contains("De API-sleutel is ingetrokken."));
    assertProblem(
        send("GET", LESSON + "revoke-1", revoked, null),
        401,
        "Deze API-sleutel is onbekend of ingetrokken.");
    assertEquals(200, send("GET", LESSON + "revoke-1", token, null).statusCode());
  }

  @Test
  void theSettingsPageListsTokensButNeverShowsThemAgain() {
    String page = admin.get(tool.baseUrl() + "/admin").body();
    assertTrue(page.contains("Leerlingadministratie"), page);
    assertFalse(page.contains(token));
    assertEquals(
        0,
        tool.count("SELECT COUNT(*) FROM api_token WHERE token_hash = ?", token),
        "only the hash is stored");
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM api_token WHERE token_hash = ?",
            nl.samenaanwezig.lti.Tokens.hash(token)));
  }

  @Test
  void makingATokenNeedsTheCsrfToken() {
    long before = tool.count("SELECT COUNT(*) FROM api_token");
    HttpResponse<String> refused =
        admin.postForm(tool.baseUrl() + "/admin/api-tokens", Map.of("name", "Zonder token"));
    assertEquals(403, refused.statusCode());
    assertTrue(refused.body().contains("Dit formulier is verlopen."), refused.body());
    assertEquals(before, tool.count("SELECT COUNT(*) FROM api_token"));
  }

  @Test
  void anAdministratorOfAnotherInstitutionCannotRevokeOurToken() {
    String ours = createToken("Van ons");
    long id = tool.count("SELECT id FROM api_token WHERE name = 'Van ons'");
    Browser otherAdmin = new Browser();
    String page =
        otherAdmin
            .follow(
                otherSchool
                    .launch()
                    .asAdmin()
                    .without("https://purl.imsglobal.org/spec/lti/claim/context")
                    .run(otherAdmin))
            .body();
    assertFalse(page.contains("Van ons"), "another institution's tokens are not listed");
    HttpResponse<String> refused =
        otherAdmin.postForm(
            tool.baseUrl() + "/admin/api-tokens/" + id + "/revoke", Map.of("csrf", csrf(page)));
    assertEquals(404, refused.statusCode());
    assertEquals(201, send("PUT", LESSON + "still-works", ours, MONDAY).statusCode());
  }

  @Test
  void aCourseOfAnotherInstitutionIsNotFound() {
    assertProblem(
        send("PUT", "/api/v1/courses/other-course/lessons/a", token, MONDAY),
        404,
        "Geen cursus met context-ID 'other-course' in een leeromgeving van deze instelling."
            + " Een cursus is bekend zodra de tool er een keer vanuit is geopend.");
    assertEquals(0, tool.count("SELECT COUNT(*) FROM lesson WHERE external_id = 'a'"));
  }

  @Test
  void anInvalidLessonIs422WithAPointerPerMemberAndStoresNothing() {
    HttpResponse<String> r =
        send(
            "PUT",
            LESSON + "bad-1",
            token,
            "{\"date\": \"16-11-2026\", \"start\": \"10:00\", \"end\": \"09:00\","
                + " \"scheduledMinutes\": \"veel\"}");
    assertProblem(r, 422, "Er is niets opgeslagen: 3 fout(en) in de gegevens, zie errors.");
    JsonArray errors = object(r).getJsonArray("errors");
    assertEquals("/date", errors.getJsonObject(0).getString("pointer"));
    assertEquals(
        "Moet een datum zijn als jjjj-mm-dd.", errors.getJsonObject(0).getString("message"));
    assertEquals("/scheduledMinutes", errors.getJsonObject(1).getString("pointer"));
    assertEquals("/end", errors.getJsonObject(2).getString("pointer"));
    assertEquals("Moet na start liggen.", errors.getJsonObject(2).getString("message"));
    assertEquals(0, tool.count("SELECT COUNT(*) FROM lesson WHERE external_id = 'bad-1'"));
  }

  @Test
  void invalidMarksAre422WithPointersAndNothingIsStored() {
    assertEquals(201, send("PUT", LESSON + "marks-bad", token, MONDAY).statusCode());
    HttpResponse<String> r =
        send(
            "PUT",
            LESSON + "marks-bad/marks",
            token,
            "[{\"student\": \"1001\", \"category\": \"PRESENT\"},"
                + " {\"student\": \"9999\", \"category\": \"PRESENT\"},"
                + " {\"student\": \"1002\", \"category\": \"LATE\"},"
                + " {\"student\": \"1001\", \"category\": \"ZOMAAR\"}]");
    assertProblem(r, 422, "Er is niets opgeslagen: 4 fout(en) in de gegevens, zie errors.");
    JsonArray errors = object(r).getJsonArray("errors");
    assertEquals(
        List.of("/1/student", "/2/lateMinutes", "/3/student", "/3/category"),
        errors.stream().map(e -> e.asJsonObject().getString("pointer")).toList());
    assertEquals(
        "Geen student van deze cursus heeft dit ID.", errors.getJsonObject(0).getString("message"));
    assertEquals(
        "Moet bij LATE tussen 1 en 50 liggen.", errors.getJsonObject(1).getString("message"));
    assertEquals("Deze student staat ook op /0.", errors.getJsonObject(2).getString("message"));
    assertEquals(0, marksOf("marks-bad"));
  }

  @Test
  void putTwiceIsIdempotentAndGetReturnsWhatWasPut() {
    HttpResponse<String> created =
        send(
            "PUT",
            LESSON + "wis-1116-1",
            token,
            "{\"date\": \"2026-11-16\", \"start\": \"09:00\", \"end\": \"09:50\","
                + " \"scheduledMinutes\": 45, \"group\": \"2B\"}");
    assertEquals(201, created.statusCode(), created.body());
    assertEquals(
        "/api/v1/courses/api-course/lessons/wis-1116-1",
        URI.create(created.headers().firstValue("Location").orElseThrow()).getPath());
    HttpResponse<String> again =
        send(
            "PUT",
            LESSON + "wis-1116-1",
            token,
            "{\"date\": \"2026-11-16\", \"start\": \"09:00\", \"end\": \"09:50\","
                + " \"scheduledMinutes\": 45, \"group\": \"2B\"}");
    assertEquals(200, again.statusCode());
    assertEquals(1, tool.count("SELECT COUNT(*) FROM lesson WHERE external_id = 'wis-1116-1'"));

    String marks =
        "[{\"student\": \"1001\", \"category\": \"PRESENT\"},"
            + " {\"student\": \"1002\", \"category\": \"LATE\", \"lateMinutes\": 12}]";
    assertEquals(200, send("PUT", LESSON + "wis-1116-1/marks", token, marks).statusCode());
    long history = tool.count("SELECT COUNT(*) FROM mark_change");
    assertEquals(200, send("PUT", LESSON + "wis-1116-1/marks", token, marks).statusCode());
    assertEquals(2, marksOf("wis-1116-1"));
    assertEquals(history, tool.count("SELECT COUNT(*) FROM mark_change"));

    JsonObject lesson = object(send("GET", LESSON + "wis-1116-1", token, null));
    assertEquals("api-course", lesson.getString("contextId"));
    assertEquals("wis-1116-1", lesson.getString("externalId"));
    assertEquals("2026-11-16", lesson.getString("date"));
    assertEquals("09:00", lesson.getString("start"));
    assertEquals("09:50", lesson.getString("end"));
    assertEquals(45, lesson.getInt("scheduledMinutes"));
    assertEquals("2B", lesson.getString("group"));
    JsonArray got = lesson.getJsonArray("marks");
    assertEquals(2, got.size());
    assertEquals("1001", got.getJsonObject(0).getString("student"));
    assertEquals("PRESENT", got.getJsonObject(0).getString("category"));
    assertEquals("1002", got.getJsonObject(1).getString("student"));
    assertEquals("LATE", got.getJsonObject(1).getString("category"));
    assertEquals(12, got.getJsonObject(1).getInt("lateMinutes"));
  }

  @Test
  void concurrentFirstPutsOfOneLessonBothSucceedAndMakeOneLesson() throws Exception {
    String marks =
        "[{\"student\": \"1001\", \"category\": \"PRESENT\"},"
            + " {\"student\": \"1002\", \"category\": \"SICK\"}]";
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        String id = "race-" + round;
        String lesson = MONDAY.replace("16", String.valueOf(10 + round));
        List<HttpResponse<String>> puts =
            together(two, () -> send("PUT", LESSON + id, token, lesson));
        // Whoever inserted answers 201; the other 200 when it found that lesson, or 201 too when
        // both looked before either had committed.
        List<Integer> statuses = puts.stream().map(HttpResponse::statusCode).toList();
        assertTrue(
            statuses.contains(201) && List.of(200, 201).containsAll(statuses),
            "round " + round + ": " + puts.get(0).body() + " " + puts.get(1).body());
        assertEquals(
            1,
            tool.count("SELECT COUNT(*) FROM lesson WHERE external_id = ?", id),
            "round " + round);

        List<HttpResponse<String>> markPuts =
            together(two, () -> send("PUT", LESSON + id + "/marks", token, marks));
        for (HttpResponse<String> r : markPuts) {
          assertEquals(200, r.statusCode(), "round " + round + ": " + r.body());
        }
        assertEquals(2, marksOf(id), "round " + round);
        assertEquals(
            0,
            tool.count(
                "SELECT COUNT(*) FROM mark_change c JOIN mark m ON c.mark_id = m.id"
                    + " JOIN lesson l ON m.lesson_id = l.id WHERE l.external_id = ?",
                id),
            "a new mark has no history row, and the second PUT changed nothing");
        assertEquals(
            2,
            tool.count(
                "SELECT COUNT(*) FROM presence_day d JOIN lesson l ON d.course_id = l.course_id"
                    + " AND d.day = l.lesson_date WHERE l.external_id = ? AND d.lessons = 1",
                id),
            "each student's day counts the lesson once");
      }
    } finally {
      two.shutdownNow();
    }
  }

  /** Runs the same request on two threads released at the same moment. */
  private static List<HttpResponse<String>> together(
      ExecutorService two, Callable<HttpResponse<String>> request) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    Callable<HttpResponse<String>> atOnce =
        () -> {
          start.await();
          return request.call();
        };
    Future<HttpResponse<String>> a = two.submit(atOnce);
    Future<HttpResponse<String>> b = two.submit(atOnce);
    return List.of(a.get(), b.get());
  }

  @Test
  void aChangedMarkIsUpdatedWithHistory() {
    send("PUT", LESSON + "wis-1117-1", token, MONDAY.replace("16", "17"));
    send(
        "PUT",
        LESSON + "wis-1117-1/marks",
        token,
        "[{\"student\": \"1001\", \"category\": \"PRESENT\"}]");
    long history = tool.count("SELECT COUNT(*) FROM mark_change");
    HttpResponse<String> r =
        send(
            "PUT",
            LESSON + "wis-1117-1/marks",
            token,
            "[{\"student\": \"1001\", \"category\": \"SICK\"}]");
    assertEquals(200, r.statusCode());
    assertEquals("SICK", object(r).getJsonArray("marks").getJsonObject(0).getString("category"));
    assertEquals(history + 1, tool.count("SELECT COUNT(*) FROM mark_change"));
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM mark_change WHERE old_category = 'PRESENT'"
                + " AND old_via = 'API' AND old_at IS NOT NULL"
                + " AND new_category = 'SICK' AND changed_via = 'API'"));
  }

  @Test
  void aLessonCannotMoveToAnotherDate() {
    assertEquals(201, send("PUT", LESSON + "moving", token, MONDAY).statusCode());
    assertProblem(
        send("PUT", LESSON + "moving", token, MONDAY.replace("2026-11-16", "2026-11-18")),
        409,
        "Les 'moving' staat al op 2026-11-16. Een les kan niet naar een andere datum;"
            + " gebruik een nieuw externalId.");
  }

  @Test
  void marksForAnUnknownLessonAre404() {
    assertProblem(
        send("PUT", LESSON + "nobody-made-this/marks", token, "[]"),
        404,
        "Geen les met externalId 'nobody-made-this' in deze cursus."
            + " Maak de les eerst met PUT op de les.");
  }

  @Test
  void aBodyOverOneMebibyteIs413AndStoresNothing() {
    String big = "[" + "{\"student\": \"1001\", \"category\": \"PRESENT\"},".repeat(30_000) + "]";
    assertTrue(big.length() > LessonApi.MAX_BODY_BYTES);
    assertProblem(
        send("PUT", LESSON + "too-big", token, big),
        413,
        "Het verzoek is groter dan 1.048.576 bytes. Er is niets opgeslagen.");
    assertEquals(0, tool.count("SELECT COUNT(*) FROM lesson WHERE external_id = 'too-big'"));
  }

  @Test
  void aBodyOfSeveralMebibytesStillGetsItsAnswerAndTheConnectionStaysUsable() {
    // Refused unread, the rest of this body would still be on its way when the server closes: the
    // client would see a reset connection instead of the 413.
    String huge = "[" + "{\"student\": \"1001\", \"category\": \"PRESENT\"},".repeat(150_000) + "]";
    assertTrue(huge.length() > 6 * LessonApi.MAX_BODY_BYTES);
    assertTrue(huge.length() < RequestBodyDrain.MAX_BYTES);
    for (int i = 0; i < 3; i++) {
      assertProblem(
          send("PUT", LESSON + "far-too-big", token, huge),
          413,
          "Het verzoek is groter dan 1.048.576 bytes. Er is niets opgeslagen.");
    }
    assertEquals(0, tool.count("SELECT COUNT(*) FROM lesson WHERE external_id = 'far-too-big'"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0000-01-01", "-0001-01-01", "+10000-01-01", "1899-12-31", "2201-01-01"})
  void aDateNoSchoolUsesIs422AndStoresNothing(String date) {
    String id = "date-" + date.replaceAll("\\W", "");
    HttpResponse<String> r =
        send(
            "PUT",
            LESSON + id,
            token,
            "{\"date\": \"" + date + "\", \"start\": \"09:00\", \"end\": \"09:50\"}");
    assertProblem(r, 422, "Er is niets opgeslagen: 1 fout(en) in de gegevens, zie errors.");
    JsonArray errors = object(r).getJsonArray("errors");
    assertEquals("/date", errors.getJsonObject(0).getString("pointer"));
    assertEquals(
        "Moet een datum zijn van 1900-01-01 tot en met 2200-12-31.",
        errors.getJsonObject(0).getString("message"));
    assertEquals(0, tool.count("SELECT COUNT(*) FROM lesson WHERE external_id = ?", id));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1900-01-01", "2200-12-31"})
  void theFirstAndLastDatesAreStoredAsGiven(String date) {
    String id = "edge-" + date;
    String json = "{\"date\": \"" + date + "\", \"start\": \"09:00\", \"end\": \"09:50\"}";
    assertEquals(201, send("PUT", LESSON + id, token, json).statusCode());
    HttpResponse<String> got = send("GET", LESSON + id, token, null);
    assertEquals(date, object(got).getString("date"), got.body());
  }

  @Test
  void deeplyNestedJsonIs400AndStoresNothing() {
    assertEquals(201, send("PUT", LESSON + "nested", token, MONDAY).statusCode());
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertProblem(
        send("PUT", LESSON + "nested/marks", token, deep),
        400,
        "De JSON is dieper genest dan 16 lagen. Er is niets opgeslagen.");
    String deepObject =
        "{\"date\": \"2026-11-16\", \"x\": " + "{\"a\": ".repeat(2_000) + "1" + "}".repeat(2_001);
    assertProblem(
        send("PUT", LESSON + "nested-2", token, deepObject),
        400,
        "De JSON is dieper genest dan 16 lagen. Er is niets opgeslagen.");
    assertEquals(0, tool.count("SELECT COUNT(*) FROM lesson WHERE external_id = 'nested-2'"));
    // Brackets inside strings are text, not nesting.
    String marks =
        "[{\"student\": \"1001\", \"category\": \"PRESENT\", \"x\": \"" + "[".repeat(50) + "\"}]";
    assertEquals(200, send("PUT", LESSON + "nested/marks", token, marks).statusCode());
  }

  @Test
  void aBodyThatIsNotJsonIs400() {
    assertProblem(
        send("PUT", LESSON + "broken", token, "{\"date\": "),
        400,
        "De inhoud van het verzoek is geen geldige JSON. Er is niets opgeslagen.");
  }

  @Test
  void problemsAreInEnglishWhenAsked() throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(tool.baseUrl() + LESSON + "x"))
                .header("Accept-Language", "en")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(r, 401, "Send an API token as Authorization: Bearer <token>.");
  }

  @Test
  void anUnknownApiPathIsAProblemToo() {
    HttpResponse<String> r = send("GET", "/api/v1/nothing-here", token, null);
    assertProblem(r, 404, "Dit adres bestaat niet in de API.");
    assertEquals("about:blank", object(r).getString("type"));
    HttpResponse<String> wrongType = send("DELETE", LESSON + "x", token, null);
    assertProblem(wrongType, 405, "Deze methode is hier niet toegestaan.");
  }

  @Test
  void severalPlatformsWithTheSameContextIdNeedThePlatformParameter() {
    TestPlatform second = TestPlatform.start().connectTo(tool);
    try {
      long institution =
          tool.count("SELECT institution_id FROM platform WHERE issuer = ?", platform.issuer());
      new Platforms(tool.db(), Clock.systemUTC())
          .register(second.settings(), Optional.of(institution), false);
      join(platform, "shared-course", "1001", "Fenna", "Kok");
      join(second, "shared-course", "1001", "Fenna", "Kok");
      String shared = "/api/v1/courses/shared-course/lessons/amb";
      HttpResponse<String> ambiguous = send("PUT", shared, token, MONDAY);
      assertEquals(400, ambiguous.statusCode());
      assertEquals("/api/problems/ambiguous-course", object(ambiguous).getString("type"));
      assertTrue(object(ambiguous).getString("detail").contains(second.issuer()));
      assertEquals(
          201, send("PUT", shared + "?platform=" + second.issuer(), token, MONDAY).statusCode());
    } finally {
      second.close();
    }
  }
}
