package nl.samenaanwezig.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.attendance.Lesson;
import nl.samenaanwezig.attendance.LessonRegister;
import nl.samenaanwezig.attendance.Mark;
import nl.samenaanwezig.attendance.MarkCategory;
import nl.samenaanwezig.lti.LtiClaims;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.protocol.Signals;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Aanwezigheid per klas" over HTTP after real launches: two classes with lessons today and a week
 * before the school year, each class's figures as its own class page sums them, lowest presence
 * first, and only for the administrator.
 */
class InstitutionPresenceTest {
  static ToolServer tool;
  static TestPlatform platform;
  static Browser admin;
  static long wiskundeId;

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
    platform = TestPlatform.start().registerWith(tool);
    long wiskunde = launch("wis-2b", "Wiskunde 2B", "s-1", "Fenna", "Kok", Role.Lis.LEARNER);
    wiskundeId = wiskunde;
    launch("wis-2b", "Wiskunde 2B", "s-2", "Daan", "Jansen", Role.Lis.LEARNER);
    long nederlands =
        launch("ned-1a", "Nederlands 1A", "s-3", "Sanne", "de Vries", Role.Lis.LEARNER);
    launch("leeg-3c", "Leeg 3C", "s-4", "Noor", "Bakker", Role.Lis.LEARNER);
    long fenna = tool.count("SELECT id FROM person WHERE subject = 's-1'");
    long daan = tool.count("SELECT id FROM person WHERE subject = 's-2'");
    long sanne = tool.count("SELECT id FROM person WHERE subject = 's-3'");
    LocalDate today = LocalDate.now(Signals.SCHOOL_ZONE);
    while (today.getDayOfWeek() == DayOfWeek.SATURDAY || today.getDayOfWeek() == DayOfWeek.SUNDAY) {
      today = today.minusDays(1);
    }
    LessonRegister register = new LessonRegister(tool.db(), Clock.systemUTC());
    // Wiskunde: Fenna present, Daan away without an excuse for the whole 100 minutes: 50%.
    save(
        register,
        wiskunde,
        today,
        Map.of(
            fenna, new Mark.Entry(MarkCategory.PRESENT, 0),
            daan, new Mark.Entry(MarkCategory.UNEXCUSED, 0)));
    // Nederlands: Sanne present: 100%.
    save(register, nederlands, today, Map.of(sanne, new Mark.Entry(MarkCategory.PRESENT, 0)));
    admin = new Browser();
    admin.follow(platform.launch().asAdmin().run(admin));
  }

  @AfterAll
  static void stop() {
    platform.close();
    tool.close();
  }

  private static long launch(
      String context, String title, String sub, String given, String family, Role.Lis role) {
    Browser b = new Browser();
    b.follow(
        platform
            .launch()
            .person(sub, given, family, List.of(role.uri()))
            .claim(LtiClaims.CONTEXT, Map.of("id", context, "title", title))
            .run(b));
    return tool.count("SELECT id FROM course WHERE context_id = ?", context);
  }

  private static void save(
      LessonRegister register, long courseId, LocalDate day, Map<Long, Mark.Entry> marks) {
    LocalTime start = LocalTime.of(9, 0);
    Lesson lesson =
        register.lesson(
            courseId,
            new LessonRegister.LessonSpec(
                day, start, start.plusMinutes(100), null, null, Lesson.Source.API, "l-" + day));
    register.save(lesson.id(), marks, null, Lesson.Source.API);
  }

  private static String page(String query) {
    HttpResponse<String> r = admin.get(tool.baseUrl() + "/admin/presence" + query);
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  @Test
  void everyClassWithItsFiguresLowestPresenceFirst() {
    String html = page("");
    int wiskunde = html.indexOf(">Wiskunde 2B</th>");
    int nederlands = html.indexOf(">Nederlands 1A</th>");
    int leeg = html.indexOf(">Leeg 3C</th>");
    assertTrue(wiskunde > 0 && nederlands > wiskunde && leeg > nederlands, html);
    String wiskundeRow = html.substring(wiskunde, html.indexOf("</tr>", wiskunde));
    assertTrue(wiskundeRow.contains(">50%</td>"), wiskundeRow);
    assertTrue(wiskundeRow.contains(">1,7 uur</td>"), "100 unexcused minutes: " + wiskundeRow);
    assertTrue(wiskundeRow.contains(">2</td>"), "two students: " + wiskundeRow);
    assertTrue(wiskundeRow.contains("Veel afwezigheid"), wiskundeRow);
    assertTrue(
        wiskundeRow.contains("href=\"/admin/signals?course=" + wiskundeId + "\""), wiskundeRow);
    assertTrue(wiskundeRow.contains("aria-label=\"Signalen bekijken van Wiskunde 2B\""));
    String nederlandsRow = html.substring(nederlands, html.indexOf("</tr>", nederlands));
    assertTrue(nederlandsRow.contains(">100%</td>"), nederlandsRow);
    assertFalse(nederlandsRow.contains("Veel afwezigheid"), nederlandsRow);
    String leegRow = html.substring(leeg, html.indexOf("</tr>", leeg));
    assertTrue(leegRow.contains(">–</td>"), "no lessons yet: " + leegRow);
    assertTrue(
        html.contains("Alle klassen samen waren de laatste 4 schoolweken 66% aanwezig."), html);
    assertTrue(html.contains("1 klas was de laatste 4 schoolweken minder dan 90% aanwezig."), html);
  }

  @Test
  void byNameTheOrderIsAlphabetical() {
    String html = page("?sort=name");
    assertTrue(html.indexOf(">Leeg 3C</th>") < html.indexOf(">Nederlands 1A</th>"));
    assertTrue(html.indexOf(">Nederlands 1A</th>") < html.indexOf(">Wiskunde 2B</th>"));
    assertTrue(html.contains("<option value=\"name\" selected=\"selected\">"), html);
  }

  @Test
  void theTableAsCsvForExcel() {
    assertTrue(page("").contains("href=\"/admin/presence/csv?sort=presence\""));
    HttpResponse<String> csv = admin.get(tool.baseUrl() + "/admin/presence/csv?sort=name");
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    List<String> lines = csv.body().lines().toList();
    assertEquals(
        "\uFEFFKlas;Aanwezig (4 schoolweken);Deze week;Schooljaar;"
            + "Ongeoorloofd afwezig (4 schoolweken);Studenten;Let op",
        lines.get(0));
    assertEquals(
        List.of(
            "Leeg 3C;;;;0,0;1;",
            "Nederlands 1A;100;100;100;0,0;1;",
            "Wiskunde 2B;50;50;50;1,7;2;Veel afwezigheid: overweeg een avond voor ouders en"
                + " buddy's"),
        lines.subList(1, lines.size()));
    assertEquals(400, admin.get(tool.baseUrl() + "/admin/presence/csv?sort=x").statusCode());
  }

  @Test
  void anUnknownOrderIs400AndOnlyAnAdministratorGetsThePage() {
    HttpResponse<String> bad = admin.get(tool.baseUrl() + "/admin/presence?sort=worst");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("Deze sortering bestaat niet."), bad.body());
    Browser mentor = new Browser();
    mentor.follow(platform.launch().asMentor().run(mentor));
    assertEquals(404, mentor.get(tool.baseUrl() + "/admin/presence").statusCode());
    assertEquals(404, mentor.get(tool.baseUrl() + "/admin/presence/csv").statusCode());
    assertTrue(
        admin.get(tool.baseUrl() + "/admin").body().contains("href=\"/admin/presence\""),
        "the settings page links to it");
  }
}
