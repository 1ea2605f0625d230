package nl.samenaanwezig.infocard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenaanwezig.lti.LtiClaims;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may see and change which card, the public link, the JSON check, and bad input: refused with a
 * clear message, nothing stored.
 */
class InfoCardAccessTest {
  static final String NOT_FOUND = "Deze pagina bestaat niet, of je hebt er geen toegang toe.";

  static ToolServer tool;
  static CardSchool school;
  static Browser admin;
  static Browser mentor;
  static Browser student;
  static Browser otherMentor;
  static long course1;
  static long course2;

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
    school = new CardSchool(tool);
    student = school.student("student-1", "Fenna", "Kok", "nl");
    mentor = school.mentor();
    admin = school.admin();
    otherMentor = new Browser();
    otherMentor.follow(
        school
            .platform
            .launch()
            .person("mentor-2", "Anouk", "Visser", List.of(Role.Lis.INSTRUCTOR.uri()))
            .claim(
                LtiClaims.CONTEXT,
                Map.of("id", "course-2", "label", "NED-3A", "title", "Nederlands 3A"))
            .run(otherMentor));
    course1 = school.courseId("course-1");
    course2 = school.courseId("course-2");
  }

  @AfterAll
  static void stop() {
    school.close();
    tool.close();
  }

  private static long texts() {
    return tool.count("SELECT COUNT(*) FROM infocard_text");
  }

  @Test
  void studentSeesTheCardOfTheirOwnCourseOnly() {
    assertEquals(200, student.get(school.url("/infocard/" + course1)).statusCode());
    HttpResponse<String> other = student.get(school.url("/infocard/" + course2));
    assertEquals(404, other.statusCode());
    assertTrue(other.body().contains(NOT_FOUND), other.body());
    assertEquals(404, school.bytes(student, "/infocard/" + course2 + "/card.pdf").statusCode());
  }

  @Test
  void studentCannotEditTheClassCard() {
    assertEquals(404, student.get(school.url("/class/" + course1 + "/infocard/edit")).statusCode());
    String csrf = CardSchool.csrf(student.get(school.url("/me")).body());
    long before = texts();
    HttpResponse<String> post =
        student.postForm(
            school.url("/class/" + course1 + "/infocard/edit?lang=nl"),
            Map.of("csrf", csrf, "class", "Geen les vandaag"));
    assertEquals(404, post.statusCode());
    assertEquals(before, texts());
    assertEquals(
        404, school.bytes(student, "/class/" + course1 + "/infocard/cards.pdf").statusCode());
  }

  @Test
  void mentorEditsOnlyTheirOwnCourse() {
    assertEquals(404, mentor.get(school.url("/class/" + course2 + "/infocard/edit")).statusCode());
    String csrf = CardSchool.csrf(mentor.get(school.url("/class/" + course1)).body());
    long before = texts();
    HttpResponse<String> post =
        mentor.postForm(
            school.url("/class/" + course2 + "/infocard/edit?lang=nl"),
            Map.of("csrf", csrf, "phone", "06 99999999", "class", "Overgenomen"));
    assertEquals(404, post.statusCode());
    assertEquals(before, texts());
    assertEquals(0, tool.count("SELECT COUNT(*) FROM infocard_phone WHERE course_id = ?", course2));
    assertEquals(
        404,
        mentor
            .postForm(
                school.url("/class/" + course2 + "/infocard/link/renew"), Map.of("csrf", csrf))
            .statusCode());
  }

  @Test
  void onlyAdministratorsOpenTheInstitutionEditor() {
    HttpResponse<String> page = mentor.get(school.url("/admin/infocard"));
    assertEquals(404, page.statusCode());
    assertTrue(page.body().contains(NOT_FOUND));
    String csrf = CardSchool.csrf(mentor.get(school.url("/class/" + course1)).body());
    assertEquals(
        404,
        school
            .postJson(
                mentor, "/admin/infocard/score", "{\"language\":\"nl\",\"text\":\"Hoi.\"}", csrf)
            .statusCode());
  }

  @Test
  void administratorWritesOnlyTheirOwnInstitutionsCard() {
    try (CardSchool other = new CardSchool(tool)) {
      Browser otherAdmin = other.admin();
      other.writeInstitution(otherAdmin, "nl", Map.of("rules", "Bij ons begint de dag om 9 uur."));
      assertTrue(
          otherAdmin
              .get(other.url("/admin/infocard/preview"))
              .body()
              .contains("Bij ons begint de dag om 9 uur."));
      assertFalse(
          student.get(school.url("/infocard/" + course1)).body().contains("om 9 uur"),
          "another school's text never reaches this card");
      assertFalse(admin.get(school.url("/admin/infocard")).body().contains("om 9 uur"));
    }
  }

  @Test
  void scoreNeedsTheCsrfHeaderAndAnswersJson() {
    String csrf = CardSchool.csrf(admin.get(school.url("/admin/infocard")).body());
    String body =
        "{\"language\":\"nl\",\"text\":\"Ben je ziek? Bel dan voor half negen naar school.\"}";
    HttpResponse<String> without = school.postJson(admin, "/admin/infocard/score", body, null);
    assertEquals(403, without.statusCode());
    assertTrue(without.body().contains("Dit formulier is verlopen."), without.body());

    HttpResponse<String> ok = school.postJson(admin, "/admin/infocard/score", body, csrf);
    assertEquals(200, ok.statusCode(), ok.body());
    assertTrue(
        ok.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    assertTrue(ok.body().contains("\"score\":100"), ok.body());
    assertTrue(ok.body().contains("\"level\":\"A2\""), ok.body());
    assertTrue(ok.body().contains("\"ok\":true"), ok.body());

    HttpResponse<String> notJson = school.postJson(admin, "/admin/infocard/score", "{text", csrf);
    assertEquals(400, notJson.statusCode());
    assertEquals(
        "{\"status\":400,\"title\":\"Stuur JSON met de velden \\\"language\\\" en \\\"text\\\".\"}",
        notJson.body());
    HttpResponse<String> unknown =
        school.postJson(
            admin, "/admin/infocard/score", "{\"language\":\"xx\",\"text\":\"Hoi.\"}", csrf);
    assertEquals(400, unknown.statusCode());
    assertTrue(unknown.body().contains("Deze taal kent de informatiekaart niet."), unknown.body());
  }

  @Test
  void mentorScoresOnTheirCourseOnly() {
    String csrf = CardSchool.csrf(mentor.get(school.url("/class/" + course1)).body());
    String body = "{\"language\":\"en\",\"text\":\"Call me after four.\"}";
    assertEquals(
        200,
        school.postJson(mentor, "/class/" + course1 + "/infocard/score", body, csrf).statusCode());
    assertEquals(
        404,
        school.postJson(mentor, "/class/" + course2 + "/infocard/score", body, csrf).statusCode());
  }

  @Test
  void tooLongTextIsRefusedAndNothingIsStored() {
    long before = texts();
    HttpResponse<String> refused =
        school.post(
            admin,
            "/admin/infocard?lang=nl",
            "/admin/infocard?lang=nl",
            Map.of("rules", "a".repeat(601), "help", "Bel de mentor."));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("Te lang: hoogstens 600 tekens, nu 601."), refused.body());
    assertTrue(refused.body().contains("Niet opgeslagen. Pas de teksten met een melding aan."));
    assertEquals(before, texts(), "not even the valid text is stored");
  }

  @Test
  void translatedStepMustKeepItsNumberPlaces() {
    long before = texts();
    HttpResponse<String> refused =
        school.post(
            admin,
            "/admin/infocard?lang=pl",
            "/admin/infocard?lang=pl",
            Map.of("step.lateness.1", "Spóźnienie: mentor z tobą rozmawia."));
    assertEquals(400, refused.statusCode());
    assertTrue(
        refused.body().contains("Laat deze plekken voor getallen staan: {0}."), refused.body());
    assertEquals(before, texts());
  }

  @Test
  void phoneThatIsNoNumberIsRefused() {
    HttpResponse<String> refused =
        school.post(
            mentor,
            "/class/" + course1 + "/infocard/edit",
            "/class/" + course1 + "/infocard/edit?lang=nl",
            Map.of("phone", "bel de balie", "class", "Extra"));
    assertEquals(400, refused.statusCode());
    assertTrue(
        refused
            .body()
            .contains(
                "Vul een telefoonnummer in met alleen cijfers, spaties, streepjes of een + vooraan,"
                    + " bijvoorbeeld 06 12345678."),
        refused.body());
    assertEquals(0, tool.count("SELECT COUNT(*) FROM infocard_phone"));
    assertEquals(0, tool.count("SELECT COUNT(*) FROM infocard_text WHERE course_id = ?", course1));
  }

  @Test
  void publicLinkOpensWithoutAccountAndRenewingRevokesIt() {
    String editor = otherMentor.get(school.url("/class/" + course2 + "/infocard/edit")).body();
    String link = publicLink(editor);
    Browser family = new Browser();
    HttpResponse<String> card = family.get(link);
    assertEquals(200, card.statusCode(), card.body());
    assertTrue(card.body().contains("Nederlands 3A"), card.body());
    assertEquals(200, school.bytes(null, path(link).replace("?", "/card.pdf?")).statusCode());

    HttpResponse<String> renewed =
        otherMentor.postForm(
            school.url("/class/" + course2 + "/infocard/link/renew"),
            Map.of("csrf", CardSchool.csrf(editor)));
    assertEquals(303, renewed.statusCode());
    HttpResponse<String> old = family.get(link);
    assertEquals(404, old.statusCode());
    String fresh = publicLink(otherMentor.follow(renewed).body());
    assertFalse(fresh.equals(link));
    assertEquals(200, family.get(fresh).statusCode());
    assertEquals(404, family.get(school.url("/infocard/public/not-a-token")).statusCode());
  }

  @Test
  void unknownLanguageOrPaperIsNotFound() {
    for (String query : List.of("?lang=tr", "?lang=xx", "?lang=NL", "?size=a3")) {
      HttpResponse<String> page = student.get(school.url("/infocard/" + course1 + query));
      assertEquals(404, page.statusCode(), query);
      assertTrue(
          page.body().contains("Deze kaart bestaat niet in die taal of op dat papierformaat."),
          query);
    }
  }

  @Test
  void editorListsTheLanguagesAndTheirState() {
    school.writeInstitution(admin, "uk", Map.of("label.title", "Інформаційна картка"));
    String page = admin.get(school.url("/admin/infocard")).body();
    assertTrue(page.contains("lang=\"uk\""), page);
    assertTrue(page.contains("1 van 21 teksten geschreven"), page);
    assertTrue(page.contains("de kaart gebruikt nog de standaardteksten"), page);
    assertFalse(page.contains("<option value=\"uk\""), "an existing language is not offered again");
    assertTrue(page.contains("<option value=\"tr\" lang=\"tr\">Türkçe</option>"), page);
    // The check of the starting text is on the page before any typing.
    assertTrue(page.contains("Leesbaarheid: "), page);
    assertTrue(page.contains("aria-live=\"polite\""), page);
  }

  @Test
  void studentPageLinksToTheCard() {
    String me = student.get(school.url("/me")).body();
    assertTrue(me.contains("href=\"/infocard/" + course1 + "\""), me);
  }

  private static String publicLink(String html) {
    Matcher m = Pattern.compile("href=\"(http[^\"]*/infocard/public/[^\"]+)\"").matcher(html);
    assertTrue(m.find(), html);
    return m.group(1).replace("&amp;", "&");
  }

  private static String path(String url) {
    return url.substring(url.indexOf("/infocard/"));
  }
}
