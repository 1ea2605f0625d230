package nl.samenaanwezig.lti.nrps;

import static nl.samenaanwezig.testing.ClassPages.courseId;
import static nl.samenaanwezig.testing.ClassPages.csrf;
import static nl.samenaanwezig.testing.ClassPages.refresh;
import static nl.samenaanwezig.testing.ClassPages.settled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import nl.samenaanwezig.lti.LtiClaims;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.PlatformServices;
import nl.samenaanwezig.testing.PlatformServices.Fault;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The course roster over real HTTP: a Moodle-like platform with token and NRPS endpoints, the WAR
 * in Jetty, a mentor's browser. Each test has its own platform (own counters and course).
 */
class RosterSyncTest {
  static final String LEARNER = Role.Lis.LEARNER.uri();
  static final String FAILED_PREFIX =
      "De klassenlijst kon even niet worden opgehaald uit de leeromgeving. Je ziet de lijst van ";
  static final String FAILED_SUFFIX = " geleden. We proberen het straks vanzelf opnieuw.";

  static ToolServer tool;
  TestPlatform platform;
  PlatformServices services;

  @BeforeAll
  static void startTool() {
    // A short service timeout so the slow-platform fault costs seconds, not the default 20.
    tool = ToolServer.start(c -> c.withServices(Duration.ofMinutes(15), Duration.ofSeconds(2)));
  }

  @AfterAll
  static void stopTool() {
    tool.close();
  }

  @BeforeEach
  void startPlatform() {
    platform = TestPlatform.start().registerWith(tool);
    services = PlatformServices.attach(platform).withLaunchMentor();
  }

  @AfterEach
  void stopPlatform() {
    platform.close();
  }

  /** A mentor launch from course-1 that offers NRPS; the class page once its sync is done. */
  private HttpResponse<String> mentorLaunch(Browser browser) {
    HttpResponse<String> launched =
        platform
            .launch()
            .asMentor()
            .claim(LtiClaims.NRPS, services.nrpsClaim("course-1"))
            .run(browser);
    assertEquals(303, launched.statusCode(), launched.body());
    HttpResponse<String> page = settled(browser, browser.follow(launched));
    assertEquals(200, page.statusCode(), page.body());
    return page;
  }

  private long activeStudents(long courseId) {
    return tool.count(
        "SELECT COUNT(*) FROM member WHERE course_id = ? AND active = TRUE AND roles = 'STUDENT'",
        courseId);
  }

  private boolean activeMember(long courseId, String subject) {
    return tool.count(
            "SELECT COUNT(*) FROM member m JOIN person p ON m.person_id = p.id"
                + " WHERE m.course_id = ? AND p.subject = ? AND m.active = TRUE",
            courseId,
            subject)
        == 1;
  }

  private RosterState state(long courseId) {
    return tool.db().read(em -> em.find(RosterState.class, courseId));
  }

