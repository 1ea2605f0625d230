package nl.samenaanwezig.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests an outside tester sent: a language switch with a crafted way back, forms larger than any
 * of ours, the CSRF token in a URL, a look at the static folder and the Server header. Each gets a
 * 4xx or a safe answer, never a 500, and changes nothing.
 */
class RequestHardeningTest {
  static ToolServer tool;
  static TestPlatform platform;
  static Browser student;
  static String csrf;

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
    platform = TestPlatform.start().registerWith(tool);
    student = new Browser();
    student.follow(
        platform
            .launch()
            .person("hard-1", "Fenna", "Kok", List.of(Role.Lis.LEARNER.uri()))
            .run(student));
    Matcher m =
        Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
            .matcher(student.get(tool.baseUrl() + "/me").body());
    assertTrue(m.find());
    csrf = m.group(1);
  }

  @AfterAll
  static void stop() {
    platform.close();
    tool.close();
  }

  private static String locale() {
    return tool.db()
        .read(
            em ->
                (String)
                    em.createNativeQuery(
                            "SELECT s.locale FROM user_session s JOIN person p"
                                + " ON s.person_id = p.id WHERE p.subject = 'hard-1'")
                        .getSingleResult());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/\\evil.example",
        "/\\/evil.example",
        "//evil.example",
        "/\t/evil.example",
        "/me\r\nSet-Cookie: x=1",
        "/me\u0000",
        "/m\u00e9",
        "https://evil.example/",
        "javascript:alert(1)",
        "me"
      })
  void aLanguageSwitchWithABadWayBackGoesToTheHomePage(String back) {
    HttpResponse<String> r =
        student.postForm(
            tool.baseUrl() + "/lang", Map.of("csrf", csrf, "lang", "nl", "back", back));
    assertEquals(303, r.statusCode(), r.body());
    assertEquals("/me", URI.create(r.headers().firstValue("Location").orElseThrow()).getPath());
    assertFalse(r.headers().firstValue("Location").orElseThrow().contains("evil"));
  }

  @Test
  void aLanguageSwitchReturnsToAPageOfTheTool() {
    HttpResponse<String> r =
        student.postForm(
            tool.baseUrl() + "/lang",
            Map.of("csrf", csrf, "lang", "nl", "back", "/me/buddies?x=1#top"));
    assertEquals(303, r.statusCode());
    assertTrue(
        r.headers().firstValue("Location").orElseThrow().endsWith("/me/buddies?x=1#top"),
        r.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void aFormLargerThanAnyOfOursIsRefusedWith413AndChangesNothing() {
    HttpResponse<String> r =
        student.postForm(
            tool.baseUrl() + "/lang",
            Map.of(
                "csrf",
                csrf,
                "lang",
                "en",
                "back",
                "/me",
                "pad",
                "x".repeat((int) BodyLimit.FORM_BYTES)));
    assertEquals(413, r.statusCode(), r.body());
    assertTrue(r.body().contains("Je stuurde te veel gegevens in één keer."), r.body());
    assertEquals("nl", locale());
  }

  @Test
  void aChunkedFormLargerThanAnyOfOursIsRefusedWith413() throws Exception {
    byte[] body =
        ("csrf=" + csrf + "&lang=en&back=%2Fme&pad=" + "x".repeat((int) BodyLimit.FORM_BYTES))
            .getBytes(StandardCharsets.US_ASCII);
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(tool.baseUrl() + "/lang"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header(
                        "Cookie",
                        Sessions.COOKIE + "=" + student.cookie("localhost", Sessions.COOKIE))
                    .POST(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(body)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(413, r.statusCode(), r.body());
    assertEquals("nl", locale());
  }

  @Test
  void theCsrfTokenInTheQueryStringIsRefused() {
    HttpResponse<String> r =
        student.postForm(
            tool.baseUrl() + "/lang?csrf=" + csrf, Map.of("lang", "en", "back", "/me"));
    assertEquals(403, r.statusCode(), r.body());
    assertTrue(r.body().contains("Dit formulier is verlopen."), r.body());
    assertEquals("nl", locale());
  }

  @Test
  void theStaticFolderIsNotListed() throws IOException {
    for (String path : List.of("/static/", "/static")) {
      HttpResponse<String> r = new Browser().get(tool.baseUrl() + path);
      assertTrue(
          r.statusCode() / 100 == 4 || r.statusCode() / 100 == 3, path + " " + r.statusCode());
      // A listing would link every file; pages only link the style sheet and script they use.
      assertFalse(r.body().contains("register-close.js"), r.body());
    }
    assertEquals(200, new Browser().get(tool.baseUrl() + "/static/app.css").statusCode());
  }

  @Test
  void noAnswerNamesTheServer() {
    for (String path : List.of("/static/app.css", "/me", "/nowhere", "/lti/launch")) {
      HttpResponse<String> r = student.get(tool.baseUrl() + path);
      assertTrue(r.headers().firstValue("Server").isEmpty(), path + " " + r.headers().map());
    }
  }
}
