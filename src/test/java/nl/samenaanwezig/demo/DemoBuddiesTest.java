package nl.samenaanwezig.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo class has buddies in every age band and consent state, as the mentor sees them. */
class DemoBuddiesTest {
  static ToolServer tool;

  @BeforeAll
  static void start() {
    tool = ToolServer.startSeededDemo();
  }

  @AfterAll
  static void stop() {
    tool.close();
  }

  static HttpResponse<String> launch(Browser browser, ToolServer tool, String query) {
    browser.get(tool.baseUrl() + "/demo");
    HttpResponse<String> toAuth =
        browser.submitAutoPost(browser.get(tool.baseUrl() + "/demo/start?" + query));
    return browser.follow(
        browser.submitAutoPost(browser.get(toAuth.headers().firstValue("Location").get())));
  }

  static long personId(ToolServer tool, String sub) {
    return tool.count("SELECT id FROM person WHERE subject = ?", sub);
  }

  @Test
  void theMentorSeesEveryConsentStateInTheDemoClass() {
    Browser mentor = new Browser();
    HttpResponse<String> classPage = launch(mentor, tool, "as=mentor");
    String html = classPage.body();
    assertTrue(html.contains("1 buddy, toestemming nodig"), html);
    assertTrue(html.contains("2 buddy&#39;s, contact mag"), html);
    assertTrue(html.contains("1 buddy, geen toestemming"), html);
    assertEquals(
        DemoBuddies.students().size(), tool.count("SELECT COUNT(DISTINCT student_id) FROM buddy"));
    String base = classPage.uri().getPath() + "/students/";
    String ravi =
        mentor.get(tool.baseUrl() + base + personId(tool, "demo-student-22") + "/buddies").body();
    assertTrue(ravi.contains("de geboortedatum van de student is onbekend"), ravi);
    String daan =
        mentor.get(tool.baseUrl() + base + personId(tool, "demo-student-02") + "/buddies").body();
    assertTrue(daan.contains("Daan was drie weken lang elke les op tijd."), daan);
    assertTrue(daan.contains("ouder of voogd van een leerling van 16 of 17"), daan);
    String mehmet =
        mentor.get(tool.baseUrl() + base + personId(tool, "demo-student-04") + "/buddies").body();
    assertTrue(mehmet.contains("Mag niet: de student gaf op "), mehmet);
  }

  @Test
  void aDemoStudentWhoJustTurned18IsAskedOnTheirPage() {
    Browser student = new Browser();
    HttpResponse<String> me = launch(student, tool, "as=student&student=demo-student-03");
    assertEquals("/me", me.uri().getPath());
    assertTrue(me.body().contains("Je bent 18: jij beslist nu"), me.body());
  }
}
