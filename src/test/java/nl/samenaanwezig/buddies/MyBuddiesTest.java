package nl.samenaanwezig.buddies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ClassPages;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The student's buddy pages over real HTTP: register, change, consent, remove, date of birth. */
class MyBuddiesTest {
  static ToolServer tool;
  static TestPlatform platform;

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
    platform = TestPlatform.start().registerWith(tool);
  }

  @AfterAll
  static void stop() {
    platform.close();
    tool.close();
  }

  static long buddies() {
    return tool.count("SELECT COUNT(*) FROM buddy");
  }

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Europe/Amsterdam"));
  }

  @Test
  void myPageLinksToMyBuddies() {
    Browser student = Buddies.student(platform, "s-link", "Lotte", "Vos");
    String me = student.get(tool.baseUrl() + "/me").body();
    assertTrue(me.contains("href=\"/me/buddies\""), me);
    assertTrue(me.contains("Je hebt nog geen buddy."), me);
  }

  @Test
  void registersABuddyWithTheNumberStoredInternationallyAndAnAuditLine() {
    Browser student = Buddies.student(platform, "s-add", "Fenna", "Kok");
    long id = Buddies.add(student, tool, Map.of());
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM buddy WHERE id = ? AND phone = '+31612345678'"
                + " AND relationship = 'PARENT' AND legal_representative = TRUE"
                + " AND availability = 'TUESDAY-EVENING'",
            id));
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM audit_event WHERE object_id = ? AND operation = 'CREATE'"
                + " AND data_kind = 'BUDDY' AND actor_role = 'STUDENT'",
            id));
    String page = student.get(tool.baseUrl() + "/me/buddies").body();
    assertTrue(page.contains("Samira Kok"), page);
    assertTrue(page.contains("06 12345678"), page);
    assertTrue(page.contains("ouder of verzorger (wettelijk vertegenwoordiger)"), page);
    assertTrue(page.contains("dinsdag: avond"), page);
    assertTrue(
        student.get(tool.baseUrl() + "/me").body().contains("Je hebt 1 buddy."), "my page count");
  }

  @Test
  void refusesAnInvalidPhoneNumberWithAClearMessageAndStoresNothing() {
    Browser student = Buddies.student(platform, "s-phone", "Daan", "Smit");
    long before = buddies();
    HttpResponse<String> refused = Buddies.postNew(student, tool, Map.of("phone", "0612"));
    assertEquals(400, refused.statusCode());
    assertTrue(
        refused.body().contains("Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678."),
        refused.body());
    assertTrue(refused.body().contains("value=\"Samira Kok\""), "the form keeps what was typed");
    assertEquals(before, buddies());
  }

  @Test
  void refusesEmailAsChannelWithoutAnAddress() {
    Browser student = Buddies.student(platform, "s-mail", "Daan", "Smit");
    long before = buddies();
    Map<String, String> changes = new HashMap<>();
    changes.put("channel", "EMAIL");
    changes.put("email", "");
    HttpResponse<String> refused = Buddies.postNew(student, tool, changes);
    assertEquals(400, refused.statusCode());
    assertTrue(
        refused.body().contains("Je koos e-mail. Vul dan ook een e-mailadres in."), refused.body());
    assertEquals(before, buddies());
  }

  @Test
  void changesABuddyAndAuditsTheChange() {
    Browser student = Buddies.student(platform, "s-edit", "Mees", "Bakker");
    long id = Buddies.add(student, tool, Map.of());
    String form = student.get(tool.baseUrl() + "/me/buddies/" + id).body();
    assertTrue(form.contains("value=\"06 12345678\""), form);
    Map<String, String> changed =
        Buddies.validForm(ClassPages.csrf(student.get(tool.baseUrl() + "/me/buddies/" + id)));
    changed.put("name", "Samira Bakker");
    changed.put("phone", "+32 470 12 34 56");
    HttpResponse<String> saved = student.postForm(tool.baseUrl() + "/me/buddies/" + id, changed);
    assertEquals(303, saved.statusCode(), saved.body());
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM buddy WHERE id = ? AND name = 'Samira Bakker'"
                + " AND phone = '+32470123456'",
            id));
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM audit_event WHERE object_id = ? AND operation = 'UPDATE'"
                + " AND data_kind = 'BUDDY'",
            id));
  }

  @Test
  void givesAndWithdrawsConsentKeepingEveryDecisionWithItsTextVersion() {
    Browser student = Buddies.student(platform, "s-consent", "Noor", "Visser");
    Map<String, String> notLegal = new HashMap<>();
    notLegal.put("legalRepresentative", null);
    long id = Buddies.add(student, tool, notLegal);
    HttpResponse<String> given = Buddies.decide(student, tool, id, "ATTENDANCE", "give");
    assertEquals(303, given.statusCode(), given.body());
    String page = student.follow(given).body();
    assertTrue(page.contains("Je toestemming is opgeslagen."), page);
    assertTrue(page.contains("Je gaf toestemming op "), page);
    assertTrue(
        page.contains("Ik vind het goed dat school Samira Kok vertelt hoe vaak ik op school ben"),
        page);
    assertEquals(303, Buddies.decide(student, tool, id, "ATTENDANCE", "withdraw").statusCode());
    assertEquals(
        2,
        tool.count(
            "SELECT COUNT(*) FROM consent WHERE buddy_id = ? AND topic = 'ATTENDANCE'"
                + " AND text_version = 'consent.text.v1' AND text_locale = 'nl'",
            id));
    assertEquals(
        1, tool.count("SELECT COUNT(*) FROM consent WHERE buddy_id = ? AND given = FALSE", id));
    assertEquals(
        2,
        tool.count(
            "SELECT COUNT(*) FROM audit_event WHERE data_kind = 'CONSENT' AND operation = 'CREATE'"
                + " AND student_id = (SELECT student_id FROM buddy WHERE id = ?)",
            id));
    assertTrue(
        student
            .get(tool.baseUrl() + "/me/buddies")
            .body()
            .contains("Geen toestemming (jouw keuze van "));
  }

  @Test
  void refusesConsentGivenOnAnOutdatedText() {
    Browser student = Buddies.student(platform, "s-version", "Noor", "Visser");
    long id = Buddies.add(student, tool, Map.of());
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrf", Buddies.csrf(student, tool));
    form.put("topic", "PROGRESS");
    form.put("decision", "give");
    form.put("version", "consent.text.v0");
    HttpResponse<String> refused =
        student.postForm(tool.baseUrl() + "/me/buddies/" + id + "/consent", form);
    assertEquals(400, refused.statusCode());
    assertTrue(
        refused.body().contains("De tekst van de toestemming is net veranderd."), refused.body());
    assertEquals(0, tool.count("SELECT COUNT(*) FROM consent WHERE buddy_id = ?", id));
  }

  @Test
  void removingABuddyNeedsConfirmationAndThenWipesTheWaysToReachThem() {
    Browser student = Buddies.student(platform, "s-remove", "Sem", "Mulder");
    long id = Buddies.add(student, tool, Map.of());
    HttpResponse<String> unconfirmed =
        student.postForm(
            tool.baseUrl() + "/me/buddies/" + id + "/remove",
            Map.of("csrf", Buddies.csrf(student, tool)));
    assertEquals(400, unconfirmed.statusCode());
    assertTrue(
        unconfirmed.body().contains("Vink aan dat je deze buddy echt wilt verwijderen."),
        unconfirmed.body());
    assertEquals(
        0, tool.count("SELECT COUNT(*) FROM buddy WHERE id = ? AND removed_at IS NOT NULL", id));
    HttpResponse<String> removed =
        student.postForm(
            tool.baseUrl() + "/me/buddies/" + id + "/remove",
            Map.of("csrf", Buddies.csrf(student, tool), "confirm", "yes"));
    assertEquals(303, removed.statusCode());
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM buddy WHERE id = ? AND removed_at IS NOT NULL"
                + " AND phone IS NULL AND email IS NULL AND note IS NULL",
            id));
    assertFalse(student.get(tool.baseUrl() + "/me/buddies").body().contains("Samira Kok"));
    assertEquals(404, student.get(tool.baseUrl() + "/me/buddies/" + id).statusCode());
  }

  @Test
  void anotherStudentCannotReadOrChangeMyBuddy() {
    Browser owner = Buddies.student(platform, "s-owner", "Fenna", "Kok");
    long id = Buddies.add(owner, tool, Map.of("name", "Oma Kok"));
    Browser other = Buddies.student(platform, "s-other", "Daan", "Jansen");
    String csrf = Buddies.csrf(other, tool);
    assertEquals(404, other.get(tool.baseUrl() + "/me/buddies/" + id).statusCode());
    Map<String, String> form = Buddies.validForm(csrf);
    form.put("name", "Overgenomen");
    assertEquals(404, other.postForm(tool.baseUrl() + "/me/buddies/" + id, form).statusCode());
    assertEquals(
        404,
        other
            .postForm(
                tool.baseUrl() + "/me/buddies/" + id + "/remove",
                Map.of("csrf", csrf, "confirm", "yes"))
            .statusCode());
    assertEquals(404, Buddies.decide(other, tool, id, "ATTENDANCE", "give").statusCode());
    assertFalse(other.get(tool.baseUrl() + "/me/buddies").body().contains("Oma Kok"));
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM buddy WHERE id = ? AND name = 'Oma Kok' AND removed_at IS NULL",
            id));
    assertEquals(0, tool.count("SELECT COUNT(*) FROM consent WHERE buddy_id = ?", id));
  }

  @Test
  void guessingABuddyIdGivesTheSame404AsAnotherStudentsBuddy() {
    Browser student = Buddies.student(platform, "s-guess", "Tim", "Bos");
    HttpResponse<String> missing = student.get(tool.baseUrl() + "/me/buddies/999999");
    assertEquals(404, missing.statusCode());
    assertTrue(
        missing.body().contains("Deze pagina bestaat niet, of je hebt er geen toegang toe."));
    assertEquals(404, student.get(tool.baseUrl() + "/me/buddies/abc").statusCode());
  }

  @Test
  void aMentorHasNoStudentBuddyPages() {
    Browser mentor = Buddies.mentor(platform, "m-nobuddies", "Jeroen", "Smits");
    assertEquals(404, mentor.get(tool.baseUrl() + "/me/buddies").statusCode());
  }

  @Test
  void aChangeWithoutTheFormTokenIsRefused() {
    Browser student = Buddies.student(platform, "s-csrf", "Tim", "Bos");
    long before = buddies();
    Map<String, String> form = Buddies.validForm("forged");
    HttpResponse<String> refused = student.postForm(tool.baseUrl() + "/me/buddies/new", form);
    assertEquals(403, refused.statusCode());
    assertEquals(before, buddies());
  }

  @Test
  void htmlInNamesAndNotesIsShownAsTextNotRun() {
    Browser student = Buddies.student(platform, "s-xss", "Tim", "Bos");
    Map<String, String> changes = new HashMap<>();
    changes.put("name", "<script>alert('x')</script>");
    changes.put("note", "<img src=x onerror=alert(1)>");
    Buddies.add(student, tool, changes);
    String page = student.get(tool.baseUrl() + "/me/buddies").body();
    assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), page);
    assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;"), page);
    assertFalse(page.contains("<script>alert"), page);
    assertFalse(page.contains("<img src=x"), page);
  }

  @Test
  void aStudentEntersTheirDateOfBirthOnce() {
    Browser student = Buddies.student(platform, "s-dob", "Iris", "de Wit");
    HttpResponse<String> saved = Buddies.enterBirthDate(student, tool, "14-03-2009");
    assertEquals(303, saved.statusCode(), saved.body());
    assertTrue(student.follow(saved).body().contains("value=\"2009-03-14\""));
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM student_profile WHERE date_of_birth = '2009-03-14'"
                + " AND birth_date_source = 'STUDENT'"));
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM audit_event WHERE data_kind = 'PROFILE' AND operation = 'CREATE'"
                + " AND student_id = (SELECT person_id FROM student_profile"
                + " WHERE date_of_birth = '2009-03-14')"));
  }

  @Test
  void refusesADateOfBirthInTheFuture() {
    Browser student = Buddies.student(platform, "s-future", "Iris", "de Wit");
    HttpResponse<String> refused =
        Buddies.enterBirthDate(student, tool, today().plusDays(1).toString());
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("Deze geboortedatum kan niet kloppen."), refused.body());
    HttpResponse<String> garbage = Buddies.enterBirthDate(student, tool, "gisteren");
    assertEquals(400, garbage.statusCode());
    assertTrue(
        garbage.body().contains("Vul je geboortedatum in, bijvoorbeeld 14-03-2008."),
        garbage.body());
  }

  @Test
  void aStudentWhoTurned18IsAskedAboutTheirParentUntilTheyChoose() {
    Browser student = Buddies.student(platform, "s-eighteen", "Ravi", "Pinas");
    Buddies.enterBirthDate(student, tool, today().minusYears(18).toString());
    long id = Buddies.add(student, tool, Map.of());
    String me = student.get(tool.baseUrl() + "/me").body();
    assertTrue(me.contains("Je bent 18: jij beslist nu"), me);
    for (String topic : new String[] {"ATTENDANCE", "PROGRESS", "MEETING_INVITATIONS"}) {
      assertEquals(303, Buddies.decide(student, tool, id, topic, "withdraw").statusCode());
    }
    assertFalse(student.get(tool.baseUrl() + "/me").body().contains("Je bent 18: jij beslist nu"));
  }

  @Test
  void aStudentOf17SeesThatTheLawInformsTheirParentAboutAttendance() {
    Browser student = Buddies.student(platform, "s-seventeen", "Ravi", "Pinas");
    Buddies.enterBirthDate(student, tool, today().minusYears(17).toString());
    Buddies.add(student, tool, Map.of());
    String page = student.get(tool.baseUrl() + "/me/buddies").body();
    assertTrue(
        page.contains(
            "Tot je 18e moet school je ouder of voogd hierover informeren. Dat staat in de wet."),
        page);
    assertTrue(page.contains("Je hebt nog niet gekozen.</p>"), page);
  }

  @Test
  void worksInEnglishToo() {
    Browser student = Buddies.student(platform, "s-english", "Amy", "Brown");
    student.postForm(
        tool.baseUrl() + "/lang",
        Map.of("csrf", Buddies.csrf(student, tool), "lang", "en", "back", "/me/buddies"));
    HttpResponse<String> refused = Buddies.postNew(student, tool, Map.of("phone", "0612"));
    assertEquals(400, refused.statusCode());
    assertTrue(
        refused.body().contains("Fill in a valid phone number, for example 06 12345678."),
        refused.body());
  }
}