  @Test
  void mentorLaunchShowsStudentsWhoNeverOpenedTheTool() {
    services
        .member("s-sanne", "Sanne", "de Vries", LEARNER)
        .member("s-daan", "Daan", "Jansen", LEARNER);
    HttpResponse<String> page = mentorLaunch(new Browser());
    String body = page.body();
    assertTrue(body.contains("Studenten (2)"), body);
    assertTrue(body.contains(">Sanne de Vries<"), body);
    assertTrue(body.contains(">Daan Jansen<"), body);
    // The e-mail may break before its @ on a narrow screen, so it is written in two parts.
    assertTrue(body.contains("<span>s-sanne</span><wbr><span>@school.example</span>"), body);
    assertTrue(body.contains("Bijgewerkt om "), body);
    assertTrue(body.contains(">Vernieuwen</button>"), body);
    long course = courseId(page);
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM member m JOIN person p ON m.person_id = p.id WHERE"
                + " m.course_id = ? AND p.subject = 's-sanne' AND m.roles = 'STUDENT'"
                + " AND m.source = 'ROSTER' AND m.active = TRUE AND p.last_launch_at IS NULL",
            course));
    assertEquals(2, activeStudents(course));
    assertTrue(services.rejections().isEmpty(), services.rejections().toString());
  }

  @Test
  void rosterAnsweredAsTextHtmlWithAByteOrderMarkIsRead() {
    services.students(3).sloppyPages(true);
    HttpResponse<String> page = mentorLaunch(new Browser());
    assertEquals(3, activeStudents(courseId(page)));
    assertTrue(page.body().contains("Leerling 0003"), page.body());
    assertTrue(state(courseId(page)).lastError().isEmpty());
  }

  @Test
  void readsThreePagesOfMoreThanAThousandMembers() {
    services.students(1_050).pageSize(400);
    HttpResponse<String> page = mentorLaunch(new Browser());
    assertEquals(3, services.membershipRequests());
    assertEquals(1_050, activeStudents(courseId(page)));
    assertTrue(page.body().contains("Studenten (1.050)"), "count heading");
    assertTrue(page.body().contains("Leerling 1050"), "last member of the last page");
  }

  @Test
  void secondSyncReadsOnlyTheDifferences() {
    services.students(250).pageSize(100).offerDifferences(true);
    Browser browser = new Browser();
    HttpResponse<String> page = mentorLaunch(browser);
    long course = courseId(page);
    assertEquals(3, services.membershipRequests());
    assertEquals(0, services.differencesRequests());

    services
        .member("s-nieuw", "Noor", "Nieuw", LEARNER)
        .status("s0001", "Deleted")
        .status("s0002", "Inactive");
    page = refresh(tool, browser, page);

    assertEquals(1, services.differencesRequests());
    assertEquals(4, services.membershipRequests());
    assertTrue(activeMember(course, "s-nieuw"));
    assertFalse(activeMember(course, "s0001"));
    assertFalse(activeMember(course, "s0002"));
    assertTrue(activeMember(course, "s0003"), "unchanged members are not in the differences");
    assertEquals(249, activeStudents(course));
    assertTrue(page.body().contains("Noor Nieuw"), page.body());
  }

  @Test
  void fullReadEndsMembershipsTheRosterNoLongerListsButKeepsLaunchOnlyMembers() {
    services.students(3);
    HttpResponse<String> studentPage =
        platform
            .launch()
            .asStudent()
            .claim(LtiClaims.NRPS, services.nrpsClaim("course-1"))
            .run(new Browser());
    assertEquals(303, studentPage.statusCode());
    Browser browser = new Browser();
    HttpResponse<String> page = mentorLaunch(browser);
    long course = courseId(page);
    assertEquals(4, activeStudents(course));

    services.remove("s0002");
    page = refresh(tool, browser, page);

    assertFalse(activeMember(course, "s0002"));
    assertTrue(activeMember(course, "s0001"));
    assertTrue(activeMember(course, "student-1"), "known from a launch only: stays");
    assertTrue(page.body().contains("Studenten (3)"), page.body());
  }

  @ParameterizedTest
  @EnumSource(
      value = Fault.class,
      names = {
        "SLOW",
        "SERVER_ERROR",
        "UNAUTHORIZED",
        "MALFORMED_JSON",
        "HUGE_PAGE",
        "HUGE_PAGE_CHUNKED",
        "DOWN"
      })
  void faultKeepsTheLastGoodRosterAndShowsItsAge(Fault fault) {
    services.students(30);
    Browser browser = new Browser();
    HttpResponse<String> page = mentorLaunch(browser);
    long course = courseId(page);
    assertEquals(30, activeStudents(course));

    services.remove("s0001").fault(fault);
    page = refresh(tool, browser, page);

    assertEquals(200, page.statusCode());
    String body = page.body();
    assertTrue(body.contains("Studenten (30)"), body);
    assertTrue(body.contains("Leerling 0001"), body);
    assertTrue(body.contains("Bijgewerkt om "), body);
    assertTrue(body.contains(FAILED_PREFIX) && body.contains(FAILED_SUFFIX), body);
    assertEquals(30, activeStudents(course));
    RosterState state = state(course);
    assertEquals(1, state.failures());
    String expected =
        switch (fault) {
          case SLOW -> "TIMEOUT";
          case SERVER_ERROR -> "SERVER_ERROR";
          case UNAUTHORIZED -> "UNAUTHORIZED";
          case MALFORMED_JSON -> "MALFORMED";
          case HUGE_PAGE, HUGE_PAGE_CHUNKED -> "TOO_LARGE";
          case DOWN -> "UNREACHABLE";
          default -> throw new IllegalArgumentException(fault.name());
        };
    assertTrue(
        state.lastError().orElseThrow().startsWith(expected + ": "),
        state.lastError().orElseThrow());
  }

  @Test
  void faultOnTheLastPageStoresNothingOfThatRead() {
    services.students(250).pageSize(100);
    Browser browser = new Browser();
    HttpResponse<String> page = mentorLaunch(browser);
    long course = courseId(page);

    services
        .remove("s0001")
        .member("s-nieuw", "Noor", "Nieuw", LEARNER)
        .fault(Fault.SERVER_ERROR, 3);
    page = refresh(tool, browser, page);

    assertEquals(6, services.membershipRequests());
    assertTrue(activeMember(course, "s0001"));
    assertEquals(
        0,
        tool.count(
            "SELECT COUNT(*) FROM person p JOIN course c ON p.platform_id = c.platform_id"
                + " WHERE c.id = ? AND p.subject = 's-nieuw'",
            course));
    assertEquals(250, activeStudents(course));
    assertTrue(page.body().contains(FAILED_PREFIX), page.body());
  }

  @Test
  void failuresBackOffExponentiallyAndSuccessResets() {
    services.students(5).fault(Fault.SERVER_ERROR);
    Browser browser = new Browser();
    HttpResponse<String> page = mentorLaunch(browser);
    long course = courseId(page);
    assertTrue(page.body().contains("Nog niet bijgewerkt"), page.body());
    assertTrue(
        page.body()
            .contains(
                "De klassenlijst kon nog niet worden opgehaald uit de leeromgeving. Studenten"
                    + " verschijnen ook zodra ze Samen Aanwezig openen."),
        page.body());
    assertEquals(Duration.ofMinutes(1), waitAfter(course, 1));

    page = refresh(tool, browser, page);
    assertEquals(Duration.ofMinutes(2), waitAfter(course, 2));
    page = refresh(tool, browser, page);
    assertEquals(Duration.ofMinutes(4), waitAfter(course, 3));

    services.fault(Fault.NONE);
    page = refresh(tool, browser, page);
    RosterState state = state(course);
    assertEquals(0, state.failures());
    assertTrue(state.lastError().isEmpty());
    assertTrue(state.nextAttemptAt().isEmpty());
    assertEquals(5, activeStudents(course));
    assertFalse(page.body().contains("kon nog niet"), page.body());
  }

  private Duration waitAfter(long course, int failures) {
    RosterState state = state(course);
    assertEquals(failures, state.failures());
    return Duration.between(
        state.lastAttemptAt().orElseThrow(), state.nextAttemptAt().orElseThrow());
  }

  @Test
  void mentorLaunchDuringBackoffLeavesThePlatformAlone() {
    services.students(5).fault(Fault.SERVER_ERROR);
    mentorLaunch(new Browser());
    assertEquals(1, services.membershipRequests());
    mentorLaunch(new Browser());
    assertEquals(1, services.membershipRequests());
  }

  @Test
  void freshRosterIsNotReadAgainOnTheNextLaunch() {
    services.students(5);
    mentorLaunch(new Browser());
    mentorLaunch(new Browser());
    assertEquals(1, services.membershipRequests());
  }

  @Test
  void studentLaunchDoesNotReadTheRoster() {
    services.students(5);
    HttpResponse<String> launched =
        platform
            .launch()
            .asStudent()
            .claim(LtiClaims.NRPS, services.nrpsClaim("course-1"))
            .run(new Browser());
    assertEquals(303, launched.statusCode());
    assertEquals(0, services.membershipRequests());
    assertEquals(0, services.tokenRequests());
  }

  @Test
  void refreshWithoutCsrfTokenIsForbidden() {
    services.students(5);
    Browser browser = new Browser();
    HttpResponse<String> page = mentorLaunch(browser);
    HttpResponse<String> posted =
        browser.postForm(tool.baseUrl() + "/class/" + courseId(page) + "/roster/refresh", Map.of());
    assertEquals(403, posted.statusCode());
    assertTrue(
        posted.body().contains("Dit formulier is verlopen. Ga terug, ververs de pagina"),
        posted.body());
    assertEquals(1, services.membershipRequests());
  }

  @Test
  void refreshByAStudentOfTheCourseIsNotFound() {
    services.students(5);
    long course = courseId(mentorLaunch(new Browser()));
    Browser student = new Browser();
    HttpResponse<String> me =
        student.follow(
            platform
                .launch()
                .asStudent()
                .claim(LtiClaims.NRPS, services.nrpsClaim("course-1"))
                .run(student));
    assertEquals("/me", me.uri().getPath());
    HttpResponse<String> posted =
        student.postForm(
            tool.baseUrl() + "/class/" + course + "/roster/refresh", Map.of("csrf", csrf(me)));
    assertEquals(404, posted.statusCode());
    assertTrue(posted.body().contains("Deze pagina bestaat niet"), posted.body());
    assertEquals(1, services.membershipRequests());
  }

  @Test
  void platformWithoutRosterServiceKeepsThePageAsBefore() {
    Browser browser = new Browser();
    HttpResponse<String> page =
        settled(browser, browser.follow(platform.launch().asMentor().run(browser)));
    assertEquals(200, page.statusCode());
    assertFalse(page.body().contains("Vernieuwen"), page.body());
    assertFalse(page.body().contains("bijgewerkt"), page.body());
    HttpResponse<String> posted =
        browser.postForm(
            tool.baseUrl() + "/class/" + courseId(page) + "/roster/refresh",
            Map.of("csrf", csrf(page)));
    assertEquals(303, posted.statusCode());
    assertEquals(0, services.tokenRequests());
    assertEquals(0, services.membershipRequests());
    assertEquals(
        0, tool.count("SELECT COUNT(*) FROM roster_sync WHERE course_id = ?", courseId(page)));
  }
}
