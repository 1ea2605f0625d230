package nl.samenaanwezig.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.samenaanwezig.config.AppConfig;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.protocol.Rule;
import nl.samenaanwezig.protocol.Signal;
import nl.samenaanwezig.protocol.Signals;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.Test;

/** Demo mode: real signed launches from the built-in platform, and never by accident. */
class DemoModeTest {

  @Test
  void mentorButtonGoesThroughRealLoginAndLaunchToTheSeededClass() {
    try (ToolServer tool = ToolServer.start(true)) {
      Browser browser = new Browser();
      HttpResponse<String> index = browser.get(tool.baseUrl() + "/demo");
      assertEquals(200, index.statusCode());
      assertTrue(index.body().contains("DEMO"));
      HttpResponse<String> loginForm = browser.get(tool.baseUrl() + "/demo/start?as=mentor");
      assertTrue(loginForm.body().contains("action=\"/lti/login\""));
      HttpResponse<String> toAuth = browser.submitAutoPost(loginForm);
      assertEquals(302, toAuth.statusCode());
      assertTrue(toAuth.headers().firstValue("Location").orElseThrow().contains("/demo/auth?"));
      HttpResponse<String> launchForm = browser.get(toAuth.headers().firstValue("Location").get());
      HttpResponse<String> launched = browser.submitAutoPost(launchForm);
      assertEquals(303, launched.statusCode());
      HttpResponse<String> page = browser.follow(launched);
      assertTrue(page.uri().getPath().startsWith("/class/"));
      assertTrue(page.body().contains("Sanne de Vries"));
      assertTrue(page.body().contains("Studenten (25)"), page.body());
      assertTrue(page.body().contains("Esra Demir"));
    }
  }

  @Test
  void studentButtonOpensThatStudentsOwnPage() {
    try (ToolServer tool = ToolServer.start(true)) {
      Browser browser = new Browser();
      browser.get(tool.baseUrl() + "/demo");
      HttpResponse<String> form =
          browser.get(tool.baseUrl() + "/demo/start?as=student&student=demo-student-04");
      HttpResponse<String> toAuth = browser.submitAutoPost(form);
      HttpResponse<String> launched =
          browser.submitAutoPost(browser.get(toAuth.headers().firstValue("Location").get()));
      HttpResponse<String> page = browser.follow(launched);
      assertEquals("/me", page.uri().getPath());
      assertTrue(page.body().contains("Mehmet"), page.body());
    }
  }

  @Test
  void demoIsAbsentUnlessSwitchedOn() {
    try (ToolServer tool = ToolServer.start(false)) {
      Browser browser = new Browser();
      assertEquals(404, browser.get(tool.baseUrl() + "/demo").statusCode());
      assertEquals(404, browser.get(tool.baseUrl() + "/demo/jwks.json").statusCode());
      assertEquals(0, tool.count("SELECT COUNT(*) FROM platform"));
      assertFalse(browser.get(tool.baseUrl() + "/start").body().contains("DEMO"));
    }
  }

  @Test
  void demoAnswersOnlyForLocalhostNames() {
    try (ToolServer tool = ToolServer.start(true)) {
      // Same loopback socket, but a Host header that a production name would carry.
      HttpResponse<String> page =
          new Browser()
              .get(tool.baseUrl() + "/demo", java.util.Map.of("Host", "aanwezig.school.nl"));
      assertEquals(404, page.statusCode());
    }
  }

  @Test
  void demoIsRefusedOnAnyDatabaseButEmbeddedDerby() {
    AppConfig postgres =
        new AppConfig(
            "jdbc:postgresql://db/samen", "u", "p", Optional.empty(), true, Duration.ofHours(1));
    AppConfig derbyServer =
        new AppConfig(
            "jdbc:derby://db:1527/samen", "u", "p", Optional.empty(), true, Duration.ofHours(1));
    AppConfig embedded =
        new AppConfig(
            "jdbc:derby:memory:x;create=true", "", "", Optional.empty(), true, Duration.ofHours(1));
    assertFalse(DemoPlatform.allowed(postgres));
    assertFalse(DemoPlatform.allowed(derbyServer));
    assertTrue(DemoPlatform.allowed(embedded));
  }

  @Test
  void demoClassGetsASchoolYearWithStudentsOnEachProtocolStep() throws Exception {
    try (ToolServer tool = ToolServer.start(true)) {
      Browser browser = new Browser();
      assertTrue(browser.get(tool.baseUrl() + "/demo").body().contains("id=\"demo-seeding\""));
      // Seeding runs in the background; the demo page says so until it is done (bounded wait).
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(180);
      while (browser.get(tool.baseUrl() + "/demo").body().contains("id=\"demo-seeding\"")
          && System.nanoTime() < deadline) {
        Thread.sleep(500);
      }
      String late =
          "SELECT COUNT(*) FROM mark m JOIN person p ON m.person_id = p.id"
              + " WHERE p.subject = ? AND m.category = 'LATE'";
      assertTrue(tool.count(late, "demo-student-06") >= 12, "lateness ladder step 12");
      assertTrue(tool.count(late, "demo-student-02") >= 6, "lateness ladder step 6");
      String luxury =
          "SELECT COUNT(*) FROM mark m JOIN person p ON m.person_id = p.id"
              + " WHERE p.subject = 'demo-student-19' AND m.category = 'LUXURY'";
      assertEquals(10, tool.count(luxury), "two school days of luxe verzuim");
      assertEquals(1, tool.count("SELECT COUNT(*) FROM school_holiday"));
      aClassLikeARealOne(tool);
    }
  }

  /**
   * Today's open signals per rule in the seeded class are as many as a real class of 25 has: a few
   * students often or long sick (not half the class), at most a couple on the DUO rule or away days
   * in a row, a few on the lateness ladder. The stories need some school days to be told: in the
   * first week and a half of a school year only the upper limits hold.
   */
  private static void aClassLikeARealOne(ToolServer tool) {
    LocalDate today = LocalDate.now(Signals.SCHOOL_ZONE);
    long schoolDays =
        DemoAttendance.schoolYear(DemoAttendance.firstSchoolDay(today)).stream()
            .filter(d -> d.isBefore(today))
            .count();
    boolean told = schoolDays >= 10;
    Map<Rule, Set<Long>> students = new EnumMap<>(Rule.class);
    Course course =
        tool.db()
            .read(
                em ->
                    em.createQuery("select c from Course c where c.contextId = :c", Course.class)
                        .setParameter("c", DemoSchool.CONTEXT_ID)
                        .getSingleResult());
    new Signals(tool.db(), Clock.systemUTC())
        .forCourse(course, today)
        .forEach(
            (person, signals) ->
                signals.stream()
                    .filter(Signal::open)
                    .forEach(
                        s -> students.computeIfAbsent(s.rule(), r -> new HashSet<>()).add(person)));
    String found = "open signals by rule on " + today + ": " + students;
    int sick = students.getOrDefault(Rule.SICKNESS, Set.of()).size();
    assertTrue(sick >= (told ? 1 : 0) && sick <= 3, found);
    assertTrue(students.getOrDefault(Rule.DUO, Set.of()).size() <= 2, found);
    int late = students.getOrDefault(Rule.LATENESS, Set.of()).size();
    assertTrue(late >= (told ? 1 : 0) && late <= 5, found);
    int away = students.getOrDefault(Rule.ABSENT_DAYS, Set.of()).size();
    assertTrue(away >= (told ? 1 : 0) && away <= 2, found);
  }
}
