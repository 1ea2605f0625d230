package nl.samenaanwezig.lti.ags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenaanwezig.lti.LtiClaims;
import nl.samenaanwezig.lti.Platform;
import nl.samenaanwezig.lti.Platforms;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.ToolKeys;
import nl.samenaanwezig.lti.ags.MeetingGrades.Outcome;
import nl.samenaanwezig.lti.services.ServiceClient;
import nl.samenaanwezig.lti.services.ServiceHttp;
import nl.samenaanwezig.lti.services.ServiceTokens;
import nl.samenaanwezig.testing.AgsEndpoints;
import nl.samenaanwezig.testing.AgsEndpoints.Fault;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.LaunchBuilder;
import nl.samenaanwezig.testing.PlatformServices;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "MOL-gesprek gevoerd" in the platform's gradebook: the institution option (off by default, set on
 * the admin page), the course's grade service from the launch's AGS claim, and what reaches the
 * Moodle-like platform over real HTTP. Each test has its own platform, hence its own institution.
 */
class MeetingGradesTest {
  static ToolServer tool;
  TestPlatform platform;
  PlatformServices services;
  AgsEndpoints ags;
  MeetingGrades grades;
  AgsClient client;

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
    ServiceHttp http = new ServiceHttp(Duration.ofSeconds(5));
    client =
        new AgsClient(
            new ServiceClient(
                new ServiceTokens(new ToolKeys(tool.db()), http, Clock.systemUTC()), http),
            AgsClient.Limits.DEFAULT);
    grades = new MeetingGrades(tool.db(), client, Clock.systemUTC());
  }

  @AfterEach
  void stopPlatform() {
    platform.close();
  }

  private void launched(LaunchBuilder launch) {
    HttpResponse<String> answer = launch.run(new Browser());
    assertEquals(303, answer.statusCode(), answer.body());
  }

  private LaunchBuilder withGrades(LaunchBuilder launch, List<String> scopes) {
    return launch.claim(LtiClaims.AGS, ags.claim(scopes));
  }

  private long courseId() {
    return tool.count(
        "SELECT c.id FROM course c JOIN platform p ON c.platform_id = p.id WHERE p.issuer = ?",
        platform.issuer());
  }

  private long personId(String subject) {
    return tool.count(
        "SELECT pe.id FROM person pe JOIN platform p ON pe.platform_id = p.id"
            + " WHERE p.issuer = ? AND pe.subject = ?",
        platform.issuer(),
        subject);
  }

  private long institutionId() {
    return tool.count("SELECT institution_id FROM platform WHERE issuer = ?", platform.issuer());
  }

  /** Fenna Kok (student-1) launched from course-1 with these AGS scopes; the option is on. */
  private long studentWithGrades(List<String> scopes) {
    launched(withGrades(platform.launch(), scopes));
    grades.enable(institutionId(), true);
    return personId("student-1");
  }

  @Test
  void launchKeepsTheLineItemsUrlAndScopesOnTheCourse() {
    launched(withGrades(platform.launch(), AgsEndpoints.SYNC_ONLY_SCOPES));
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM course WHERE id = ? AND lineitems_url = ? AND ags_scopes = ?",
            courseId(),
            ags.lineItemsUrl(),
            String.join(" ", AgsEndpoints.SYNC_ONLY_SCOPES.stream().sorted().toList())));
  }

  @Test
  void heldMeetingIsPostedAsOneAndReadBackFromTheGradebook() {
    long student = studentWithGrades(AgsEndpoints.ALL_SCOPES);
    Outcome outcome = grades.recordHeld(courseId(), student);

    assertEquals(Outcome.Kind.SENT, outcome.kind(), outcome.error());
    assertEquals(Optional.of(URI.create(ags.lineItemUrl(1))), outcome.lineItem());
    Map<String, Object> item = ags.items().get(1);
    assertEquals("MOL-gesprek gevoerd", item.get("label"));
    assertEquals("samen-aanwezig-mol", item.get("resourceId"));
    assertEquals("mol-gesprek", item.get("tag"));
    assertEquals(1.0, item.get("scoreMaximum"));
    GradeService service =
        new GradeService(
            registration(), URI.create(ags.lineItemsUrl()), Set.copyOf(AgsEndpoints.ALL_SCOPES));
    List<Result> results =
        client.results(service, outcome.lineItem().get(), Optional.of("student-1"));
    assertEquals(1, results.size());
    assertEquals(1.0, results.get(0).resultScore());
    assertEquals(1.0, results.get(0).resultMaximum());
    assertEquals(List.of(), ags.refusals());
  }

  private Platform registration() {
    return new Platforms(tool.db(), Clock.systemUTC())
        .find(platform.issuer(), platform.clientId())
        .orElseThrow();
  }

  @Test
  void secondStudentsMeetingUsesTheSameLineItem() {
    long fenna = studentWithGrades(AgsEndpoints.ALL_SCOPES);
    launched(
        withGrades(
            platform
                .launch()
                .person("student-2", "Daan", "Jansen", List.of(Role.Lis.LEARNER.uri())),
            AgsEndpoints.ALL_SCOPES));
    long daan = personId("student-2");

    assertEquals(Outcome.Kind.SENT, grades.recordHeld(courseId(), fenna).kind());
    assertEquals(Outcome.Kind.SENT, grades.recordHeld(courseId(), daan).kind());
    assertEquals(1, ags.createRequests());
    assertEquals(1, ags.items().size());
    assertEquals(1.0, ((Number) ags.score(1, "student-1").get("scoreGiven")).doubleValue());
    assertEquals(1.0, ((Number) ags.score(1, "student-2").get("scoreGiven")).doubleValue());
  }

  @Test
  void existingLineItemIsFoundNotCreatedAgain() {
    int existing = ags.lineItem("MOL-gesprek gevoerd", 1, "samen-aanwezig-mol", "mol-gesprek");
    ags.lineItem("Toets", 10, "toets-1", "toets");
    long student = studentWithGrades(AgsEndpoints.ALL_SCOPES);
    Outcome outcome = grades.recordHeld(courseId(), student);
    assertEquals(Optional.of(URI.create(ags.lineItemUrl(existing))), outcome.lineItem());
    assertEquals(0, ags.createRequests());
    assertEquals(1.0, ((Number) ags.score(existing, "student-1").get("scoreGiven")).doubleValue());
  }

  @Test
  void optionOffSendsNothing() {
    launched(withGrades(platform.launch(), AgsEndpoints.ALL_SCOPES));
    Outcome outcome = grades.recordHeld(courseId(), personId("student-1"));
    assertEquals(Outcome.Kind.SKIPPED, outcome.kind());
    assertEquals(Optional.of(Outcome.Skip.OPTION_OFF), outcome.skip());
    assertEquals(0, ags.requests());
    assertEquals(0, services.tokenRequests());
  }

  @Test
  void courseWithoutAgsClaimIsSkipped() {
    launched(platform.launch());
    grades.enable(institutionId(), true);
    Outcome outcome = grades.recordHeld(courseId(), personId("student-1"));
    assertEquals(Optional.of(Outcome.Skip.NO_GRADE_SERVICE), outcome.skip());
    assertEquals(0, ags.requests());
    assertEquals(0, services.tokenRequests());
  }

  @Test
  void withoutTheScoreScopeNothingIsSent() {
    long student = studentWithGrades(List.of(AgsEndpoints.LINEITEM, AgsEndpoints.RESULT_READONLY));
    Outcome outcome = grades.recordHeld(courseId(), student);
    assertEquals(Optional.of(Outcome.Skip.NOT_PERMITTED), outcome.skip());
    assertEquals(0, ags.requests());
  }

  @Test
  void gradeSyncOnlyUsesAnExistingLineItemButCreatesNone() {
    long student = studentWithGrades(AgsEndpoints.SYNC_ONLY_SCOPES);
    Outcome missing = grades.recordHeld(courseId(), student);
    assertEquals(Optional.of(Outcome.Skip.NOT_PERMITTED), missing.skip());
    assertEquals(1, ags.listRequests());
    assertEquals(0, ags.createRequests());

    int existing = ags.lineItem("MOL-gesprek gevoerd", 1, "samen-aanwezig-mol", "mol-gesprek");
    Outcome sent = grades.recordHeld(courseId(), student);
    assertEquals(Outcome.Kind.SENT, sent.kind(), sent.error());
    assertEquals(1.0, ((Number) ags.score(existing, "student-1").get("scoreGiven")).doubleValue());
  }

  @Test
  void mentorIsNotGraded() {
    launched(withGrades(platform.launch().asMentor(), AgsEndpoints.ALL_SCOPES));
    grades.enable(institutionId(), true);
    Outcome outcome = grades.recordHeld(courseId(), personId("mentor-1"));
    assertEquals(Optional.of(Outcome.Skip.NOT_A_STUDENT), outcome.skip());
    assertEquals(0, ags.requests());
  }

  @Test
  void platformErrorIsReportedAsFailedNotThrown() {
    long student = studentWithGrades(AgsEndpoints.ALL_SCOPES);
    ags.fault(Fault.SERVER_ERROR);
    Outcome outcome = grades.recordHeld(courseId(), student);
    assertEquals(Outcome.Kind.FAILED, outcome.kind());
    assertEquals(
        "SERVER_ERROR: 500 from "
            + ags.lineItemsUrl()
            + "&resource_id=samen-aanwezig-mol"
            + "&tag=mol-gesprek",
        outcome.error());
    assertEquals(0, ags.items().size());
  }

  @Test
  void refusedScoreIsReportedAsFailed() {
    long student = studentWithGrades(AgsEndpoints.ALL_SCOPES);
    MeetingGrades earlier =
        new MeetingGrades(
            tool.db(), client, Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC));
    assertEquals(Outcome.Kind.SENT, earlier.recordHeld(courseId(), student).kind());
    // Moodle refuses a score that is not newer (to the second) than the one it has: 409.
    Outcome again = earlier.recordHeld(courseId(), student);
    assertEquals(Outcome.Kind.FAILED, again.kind());
    assertTrue(again.error().startsWith("REJECTED: 409 from "), again.error());
  }

  // ---- the option on the admin page ----

  private Browser admin() {
    Browser browser = new Browser();
    HttpResponse<String> page =
        browser.follow(platform.launch().asAdmin().without(LtiClaims.CONTEXT).run(browser));
    assertEquals("/admin", page.uri().getPath(), page.body());
    return browser;
  }

  private static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
    assertTrue(m.find(), "page has a CSRF field");
    return m.group(1);
  }

  private static boolean boxChecked(String html) {
    Matcher m = Pattern.compile("<input[^>]*id=\"meeting-grades\"[^>]*>").matcher(html);
    assertTrue(m.find(), "admin page has the gradebook checkbox");
    return m.group().contains("checked");
  }

  private String url(String path) {
    return tool.baseUrl() + path;
  }

  @Test
  void administratorSwitchesTheOptionOnAndOff() {
    Browser browser = admin();
    String html = browser.get(url("/admin")).body();
    assertTrue(html.contains("MOL-gesprek gevoerd naar het cijferboek"), html);
    assertFalse(boxChecked(html), "off by default");

    HttpResponse<String> on =
        browser.postForm(url("/admin/grades"), Map.of("csrf", csrf(html), "meetingGrades", "on"));
    assertEquals(303, on.statusCode(), on.body());
    String after = browser.follow(on).body();
    assertTrue(after.contains("De instelling voor het cijferboek is opgeslagen."), after);
    assertTrue(boxChecked(after));
    assertTrue(grades.enabled(institutionId()));

    launched(withGrades(platform.launch(), AgsEndpoints.ALL_SCOPES));
    assertEquals(Outcome.Kind.SENT, grades.recordHeld(courseId(), personId("student-1")).kind());

    HttpResponse<String> off = browser.postForm(url("/admin/grades"), Map.of("csrf", csrf(after)));
    assertEquals(303, off.statusCode());
    assertFalse(boxChecked(browser.follow(off).body()));
    assertFalse(grades.enabled(institutionId()));
  }

  @Test
  void switchingTheOptionNeedsTheCsrfToken() {
    Browser browser = admin();
    HttpResponse<String> refused =
        browser.postForm(url("/admin/grades"), Map.of("meetingGrades", "on"));
    assertEquals(403, refused.statusCode());
    assertTrue(refused.body().contains("Dit formulier is verlopen."), refused.body());
    assertEquals(
        0,
        tool.count(
            "SELECT COUNT(*) FROM institution_setting WHERE institution_id = ?", institutionId()));
  }

  @Test
  void nonAdministratorCannotSwitchTheOption() {
    Browser browser = new Browser();
    HttpResponse<String> page = browser.follow(platform.launch().asMentor().run(browser));
    HttpResponse<String> refused =
        browser.postForm(
            url("/admin/grades"), Map.of("csrf", csrf(page.body()), "meetingGrades", "on"));
    assertEquals(404, refused.statusCode());
    assertFalse(grades.enabled(institutionId()));
  }

  @Test
  void unexpectedValueIsRefusedAndNothingStored() {
    Browser browser = admin();
    String html = browser.get(url("/admin")).body();
    HttpResponse<String> refused =
        browser.postForm(
            url("/admin/grades"), Map.of("csrf", csrf(html), "meetingGrades", "altijd"));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("Kies aan of uit voor het cijferboek."), refused.body());
    assertEquals(
        0,
        tool.count(
            "SELECT COUNT(*) FROM institution_setting WHERE institution_id = ?", institutionId()));
  }
}
