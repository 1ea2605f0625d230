package nl.samenaanwezig.attendance.imports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenaanwezig.lti.LtiClaims;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;

/**
 * What the import tests share: a class of its own (a fresh LTI context titled "Wiskunde 2B") with
 * three students, Moodle user ids 1001-1003, and its mentor Jeroen Smits, signed in; the class's
 * import page, and counts in SQL limited to the class.
 */
final class ImportClass {
  final ToolServer tool;
  final TestPlatform platform;
  final String contextId;
  final Browser mentor;
  final String classPath;

  private ImportClass(
      ToolServer tool, TestPlatform platform, String contextId, Browser mentor, String classPath) {
    this.tool = tool;
    this.platform = platform;
    this.contextId = contextId;
    this.mentor = mentor;
    this.classPath = classPath;
  }

  static ImportClass open(ToolServer tool, TestPlatform platform) {
    String contextId = "course-" + UUID.randomUUID();
    launch(platform, contextId, new Browser(), "1001", "Fenna", "Kok", Role.Lis.LEARNER);
    launch(platform, contextId, new Browser(), "1002", "Daan", "Jansen", Role.Lis.LEARNER);
    launch(platform, contextId, new Browser(), "1003", "Sanne", "de Vries", Role.Lis.LEARNER);
    Browser mentor = new Browser();
    String classPath =
        launch(platform, contextId, mentor, "mentor-1", "Jeroen", "Smits", Role.Lis.INSTRUCTOR);
    return new ImportClass(tool, platform, contextId, mentor, classPath);
  }

  /** Launches someone into a context; returns the path the launch lands on. */
  static String launch(
      TestPlatform platform,
      String contextId,
      Browser browser,
      String sub,
      String given,
      String family,
      Role.Lis role) {
    return browser
        .follow(
            platform
                .launch()
                .person(sub, given, family, List.of(role.uri()))
                .claim(LtiClaims.CONTEXT, Map.of("id", contextId, "title", "Wiskunde 2B"))
                .run(browser))
        .uri()
        .getPath();
  }

  /** Launches someone else into this class. */
  String launch(Browser browser, String sub, String given, String family, Role.Lis role) {
    return launch(platform, contextId, browser, sub, given, family, role);
  }

  String importUrl() {
    return tool.baseUrl() + classPath + "/import";
  }

  /** The mentor's CSRF token, from the import page. */
  String csrf() {
    Matcher m =
        Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(mentor.get(importUrl()).body());
    assertTrue(m.find());
    return m.group(1);
  }

  /** The mentor posts the upload to the import page, with the CSRF token. */
  HttpResponse<String> post(Upload upload) {
    return upload.field("csrf", csrf()).post(mentor, importUrl());
  }

  long courseId() {
    return Long.parseLong(classPath.replaceAll("\\D", ""));
  }

  /** A number from SQL whose one parameter is this class's context id. */
  long count(String sql) {
    return tool.count(sql, contextId);
  }

  long lessons() {
    return count(
        "SELECT COUNT(*) FROM lesson l JOIN course c ON l.course_id = c.id"
            + " WHERE c.context_id = ?");
  }

  /** Marks in this class, narrowed by {@code where} (SQL starting with " AND", or empty). */
  long marks(String where) {
    return count(
        "SELECT COUNT(*) FROM mark m JOIN lesson l ON m.lesson_id = l.id"
            + " JOIN course c ON l.course_id = c.id WHERE c.context_id = ?"
            + where);
  }
}
