package nl.samenaanwezig.lti.ags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.samenaanwezig.lti.Platform;
import nl.samenaanwezig.lti.Platforms;
import nl.samenaanwezig.lti.ToolKeys;
import nl.samenaanwezig.lti.services.ServiceClient;
import nl.samenaanwezig.lti.services.ServiceHttp;
import nl.samenaanwezig.lti.services.ServiceTokens;
import nl.samenaanwezig.lti.services.ServiceUnavailableException;
import nl.samenaanwezig.testing.AgsEndpoints;
import nl.samenaanwezig.testing.AgsEndpoints.Fault;
import nl.samenaanwezig.testing.PlatformServices;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AGS client over real HTTP against a Moodle-like platform: the token endpoint verifies the
 * tool's client assertion and answers as text/html like Moodle 4.5's token.php, the line item
 * endpoints check media types, scopes and Moodle's {@code ?type_id=} query. The tool's own key
 * (same database) signs.
 */
class AgsClientTest {
  static ToolServer tool;
  TestPlatform platform;
  PlatformServices services;
  AgsEndpoints ags;
  AgsClient client;
  Platform registration;

  @BeforeAll
  static void startTool() {
    tool = ToolServer.start();
  }

  @AfterAll
  static void stopTool() {
    tool.close();
  }

  @BeforeEach
  void startPlatform() {
    platform = TestPlatform.start().registerWith(tool);
    services = PlatformServices.attach(platform);
    ags = AgsEndpoints.attach(platform, services, "course-1");
    registration =
        new Platforms(tool.db(), Clock.systemUTC())
            .find(platform.issuer(), platform.clientId())
            .orElseThrow();
    ServiceHttp http = new ServiceHttp(Duration.ofSeconds(5));
    client =
        new AgsClient(
            new ServiceClient(
                new ServiceTokens(new ToolKeys(tool.db()), http, Clock.systemUTC()), http),
            AgsClient.Limits.DEFAULT);
  }

  @AfterEach
  void stopPlatform() {
    platform.close();
  }

  private GradeService service(List<String> scopes) {
    return new GradeService(registration, URI.create(ags.lineItemsUrl()), Set.copyOf(scopes));
  }

  @Test
  void listsLineItemsAcrossPagesFollowingNextLinks() {
    for (int i = 1; i <= 5; i++) {
      ags.lineItem("Toets " + i, 10, "toets-" + i, "toets");
    }
    ags.pageSize(2);
    List<LineItem> items = client.lineItems(service(AgsEndpoints.ALL_SCOPES), AgsClient.Filter.ALL);
    assertEquals(
        List.of("Toets 1", "Toets 2", "Toets 3", "Toets 4", "Toets 5"),
        items.stream().map(LineItem::label).toList());
    assertEquals(3, ags.listRequests());
    assertEquals(URI.create(ags.lineItemUrl(5)), items.get(4).id());
    assertEquals(10.0, items.get(4).scoreMaximum());
    assertEquals("toets-5", items.get(4).resourceId());
    assertEquals(List.of(), ags.refusals());
  }

  @Test
  void findsLineItemsByResourceIdAndByTagWithTheSpecsQueryParameters() {
    ags.lineItem("Toets", 10, "toets-1", "toets");
    ags.lineItem("MOL-gesprek gevoerd", 1, "samen-aanwezig-mol", "mol-gesprek");
    ags.lineItem("Herkansing", 10, "toets-2", "herkansing");
    GradeService service = service(AgsEndpoints.SYNC_ONLY_SCOPES);

    LineItem byResource = client.find(service, "samen-aanwezig-mol", null).orElseThrow();
    assertEquals("MOL-gesprek gevoerd", byResource.label());
    assertEquals(URI.create(ags.lineItemUrl(2)), byResource.id());
    LineItem byTag = client.find(service, null, "herkansing").orElseThrow();
    assertEquals("Herkansing", byTag.label());
    assertEquals(Optional.empty(), client.find(service, "toets-1", "herkansing"));

    List<String> queries = ags.listQueries().stream().map(URI::getRawQuery).toList();
    assertEquals(
        List.of(
            "type_id=1&resource_id=samen-aanwezig-mol",
            "type_id=1&tag=herkansing",
            "type_id=1&resource_id=toets-1&tag=herkansing"),
        queries);
  }

