package nl.samenaanwezig.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Platform;
import nl.samenaanwezig.lti.Platforms;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.ToolKeys;
import nl.samenaanwezig.lti.nrps.NrpsClient;
import nl.samenaanwezig.lti.nrps.RosterSync;
import nl.samenaanwezig.lti.services.ServiceClient;
import nl.samenaanwezig.lti.services.ServiceHttp;
import nl.samenaanwezig.lti.services.ServiceTokens;
import nl.samenaanwezig.testing.PlatformServices;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 3 item 7: a roster of 5,000 members over 50 NRPS pages, read over real HTTP from the test
 * platform (token endpoint verifying our JWKS, NRPS with Link paging) and stored in the tool's
 * Derby database. Prints time and requests per kind of sync.
 */
@Tag("benchmark")
class RosterSyncBenchmark {
  static final int MEMBERS = 5_000;
  static final int PAGE_SIZE = 100;

  record Run(
      String kind, long millis, int nrpsRequests, int tokenRequests, int active, int pages) {}

  @Test
  void rosterOfFiveThousandMembersOverFiftyPages() {
    try (ToolServer tool = ToolServer.start();
        TestPlatform platform = TestPlatform.start().registerWith(tool)) {
      PlatformServices services =
          PlatformServices.attach(platform)
              .withLaunchMentor()
              .students(MEMBERS - 1)
              .pageSize(PAGE_SIZE);
      Database db = tool.db();
      Platform registration =
          new Platforms(db, Clock.systemUTC())
              .find(platform.issuer(), platform.clientId())
              .orElseThrow();
      long courseId =
          db.tx(
              em -> {
                Course course = new Course(em.find(Platform.class, registration.id()), "bench");
                course.offerMemberships(services.membershipsUrl("bench"));
                em.persist(course);
                em.flush();
                return course.id();
              });
      ServiceHttp http = new ServiceHttp(Duration.ofSeconds(20));
      ServiceTokens tokens = new ServiceTokens(new ToolKeys(db), http, Clock.systemUTC());
      List<Run> runs = new ArrayList<>();
      try (RosterSync sync =
          new RosterSync(
              db,
              new NrpsClient(new ServiceClient(tokens, http), NrpsClient.Limits.DEFAULT),
              Clock.systemUTC(),
              Duration.ofMinutes(15),
              new io.micrometer.core.instrument.simple.SimpleMeterRegistry())) {
        runs.add(measure("full, cold (5,000 new people)", sync, courseId, services));
        runs.add(measure("full, warm #1", sync, courseId, services));
        runs.add(measure("full, warm #2", sync, courseId, services));
        services.offerDifferences(true);
        runs.add(measure("full, warm #3 (gets differences link)", sync, courseId, services));
        for (int i = 1; i <= 20; i++) {
          services.status(String.format("s%04d", i), "Inactive");
        }
        for (int i = 1; i <= 20; i++) {
          services.member("n" + i, "Nieuw", String.valueOf(i), Role.Lis.LEARNER.uri());
        }
        runs.add(measure("differences (40 changes)", sync, courseId, services));
      }
      System.out.println();
      System.out.printf(
          "Roster sync benchmark: %,d members, %d per page, Java %s, %d cores%n",
          MEMBERS,
          PAGE_SIZE,
          System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors());
      System.out.printf(
          "%-40s %10s %8s %8s %8s %8s%n", "sync", "ms", "pages", "NRPS", "token", "active");
      for (Run r : runs) {
        System.out.printf(
            "%-40s %10d %8d %8d %8d %8d%n",
            r.kind(), r.millis(), r.pages(), r.nrpsRequests(), r.tokenRequests(), r.active());
      }
      assertEquals(MEMBERS, runs.get(0).active());
      assertEquals(MEMBERS / PAGE_SIZE, runs.get(0).pages());
      assertEquals(MEMBERS / PAGE_SIZE, runs.get(0).nrpsRequests());
      assertEquals(1, runs.get(0).tokenRequests());
      assertEquals(1, runs.get(4).pages());
      assertTrue(services.rejections().isEmpty(), services.rejections().toString());
      assertEquals(
          MEMBERS,
          tool.count(
              "SELECT COUNT(*) FROM member WHERE course_id = ? AND active = TRUE", courseId));
    }
  }

  private static Run measure(
      String kind, RosterSync sync, long courseId, PlatformServices services) {
    int nrpsBefore = services.membershipRequests();
    int tokenBefore = services.tokenRequests();
    long start = System.nanoTime();
    RosterSync.Outcome outcome = sync.sync(courseId);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(outcome.ok(), outcome.toString());
    return new Run(
        kind,
        millis,
        services.membershipRequests() - nrpsBefore,
        services.tokenRequests() - tokenBefore,
        outcome.active(),
        outcome.pages());
  }
}
