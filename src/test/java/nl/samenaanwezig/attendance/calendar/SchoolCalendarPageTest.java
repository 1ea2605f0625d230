package nl.samenaanwezig.attendance.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ClassPages;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The school calendar over HTTP after a real administrator launch: a region fills in the official
 * holidays, single days are added, changed and removed, bad input is refused with a Dutch message
 * and nothing stored, and only an administrator may open it.
 */
class SchoolCalendarPageTest {
  static ToolServer tool;
  static TestPlatform platform;
  static Browser admin;

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
    platform = TestPlatform.start().registerWith(tool);
    admin = new Browser();
    admin.follow(platform.launch().asAdmin().run(admin));
  }

  @AfterAll
  static void stop() {
    platform.close();
    tool.close();
  }

  @BeforeEach
  void emptyCalendar() {
    tool.db().run(em -> em.createNativeQuery("DELETE FROM school_holiday").executeUpdate());
  }

  private static String url(String path) {
    return tool.baseUrl() + path;
  }

  private static HttpResponse<String> post(String path, Map<String, String> fields) {
    Map<String, String> form = new LinkedHashMap<>(fields);
    form.put("csrf", ClassPages.csrf(admin.get(url("/admin/calendar"))));
    return admin.postForm(url(path), form);
  }

  private static HttpResponse<String> add(String name, String first, String last) {
    return post(
        "/admin/calendar/holidays", Map.of("name", name, "firstDay", first, "lastDay", last));
  }

  private static java.sql.Date day(String iso) {
    return java.sql.Date.valueOf(iso);
  }

  private static long holidays() {
    return tool.count("SELECT COUNT(*) FROM school_holiday");
  }

  private static long holidayId(String name) {
    return tool.count("SELECT id FROM school_holiday WHERE name = ?", name);
  }

  @Test
  void aRegionFillsInItsOfficialHolidaysAndAnotherRegionReplacesThem() {
    HttpResponse<String> noord = post("/admin/calendar/region", Map.of("region", "noord"));
    assertEquals(303, noord.statusCode(), noord.body());
    String page = admin.follow(noord).body();
    assertTrue(page.contains("16 vakanties en vrije dagen ingevuld."), page);
    long perRegion = OfficialHolidays.of(Region.NOORD).size();
    assertEquals(perRegion, holidays());
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM school_holiday WHERE name = 'Zomervakantie' AND region = 'noord'"
                + " AND first_day = ? AND last_day = ?",
            day("2026-07-04"),
            day("2026-08-16")));
    assertTrue(page.contains("zaterdag 4 juli 2026"), page);
    assertTrue(page.contains("Officieel, regio Noord"), page);
    assertTrue(page.contains("<option value=\"noord\" selected=\"selected\">"), page);

    // The school's own study day stays when the region changes; the official ones are replaced.
    assertEquals(303, add("Studiedag", "2026-11-18", "2026-11-18").statusCode());
    HttpResponse<String> zuid = post("/admin/calendar/region", Map.of("region", "zuid"));
    assertEquals(303, zuid.statusCode(), zuid.body());
    assertEquals(OfficialHolidays.of(Region.ZUID).size() + 1, holidays());
    assertEquals(0, tool.count("SELECT COUNT(*) FROM school_holiday WHERE region = 'noord'"));
    assertEquals(1, tool.count("SELECT COUNT(*) FROM school_holiday WHERE name = 'Studiedag'"));
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM school_holiday WHERE name = 'Zomervakantie' AND region = 'zuid'"
                + " AND first_day = ?",
            day("2026-07-11")));
  }

  @Test
  void anOwnDayInTheWayOfTheOfficialHolidaysStopsTheRegionAndIsNamed() {
    assertEquals(303, add("Extra week", "2026-12-14", "2026-12-21").statusCode());
    HttpResponse<String> refused = post("/admin/calendar/region", Map.of("region", "midden"));
    assertEquals(400, refused.statusCode());
    assertTrue(
        refused.body().contains("Jullie eigen vrije dag Extra week (maandag 14 december 2026"),
        refused.body());
    assertEquals(1, holidays(), "nothing of the region stored");
  }

  @Test
  void anUnknownRegionIsRefused() {
    HttpResponse<String> refused = post("/admin/calendar/region", Map.of("region", "oost"));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("Kies een regio uit de lijst: Noord, Midden of Zuid."));
    assertEquals(0, holidays());
  }

  @Test
  void aDayOffIsAddedChangedAndRemoved() {
    HttpResponse<String> added = add("Studiedag", "2027-03-10", "2027-03-10");
    assertEquals(303, added.statusCode(), added.body());
    String page = admin.follow(added).body();
    assertTrue(page.contains("De vrije dag is toegevoegd."), page);
    assertTrue(page.contains(">Studiedag</th>"), page);
    assertTrue(page.contains("Eigen vrije dag"), page);
    long id = holidayId("Studiedag");

    String edit = admin.get(url("/admin/calendar/holidays/" + id)).body();
    assertTrue(edit.contains("value=\"2027-03-10\""), edit);
    HttpResponse<String> changed =
        post(
            "/admin/calendar/holidays/" + id,
            Map.of("name", "Studiedagen", "firstDay", "2027-03-10", "lastDay", "2027-03-11"));
    assertEquals(303, changed.statusCode(), changed.body());
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM school_holiday WHERE id = ? AND name = 'Studiedagen'"
                + " AND last_day = ?",
            id,
            day("2027-03-11")));

    HttpResponse<String> removed = post("/admin/calendar/holidays/" + id + "/remove", Map.of());
    assertEquals(303, removed.statusCode());
    assertTrue(admin.follow(removed).body().contains("De vrije dag is verwijderd."));
    assertEquals(0, holidays());
  }

  @Test
  void changingAnOfficialHolidayMakesItTheSchoolsOwn() {
    post("/admin/calendar/region", Map.of("region", "midden"));
    long id =
        tool.count(
            "SELECT id FROM school_holiday WHERE name = 'Meivakantie' AND first_day = ?",
            day("2026-04-25"));
    assertTrue(admin.get(url("/admin/calendar/holidays/" + id)).body().contains("eigen vrije dag"));
    HttpResponse<String> changed =
        post(
            "/admin/calendar/holidays/" + id,
            Map.of("name", "Meivakantie", "firstDay", "2026-04-18", "lastDay", "2026-05-03"));
    assertEquals(303, changed.statusCode(), changed.body());
    assertEquals(
        1, tool.count("SELECT COUNT(*) FROM school_holiday WHERE id = ? AND region IS NULL", id));
  }

  @Test
  void badInputIsRefusedInDutchAndNothingIsStored() {
    Map<String, String[]> cases = new LinkedHashMap<>();
    cases.put(
        "De laatste vrije dag ligt voor de eerste. Draai de data om.",
        new String[] {"Studiedag", "2027-03-10", "2027-03-09"});
    cases.put(
        "Kies een datum in de jaren 2000 tot en met 2100.",
        new String[] {"Studiedag", "1999-12-31", "2000-01-01"});
    cases.put(
        "Kies een datum in de jaren 2000 tot en met 2100.",
        new String[] {"Studiedag", "2101-01-01", "2101-01-01"});
    cases.put(
        "Vul een naam in, bijvoorbeeld Studiedag.", new String[] {" ", "2027-03-10", "2027-03-10"});
    cases.put(
        "Vul de eerste vrije dag in als datum.", new String[] {"Studiedag", "10-03-2027", ""});
    cases.put(
        "Een vakantie duurt hier hoogstens 92 dagen. Klopt het jaartal?",
        new String[] {"Zomervakantie", "2026-07-04", "2027-08-16"});
    cases.forEach(
        (message, fields) -> {
          HttpResponse<String> refused = add(fields[0], fields[1], fields[2]);
          assertEquals(400, refused.statusCode(), message);
          assertTrue(refused.body().contains(message), refused.body());
          assertTrue(refused.body().contains("Niet opgeslagen. Verbeter dit:"));
        });
    assertEquals(0, holidays());
  }

  @Test
  void anOverlappingOrDuplicateHolidayIsRefusedAndNamesTheOtherOne() {
    assertEquals(303, add("Studiedag", "2027-03-10", "2027-03-10").statusCode());
    HttpResponse<String> duplicate = add("Studiedag", "2027-03-10", "2027-03-10");
    assertEquals(400, duplicate.statusCode());
    assertTrue(
        duplicate.body().contains("Op deze dagen staat al: Studiedag (woensdag 10 maart 2027"),
        duplicate.body());
    HttpResponse<String> overlapping = add("Projectweek", "2027-03-08", "2027-03-12");
    assertEquals(400, overlapping.statusCode());
    assertTrue(overlapping.body().contains("value=\"Projectweek\""), "typed values kept");
    assertEquals(1, holidays());

    // Changing one onto another is refused the same way; the stored one stays as it was.
    assertEquals(303, add("Projectdag", "2027-03-15", "2027-03-15").statusCode());
    long id = holidayId("Projectdag");
    HttpResponse<String> moved =
        post(
            "/admin/calendar/holidays/" + id,
            Map.of("name", "Projectdag", "firstDay", "2027-03-10", "lastDay", "2027-03-10"));
    assertEquals(400, moved.statusCode());
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM school_holiday WHERE id = ? AND first_day = ?",
            id,
            day("2027-03-15")));
  }

  @Test
  void aMentorOrStudentCannotOpenOrChangeTheCalendar() {
    Browser mentor = new Browser();
    String csrf = ClassPages.csrf(mentor.follow(platform.launch().asMentor().run(mentor)));
    assertEquals(404, mentor.get(url("/admin/calendar")).statusCode());
    assertEquals(404, mentor.get(url("/admin/categories")).statusCode());
    HttpResponse<String> posted =
        mentor.postForm(
            url("/admin/calendar/holidays"),
            Map.of(
                "csrf", csrf, "name", "Vrij", "firstDay", "2027-03-10", "lastDay", "2027-03-10"));
    assertEquals(404, posted.statusCode());
    assertEquals(0, holidays());
    Browser student = new Browser();
    student.follow(platform.launch().asStudent().run(student));
    assertEquals(404, student.get(url("/admin/calendar")).statusCode());
  }

  @Test
  void anotherInstitutionsHolidayIsNotFound() {
    assertEquals(404, admin.get(url("/admin/calendar/holidays/999999")).statusCode());
    assertEquals(404, post("/admin/calendar/holidays/999999/remove", Map.of()).statusCode());
  }

  @Test
  void theAdminPageLinksToTheCalendarAndTheCategories() {
    String page = admin.get(url("/admin")).body();
    assertTrue(page.contains("href=\"/admin/calendar\""), page);
    assertTrue(page.contains("href=\"/admin/categories\""), page);
    assertFalse(page.contains("??"), "every text in the bundle");
  }
}