  @Test
  void createsALineItemWithTheLineItemMediaType() {
    LineItem created =
        client.create(
            service(AgsEndpoints.ALL_SCOPES),
            new LineItem.Draft(
                "MOL-gesprek gevoerd", 1, "samen-aanwezig-mol", "mol-gesprek", null));
    assertEquals(URI.create(ags.lineItemUrl(1)), created.id());
    assertEquals("MOL-gesprek gevoerd", created.label());
    Map<String, Object> stored = ags.items().get(1);
    assertEquals("MOL-gesprek gevoerd", stored.get("label"));
    assertEquals(1.0, stored.get("scoreMaximum"));
    assertEquals("samen-aanwezig-mol", stored.get("resourceId"));
    assertEquals("mol-gesprek", stored.get("tag"));
    assertEquals(List.of(), ags.refusals());
  }

  @Test
  void postedScoreIsReadBackFromTheResults() {
    GradeService service = service(AgsEndpoints.ALL_SCOPES);
    LineItem item =
        client.create(service, new LineItem.Draft("Opdracht", 10, "opdracht-1", null, null));
    client.score(
        service,
        item.id(),
        Score.completed("s-sanne", 7.5, 10, Instant.parse("2026-11-22T09:15:30.123Z"), "Netjes"));

    Map<String, Object> posted = ags.score(1, "s-sanne");
    assertEquals("2026-11-22T09:15:30.123+00:00", posted.get("timestamp"));
    assertEquals("Completed", posted.get("activityProgress"));
    assertEquals("FullyGraded", posted.get("gradingProgress"));
    assertEquals(7.5, ((Number) posted.get("scoreGiven")).doubleValue());
    assertEquals(10.0, ((Number) posted.get("scoreMaximum")).doubleValue());

    List<Result> results = client.results(service, item.id(), Optional.of("s-sanne"));
    assertEquals(1, results.size());
    Result result = results.get(0);
    assertEquals("s-sanne", result.userId());
    assertEquals(7.5, result.resultScore());
    assertEquals(10.0, result.resultMaximum());
    assertEquals("Netjes", result.comment());
    assertEquals(ags.lineItemUrl(1), result.scoreOf());
    assertEquals(List.of(), ags.refusals());
  }

  @Test
  void answersAsTextHtmlWithAByteOrderMarkAreRead() {
    ags.sloppy(true);
    ags.lineItem("Toets", 10, "toets-1", "toets");
    GradeService service = service(AgsEndpoints.ALL_SCOPES);

    assertEquals(
        List.of("Toets"),
        client.lineItems(service, AgsClient.Filter.ALL).stream().map(LineItem::label).toList());
    LineItem created =
        client.create(service, new LineItem.Draft("Opdracht", 10, "opdracht-1", null, null));
    assertEquals(URI.create(ags.lineItemUrl(2)), created.id());
    client.score(
        service,
        created.id(),
        Score.completed("s-sanne", 6, 10, Instant.parse("2026-11-22T09:00:00Z"), null));
    assertEquals(
        List.of(6.0),
        client.results(service, created.id(), Optional.empty()).stream()
            .map(Result::resultScore)
            .toList());
    assertEquals(List.of(), ags.refusals());
    assertEquals(List.of(), services.rejections());
  }

