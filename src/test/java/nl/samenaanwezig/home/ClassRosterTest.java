package nl.samenaanwezig.home;

import static nl.samenaanwezig.testing.ClassPages.RUNNING;
import static nl.samenaanwezig.testing.ClassPages.courseId;
import static nl.samenaanwezig.testing.ClassPages.settled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenaanwezig.lti.LtiClaims;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.nrps.RosterState;
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

/**
 * The roster on the mentor's class page against a Moodle 4.5-like platform (token answers as
 * text/html): the first launch shows every participant on its first page or after its one reload,
 * and a platform that keeps the roster waiting never holds the page: it shows the last good roster
 * and its age while the read is still pending.
 */
class ClassRosterTest {
  static final String LEARNER = Role.Lis.LEARNER.uri();
  static final Pattern RELOAD = Pattern.compile("data-reload-once=\"([^\"]+)\"");

  static ToolServer tool;
  TestPlatform platform;
  PlatformServices services;

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
    services = PlatformServices.attach(platform).withLaunchMentor();
  }

  @AfterEach
  void stopPlatform() {
    services.releaseAnswers();
    platform.close();
  }

  @Test
  void firstMentorLaunchShowsEveryParticipantWithinOneReload() {
    services.students(25);
    Browser browser = new Browser();
    HttpResponse<String> page = launchAsMentor(browser);
    if (page.body().contains(RUNNING)) {
      String reload = reloadUrl(page);
      awaitSyncAfter(courseId(page), Instant.EPOCH);
      page = browser.get(tool.baseUrl() + reload);
    }
    String body = page.body();
    assertTrue(body.contains("Studenten (25)"), body);
    assertTrue(body.contains("Leerling 0001") && body.contains("Leerling 0025"), body);
    assertFalse(body.contains(RUNNING), body);
    assertFalse(body.contains("data-reload-once"), "no reload once the roster is there");
    assertEquals("[]", services.rejections().toString());
  }

  @Test
  void firstLaunchWhileThePlatformHoldsTheRosterSaysSoAndReloadsOnlyOnce() {
    services.students(5).holdAnswers();
    Browser browser = new Browser();
    HttpResponse<String> page = launchAsMentor(browser);
    long course = courseId(page);

    String body = page.body();
    assertTrue(body.contains(RUNNING), body);
    assertTrue(body.contains("Nog niet bijgewerkt"), body);
    assertTrue(body.contains("De klassenlijst wordt nu opgehaald uit de leeromgeving."), body);
    assertTrue(body.contains(">Nu opnieuw laden</a>"), body);
    assertFalse(body.contains("Leerling 0001"), body);
    assertFalse(body.contains("kon nog niet"), "a read still running is no failure");
    String reload = reloadUrl(page);
    assertEquals("/class/" + course + "?reloaded=1", reload);

    // The reload while the platform still holds the roster: the same news, no second reload.
    HttpResponse<String> reloaded = browser.get(tool.baseUrl() + reload);
    assertTrue(reloaded.body().contains(RUNNING), reloaded.body());
    assertFalse(reloaded.body().contains("data-reload-once"), reloaded.body());

    services.releaseAnswers();
    awaitSyncAfter(course, Instant.EPOCH);
    reloaded = browser.get(tool.baseUrl() + reload);
    assertTrue(reloaded.body().contains("Studenten (5)"), reloaded.body());
    assertFalse(reloaded.body().contains(RUNNING), reloaded.body());
  }

  @Test
  void slowPlatformShowsTheLastGoodRosterAndItsAgeWhileTheReadIsPending() {
    services.students(3);
    Browser browser = new Browser();
    long course = courseId(settled(browser, launchAsMentor(browser)));
    Instant threeHoursAgo = ageRoster(course, Duration.ofHours(3));
    services.member("s-nieuw", "Noor", "Nieuw", LEARNER).holdAnswers();

    HttpResponse<String> page = launchAsMentor(browser);

    String body = page.body();
    assertTrue(body.contains("Studenten (3)"), body);
    assertTrue(body.contains("Leerling 0003"), body);
    assertFalse(body.contains("Noor Nieuw"), body);
    assertTrue(
        body.contains(
            "Je ziet de klassenlijst van 3 uur geleden. De nieuwe lijst wordt nu opgehaald"),
        body);
    assertTrue(body.contains(RUNNING), body);
    String reload = reloadUrl(page);
    // The page was answered while the platform had not yet answered the roster read.
    awaitMembershipRequests(2);
    assertEquals(threeHoursAgo, state(course).lastSuccessAt().orElseThrow());

    services.releaseAnswers();
    awaitSyncAfter(course, threeHoursAgo);
    HttpResponse<String> reloaded = browser.get(tool.baseUrl() + reload);
    assertTrue(reloaded.body().contains("Studenten (4)"), reloaded.body());
    assertTrue(reloaded.body().contains("Noor Nieuw"), reloaded.body());
    assertTrue(reloaded.body().contains("Bijgewerkt om "), reloaded.body());
    assertFalse(reloaded.body().contains("geleden"), reloaded.body());
  }

  @Test
  void failingPlatformShowsTheLastGoodRosterAndItsAge() {
    services.students(3);
    Browser browser = new Browser();
    long course = courseId(settled(browser, launchAsMentor(browser)));
    ageRoster(course, Duration.ofHours(3));
    services.remove("s0001").fault(Fault.SERVER_ERROR);

    HttpResponse<String> page = settled(browser, launchAsMentor(browser));

    String body = page.body();
    assertTrue(body.contains("Studenten (3)") && body.contains("Leerling 0001"), body);
    assertTrue(body.contains("Je ziet de lijst van 3 uur geleden."), body);
    assertFalse(body.contains("data-reload-once"), body);
    assertTrue(state(course).lastError().orElseThrow().startsWith("SERVER_ERROR: "));
  }

  private HttpResponse<String> launchAsMentor(Browser browser) {
    HttpResponse<String> launched =
        platform
            .launch()
            .asMentor()
            .claim(LtiClaims.NRPS, services.nrpsClaim("course-1"))
            .run(browser);
    assertEquals(303, launched.statusCode(), launched.body());
    HttpResponse<String> page = browser.follow(launched);
    assertEquals(200, page.statusCode(), page.body());
    return page;
  }

  private static String reloadUrl(HttpResponse<String> page) {
    Matcher m = RELOAD.matcher(page.body());
    assertTrue(m.find(), "the page offers one reload:\n" + page.body());
    return m.group(1).replace("&amp;", "&");
  }

  /** Moves the last good read back, so the next mentor launch reads again and shows the age. */
  private static Instant ageRoster(long course, Duration age) {
    Instant then = Instant.now().minus(age).truncatedTo(ChronoUnit.SECONDS);
    tool.db()
        .run(
            em ->
                em.createNativeQuery(
                        "UPDATE roster_sync SET last_success_at = ?, last_full_at = ?,"
                            + " last_attempt_at = ? WHERE course_id = ?")
                    .setParameter(1, Timestamp.from(then))
                    .setParameter(2, Timestamp.from(then))
                    .setParameter(3, Timestamp.from(then))
                    .setParameter(4, course)
                    .executeUpdate());
    return then;
  }

  private static RosterState state(long course) {
    return tool.db().read(em -> em.find(RosterState.class, course));
  }

  /** Waits until a read of the course ended after {@code after} (success or failure). */
  private static void awaitSyncAfter(long course, Instant after) {
    poll(
        () -> {
          RosterState s = state(course);
          return s != null && s.lastAttemptAt().filter(a -> a.isAfter(after)).isPresent();
        },
        "a roster read of course " + course);
  }

  private void awaitMembershipRequests(int count) {
    poll(() -> services.membershipRequests() >= count, count + " membership requests");
  }

  private static void poll(java.util.function.BooleanSupplier done, String what) {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(giveUp)) {
        throw new AssertionError("still waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
