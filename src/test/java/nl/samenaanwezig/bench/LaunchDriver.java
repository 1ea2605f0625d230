package nl.samenaanwezig.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.samenaanwezig.lti.LtiClaims;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.testing.TestPlatform;

/**
 * The platform's and browser's side of one launch, in three steps a worker times apart: the login
 * initiation POST, signing the id_token (the platform's work, done here instead of over HTTP so
 * that only the tool is measured), and the form_post of that id_token to the launch endpoint.
 */
final class LaunchDriver {
  /** Users that launch; every {@link #CLASS_SIZE}th one is the mentor of a class. */
  static final int USERS = 2_000;

  static final int CLASS_SIZE = 25;

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final TestPlatform platform;
  private final String tool;

  LaunchDriver(TestPlatform platform) {
    this.platform = platform;
    this.tool = platform.toolBaseUrl();
  }

  /** What the tool's login answer hands the platform: the state and nonce to sign and post. */
  record Login(int user, String state, String nonce) {}

  /** A step that did not get the answer a valid launch gets. */
  static final class StepFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StepFailed(String step, HttpResponse<String> response) {
      super(step + " answered " + response.statusCode() + ": " + abbreviate(response.body()));
    }

    StepFailed(String step, Exception cause) {
      super(step + " failed: " + cause, cause);
    }

    private static String abbreviate(String body) {
      return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
  }

  /** Step 1: the platform's login initiation, as Moodle posts it. */
  Login login(int user) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("iss", platform.issuer());
    form.put("login_hint", subject(user));
    form.put("target_link_uri", tool + "/lti/launch");
    form.put("lti_message_hint", "bench-" + user);
    form.put("client_id", platform.clientId());
    form.put("lti_deployment_id", platform.deploymentId());
    HttpResponse<String> answer = post("/lti/login", form);
    if (answer.statusCode() != 302) {
      throw new StepFailed("login", answer);
    }
    Map<String, String> auth =
        TestPlatform.query(URI.create(answer.headers().firstValue("Location").orElseThrow()));
    return new Login(user, auth.get("state"), auth.get("nonce"));
  }

  /** Step 2: the platform signs the id_token for the nonce the tool chose (RS256, 2048 bits). */
  String sign(Login login) {
    int user = login.user();
    int course = user / CLASS_SIZE;
    String role = user % CLASS_SIZE == 0 ? Role.Lis.INSTRUCTOR.uri() : Role.Lis.LEARNER.uri();
    return platform
        .launch()
        .person(subject(user), "Leerling", String.valueOf(user), List.of(role))
        .claim(
            LtiClaims.CONTEXT,
            Map.of("id", "course-" + course, "label", "K" + course, "title", "Klas " + course))
        .idToken(login.nonce());
  }

  /** Step 3: the browser's form_post to the tool, which answers 303 to the start page. */
  void launch(Login login, String idToken) {
    HttpResponse<String> answer =
        post("/lti/launch", Map.of("id_token", idToken, "state", login.state()));
    if (answer.statusCode() != 303 || answer.headers().firstValue("Set-Cookie").isEmpty()) {
      throw new StepFailed("launch", answer);
    }
  }

  private static String subject(int user) {
    return "bench-user-" + user;
  }

  private HttpResponse<String> post(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(tool + path))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new StepFailed(path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepFailed(path, e);
    }
  }
}