  @Test
  void resultsWithoutUserIdListEveryScoredUser() {
    GradeService service = service(AgsEndpoints.ALL_SCOPES);
    URI item = URI.create(ags.lineItemUrl(ags.lineItem("Opdracht", 1, null, null)));
    Instant at = Instant.parse("2026-11-22T09:00:00Z");
    client.score(service, item, Score.completed("s-sanne", 1, 1, at, null));
    client.score(service, item, Score.completed("s-daan", 0, 1, at, null));
    assertEquals(
        List.of("s-sanne", "s-daan"),
        client.results(service, item, Optional.empty()).stream().map(Result::userId).toList());
  }

  @Test
  void scoresGoIntoThePathBeforeTheLineItemsQueryString() {
    GradeService service = service(AgsEndpoints.ALL_SCOPES);
    URI item = URI.create(ags.lineItemUrl(ags.lineItem("Opdracht", 1, null, null)));
    assertEquals("type_id=1", item.getRawQuery());
    assertEquals(
        URI.create(
            platform.issuer()
                + "/mod/lti/services.php/course-1/lineitems/1/lineitem/scores"
                + "?type_id=1"),
        AgsClient.beside(service, item, "scores"));
    client.score(
        service,
        item,
        Score.completed("s-sanne", 1, 1, Instant.parse("2026-11-22T09:00:00Z"), null));
    assertEquals(1, ags.scoreRequests());
    assertEquals(1.0, ((Number) ags.score(1, "s-sanne").get("scoreGiven")).doubleValue());
    assertEquals(List.of(), ags.refusals());
  }

  @Test
  void retriesOnceWithAFreshTokenAfterA401() {
    GradeService service = service(AgsEndpoints.ALL_SCOPES);
    URI item = URI.create(ags.lineItemUrl(ags.lineItem("Opdracht", 1, null, null)));
    Instant at = Instant.parse("2026-11-22T09:00:00Z");
    client.score(service, item, Score.completed("s-sanne", 0, 1, at, null));
    assertEquals(1, services.tokenRequests());
    ags.fault(Fault.UNAUTHORIZED_ONCE);
    client.score(service, item, Score.completed("s-sanne", 1, 1, at.plusSeconds(60), null));
    assertEquals(2, services.tokenRequests());
    assertEquals(3, ags.requests(), "first score, the refused one, its retry");
    assertEquals(1.0, ((Number) ags.score(1, "s-sanne").get("scoreGiven")).doubleValue());
  }

  @Test
  void platformServerErrorFailsTheCallWithItsStatus() {
    ags.fault(Fault.SERVER_ERROR);
    ServiceUnavailableException e =
        assertThrows(
            ServiceUnavailableException.class,
            () -> client.lineItems(service(AgsEndpoints.ALL_SCOPES), AgsClient.Filter.ALL));
    assertEquals(ServiceUnavailableException.Reason.SERVER_ERROR, e.reason());
    assertEquals(500, e.status());
  }

  @Test
  void callsTheLaunchDidNotPermitAreNotAttempted() {
    GradeService service = service(AgsEndpoints.SYNC_ONLY_SCOPES);
    ServiceUnavailableException e =
        assertThrows(
            ServiceUnavailableException.class,
            () -> client.create(service, new LineItem.Draft("X", 1, null, null, null)));
    assertEquals(ServiceUnavailableException.Reason.NOT_PERMITTED, e.reason());
    assertTrue(e.getMessage().endsWith("scope " + AgsEndpoints.LINEITEM), e.getMessage());
    assertEquals(0, ags.requests());
    assertEquals(0, services.tokenRequests());
  }

  @Test
  void lineItemOnAnotherOriginGetsNoToken() {
    GradeService service = service(AgsEndpoints.ALL_SCOPES);
    URI elsewhere =
        URI.create("http://127.0.0.2:1/mod/lti/services.php/course-1/lineitems/1/lineitem");
    ServiceUnavailableException e =
        assertThrows(
            ServiceUnavailableException.class,
            () ->
                client.score(
                    service, elsewhere, Score.completed("s-sanne", 1, 1, Instant.now(), null)));
    assertEquals(ServiceUnavailableException.Reason.MALFORMED, e.reason());
    assertEquals(0, services.tokenRequests());
  }
}
