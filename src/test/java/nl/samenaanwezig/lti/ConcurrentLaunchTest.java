package nl.samenaanwezig.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.Test;

/** A whole class opening the tool at the same moment, the first time anyone of it does. */
class ConcurrentLaunchTest {
  private static final int STUDENTS = 12;

  @Test
  void studentsOfANewCourseLaunchingAtOnceAllGetIn() throws Exception {
    try (ToolServer tool = ToolServer.start();
        TestPlatform platform = TestPlatform.start().registerWith(tool)) {
      List<Map<String, String>> posts = new ArrayList<>();
      for (int i = 0; i < STUDENTS; i++) {
        posts.add(signedPost(tool, platform, "student-" + i));
      }
      CyclicBarrier together = new CyclicBarrier(STUDENTS);
      ExecutorService students = Executors.newFixedThreadPool(STUDENTS);
      try {
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (Map<String, String> post : posts) {
          answers.add(
              students.submit(
                  () -> {
                    together.await();
                    return new Browser().postForm(tool.baseUrl() + "/lti/launch", post);
                  }));
        }
        for (Future<HttpResponse<String>> answer : answers) {
          assertEquals(303, answer.get().statusCode(), answer.get().body());
        }
      } finally {
        students.shutdownNow();
      }
      assertEquals(1, tool.count("SELECT COUNT(*) FROM course WHERE context_id = ?", "klas-3c"));
      assertEquals(
          STUDENTS,
          tool.count(
              "SELECT COUNT(*) FROM member m JOIN course c ON m.course_id = c.id"
                  + " WHERE c.context_id = ?",
              "klas-3c"));
    }
  }

  /** Login initiation, then the id_token the platform posts back for it: a ready launch form. */
  private static Map<String, String> signedPost(
      ToolServer tool, TestPlatform platform, String subject) {
    Map<String, String> login = new LinkedHashMap<>();
    login.put("iss", platform.issuer());
    login.put("login_hint", subject);
    login.put("target_link_uri", tool.baseUrl() + "/lti/launch");
    login.put("client_id", platform.clientId());
    login.put("lti_deployment_id", platform.deploymentId());
    HttpResponse<String> toAuth = new Browser().postForm(tool.baseUrl() + "/lti/login", login);
    assertEquals(302, toAuth.statusCode(), toAuth.body());
    Map<String, String> auth =
        TestPlatform.query(URI.create(toAuth.headers().firstValue("Location").orElseThrow()));
    String idToken =
        platform
            .launch()
            .person(subject, "Leerling", subject, List.of(Role.Lis.LEARNER.uri()))
            .claim(LtiClaims.CONTEXT, Map.of("id", "klas-3c", "label", "3C", "title", "Klas 3C"))
            .idToken(auth.get("nonce"));
    return Map.of("id_token", idToken, "state", auth.get("state"));
  }
}
