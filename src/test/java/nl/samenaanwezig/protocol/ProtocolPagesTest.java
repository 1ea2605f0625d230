package nl.samenaanwezig.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenaanwezig.attendance.Lesson;
import nl.samenaanwezig.attendance.LessonRegister;
import nl.samenaanwezig.attendance.Mark;
import nl.samenaanwezig.attendance.MarkCategory;
import nl.samenaanwezig.lti.LtiClaims;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The protocol pages over HTTP after real launches: the class page's badges, the list of who needs
 * a step, the student detail with acknowledgements, the DUO evidence as page and CSV, the student's
 * own page, the administrator's list and settings, and who may open what.
 */
class ProtocolPagesTest {
  static ToolServer tool;
  static TestPlatform platform;
  static Browser mentor;
  static long courseId;
  static long fenna;
  static long sam;
  static long noor;
  static long lotte;
  static LocalDate d0;
  static LocalDate d1;
  static LocalDate d2;

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
    platform = TestPlatform.start().registerWith(tool);
    Browser student = new Browser();
    student.follow(platform.launch().asStudent().run(student));
    launchStudent("student-2", "Sam", "de Vries");
    launchStudent("student-3", "Noor", "Bakker");
    launchStudent("student-4", "Lotte", "Jansen");
    mentor = new Browser();
    String classPath = mentor.follow(platform.launch().asMentor().run(mentor)).uri().getPath();
    courseId = Long.parseLong(classPath.substring("/class/".length()));
    fenna = tool.count("SELECT id FROM person WHERE subject = 'student-1'");
    sam = tool.count("SELECT id FROM person WHERE subject = 'student-2'");
    noor = tool.count("SELECT id FROM person WHERE subject = 'student-3'");
    lotte = tool.count("SELECT id FROM person WHERE subject = 'student-4'");
    // The last three school days up to today (weekdays; the test school has no holidays).
    d2 = LocalDate.now(Signals.SCHOOL_ZONE);
    while (d2.getDayOfWeek() == DayOfWeek.SATURDAY || d2.getDayOfWeek() == DayOfWeek.SUNDAY) {
      d2 = d2.minusDays(1);
    }
    d1 = previousSchoolDay(d2);
    d0 = previousSchoolDay(d1);
    LessonRegister register = new LessonRegister(tool.db(), java.time.Clock.systemUTC());
    // Each test that changes a student has its own: Sam is only refused, Lotte reported, Noor
    // reclassified.
    // Everyone misses two whole days without an excuse: 16 hours, the DUO limit.
    for (LocalDate d : List.of(d1, d2)) {
      Map<Long, Mark.Entry> marks = new HashMap<>();
      for (long p : List.of(fenna, sam, noor, lotte)) {
        marks.put(p, new Mark.Entry(MarkCategory.UNEXCUSED, 0));
      }
      save(register, d, LocalTime.of(8, 0), 480, marks);
    }
    // Fenna is also late three times: the first step of the lateness ladder.
    for (LocalDate d : List.of(d0, d1, d2)) {
      save(
          register,
          d,
          LocalTime.of(17, 0),
          60,
          Map.of(fenna, new Mark.Entry(MarkCategory.LATE, 5)));
    }
  }

  @AfterAll
  static void stop() {
    platform.close();
    tool.close();
  }

  private static void launchStudent(String sub, String given, String family) {
    Browser b = new Browser();
    b.follow(platform.launch().person(sub, given, family, List.of(Role.Lis.LEARNER.uri())).run(b));
  }

  private static LocalDate previousSchoolDay(LocalDate day) {
    LocalDate d = day.minusDays(1);
    while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
      d = d.minusDays(1);
    }
    return d;
  }

  private static void save(
      LessonRegister register,
      LocalDate day,
      LocalTime start,
      int minutes,
      Map<Long, Mark.Entry> marks) {
    Lesson lesson =
        register.lesson(
            courseId,
            new LessonRegister.LessonSpec(
                day,
                start,
                start.plusMinutes(minutes),
                null,
                null,
                Lesson.Source.API,
                day + "-" + start));
    register.save(lesson.id(), marks, null, Lesson.Source.API);
  }

  /** A date as the pages write it in Dutch: 7 december 2026. */
  private static String longDate(LocalDate d) {
    return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
        .withLocale(java.util.Locale.forLanguageTag("nl"))
        .format(d);
  }

  private static String url(String path) {
    return tool.baseUrl() + path;
  }

  private static String student(long personId) {
    return "/class/" + courseId + "/students/" + personId;
  }

  private static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
    assertTrue(m.find(), "a form with a CSRF token");
    return m.group(1);
  }

  private static HttpResponse<String> post(
      Browser b, String page, String path, Map<String, String> fields) {
    Map<String, String> form = new LinkedHashMap<>(fields);
    form.put("csrf", csrf(b.get(url(page)).body()));
    return b.postForm(url(path), form);
  }

  private static Browser launchedAs(String sub, String given, String family, String roleUri) {
    Browser b = new Browser();
    b.follow(platform.launch().person(sub, given, family, List.of(roleUri)).run(b));
    return b;
  }

  @Test
  void classPageShowsSignalBadgesAndLinksEachStudent() {
    String html = mentor.get(url("/class/" + courseId)).body();
    assertTrue(html.contains("<th scope=\"col\">Signalen</th>"), html);
    assertTrue(html.contains("DUO-melding voorbereiden"));
    assertTrue(html.contains("3 keer te laat: gesprek met de mentor"));
    assertTrue(html.contains("href=\"" + student(fenna) + "\""));
    assertTrue(html.contains("href=\"/class/" + courseId + "/signals\""));
  }

  @Test
  void theListOfWhoNeedsAStepPutsTheDuoReportFirst() {
    HttpResponse<String> page = mentor.get(url("/class/" + courseId + "/signals"));
    assertEquals(200, page.statusCode());
    String html = page.body();
    assertTrue(html.contains("<h1>Wie heeft vandaag een stap nodig?</h1>"), html);
    assertTrue(html.contains("Melden uiterlijk op"));
    int duo = html.indexOf("DUO-melding voorbereiden");
    int late = html.indexOf("3 keer te laat: gesprek met de mentor");
    assertTrue(duo > 0 && late > duo, "DUO before lateness");
    assertTrue(html.contains("Bel de student en vraag hoe het gaat."));
    assertTrue(html.contains("verzuimcoördinator"));
  }

  @Test
  void theStudentDetailShowsTheYearWeekByWeekAndEachStepWithItsReason() {
    HttpResponse<String> page = mentor.get(url(student(fenna)));
    assertEquals(200, page.statusCode());
    String html = page.body();
    assertTrue(html.contains("Week voor week"), html);
    assertTrue(html.contains("08:00–16:00"));
    assertTrue(html.contains("ongeoorloofd afwezig"));
    assertTrue(html.contains("te laat (5 min.)"));
    assertTrue(html.contains("De wet vraagt dit."));
    assertTrue(html.contains("Een gesprek op tijd voorkomt erger."));
    assertTrue(html.contains("name=\"reportedOn\""));
  }

  @Test
  void theDuoEvidenceSaysTheToolSendsNothingAndCanBePrinted() {
    String html = mentor.get(url(student(fenna) + "/duo")).body();
    assertTrue(html.contains("Samen Aanwezig stuurt niets naar DUO."), html);
    assertTrue(html.contains("Melden uiterlijk op"));
    assertTrue(html.contains("16,3 uur in 5 lessen"));
    assertTrue(html.contains("data-print"));
  }

  @Test
  void theDuoCsvListsEveryUnexcusedLessonForExcel() {
    HttpResponse<String> csv = mentor.get(url(student(fenna) + "/duo/csv"));
    assertEquals(200, csv.statusCode());
    assertEquals(
        "text/csv;charset=UTF-8",
        csv.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
    assertTrue(
        csv.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment;"));
    assertEquals(
        List.of(
            "\uFEFFDatum;Begin;Einde;Cursus;Categorie;Minuten ongeoorloofd;Uren ongeoorloofd",
            d0 + ";17:00;18:00;Wiskunde 2B;te laat;5;0,1",
            d1 + ";08:00;16:00;Wiskunde 2B;ongeoorloofd afwezig;480;8,0",
            d1 + ";17:00;18:00;Wiskunde 2B;te laat;5;0,1",
            d2 + ";08:00;16:00;Wiskunde 2B;ongeoorloofd afwezig;480;8,0",
            d2 + ";17:00;18:00;Wiskunde 2B;te laat;5;0,1",
            "Totaal;;;;;975;16,3"),
        List.of(csv.body().split("\r\n")));
  }

  @Test
  void aStudentOpensNoneOfTheMentorsPages() {
    Browser b = new Browser();
    b.follow(platform.launch().asStudent().run(b));
    for (String path :
        List.of(
            student(fenna),
            student(fenna) + "/duo",
            student(fenna) + "/duo/csv",
            "/class/" + courseId + "/signals",
            "/admin/signals")) {
      HttpResponse<String> refused = b.get(url(path));
      assertEquals(404, refused.statusCode(), path);
      assertTrue(
          refused.body().contains("Deze pagina bestaat niet, of je hebt er geen toegang toe."));
    }
  }

  @Test
  void aMentorOfAnotherCourseGetsNotFound() {
    Browser other = new Browser();
    HttpResponse<String> landed =
        other.follow(
            platform
                .launch()
                .person("mentor-2", "Ans", "Visser", List.of(Role.Lis.INSTRUCTOR.uri()))
                .claim(
                    LtiClaims.CONTEXT,
                    Map.of("id", "course-2", "label", "NL-1", "title", "Nederlands 1"))
                .run(other));
    String ownClass = landed.uri().getPath();
    assertEquals(404, other.get(url(student(fenna))).statusCode());
    assertEquals(404, other.get(url(student(fenna) + "/duo/csv")).statusCode());
    // In their own course Fenna is no student: the same answer.
    assertEquals(404, other.get(url(ownClass + "/students/" + fenna)).statusCode());
  }

  @Test
  void aMentorIsNoStudentOfTheirCourse() {
    long mentorId = tool.count("SELECT id FROM person WHERE subject = 'mentor-1'");
    assertEquals(404, mentor.get(url(student(mentorId))).statusCode());
  }

  @Test
  void aDuoReportWithoutItsDayIsRefusedAndNothingStored() {
    long before = tool.count("SELECT COUNT(*) FROM signal_ack");
    HttpResponse<String> refused =
        post(
            mentor,
            student(sam),
            student(sam) + "/ack",
            Map.of("rule", "DUO", "level", "1", "reportedOn", "", "note", "gemeld"));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("Vul de datum in waarop de melding is gedaan."));
    assertEquals(before, tool.count("SELECT COUNT(*) FROM signal_ack"));
  }

  @Test
  void aDuoReportDatedBeforeTheLimitWasReachedIsRefused() {
    HttpResponse<String> refused =
        post(
            mentor,
            student(sam),
            student(sam) + "/ack",
            Map.of("rule", "DUO", "level", "1", "reportedOn", d2.minusDays(7).toString()));
    assertEquals(400, refused.statusCode());
    assertTrue(
        refused
            .body()
            .contains(
                "De melding kan niet eerder gedaan zijn dan de dag waarop de grens werd bereikt"));
    assertEquals(
        0,
        tool.count(
            "SELECT COUNT(*) FROM signal_ack WHERE reported_on < ?", java.sql.Date.valueOf(d2)));
  }

  @Test
  void aDuoReportDatedInTheFutureIsRefused() {
    HttpResponse<String> refused =
        post(
            mentor,
            student(sam),
            student(sam) + "/ack",
            Map.of(
                "rule",
                "DUO",
                "level",
                "1",
                "reportedOn",
                LocalDate.now(Signals.SCHOOL_ZONE).plusDays(1).toString()));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("De datum van de melding kan niet in de toekomst liggen."));
  }

  @Test
  void acknowledgingAStepThatIsNotOpenIsRefused() {
    HttpResponse<String> refused =
        post(
            mentor,
            student(sam),
            student(sam) + "/ack",
            Map.of("rule", "LATENESS", "level", "2", "note", ""));
    assertEquals(409, refused.statusCode());
    assertTrue(refused.body().contains("Dit signaal is er niet meer of is intussen veranderd."));
  }

  @Test
  void aDuoReportRestartsCountingAndShowsAsHandled() {
    HttpResponse<String> done =
        post(
            mentor,
            student(lotte),
            student(lotte) + "/ack",
            Map.of(
                "rule",
                "DUO",
                "level",
                "1",
                "reportedOn",
                d2.toString(),
                "note",
                "Gemeld via de administratie"));
    assertEquals(303, done.statusCode(), done.body());
    String html = mentor.follow(done).body();
    assertTrue(html.contains("Het signaal is afgehandeld."), html);
    assertTrue(html.contains("Melding gedaan op"));
    assertTrue(html.contains("Gemeld via de administratie"));
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM signal_ack WHERE person_id = ? AND rule = 'DUO'"
                + " AND reported_on = ?",
            lotte,
            java.sql.Date.valueOf(d2)));
    String list = mentor.get(url("/class/" + courseId + "/signals")).body();
    int handled = list.indexOf("Al afgehandeld");
    assertTrue(handled > 0 && list.indexOf("Lotte Jansen", handled) > handled, list);
  }

  @Test
  void aMentorRecordsThatTheDuoRuleDoesNotApply() {
    HttpResponse<String> bad =
        post(mentor, student(noor), student(noor) + "/duty", Map.of("duty", "OLD"));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("Kies een van de mogelijkheden."));
    HttpResponse<String> saved =
        post(mentor, student(noor), student(noor) + "/duty", Map.of("duty", "NONE"));
    assertEquals(303, saved.statusCode());
    String html = mentor.follow(saved).body();
    assertTrue(html.contains("Er zijn nu geen signalen voor deze student."), html);
    assertTrue(html.contains("value=\"NONE\" checked"));
  }

  @Test
  void theAdministratorSeesTheWholeInstitution() {
    Browser admin = new Browser();
    admin.follow(platform.launch().asAdmin().run(admin));
    HttpResponse<String> page = admin.get(url("/admin/signals"));
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Fenna Kok"), page.body());
    assertTrue(page.body().contains("Wiskunde 2B"));
    assertTrue(page.body().contains("DUO-melding voorbereiden"));
    assertEquals(404, mentor.get(url("/admin/signals")).statusCode());
  }

  @Test
  void theAdministratorNarrowsTheListByRuleAndByClass() {
    Browser admin = new Browser();
    admin.follow(platform.launch().asAdmin().run(admin));
    String all = admin.get(url("/admin/signals")).body();
    assertTrue(all.contains("<option value=\"LATENESS\">Te laat komen (ladder) (1)</option>"), all);
    assertTrue(all.contains("<label for=\"rule\">Regel</label>"), all);
    assertTrue(all.contains("Wiskunde 2B ("), all);

    String late = admin.get(url("/admin/signals?rule=LATENESS")).body();
    assertTrue(late.contains("Fenna Kok"), late);
    assertFalse(late.contains("Sam de Vries"), "Sam is not on the lateness ladder");
    assertTrue(late.contains("Signaal 1 tot en met 1 van 1"), late);
    assertTrue(
        late.contains("<option value=\"LATENESS\" selected=\"selected\">"), "the choice stays");

    String inClass = admin.get(url("/admin/signals?course=" + courseId)).body();
    assertTrue(inClass.contains("Sam de Vries"), inClass);

    assertTrue(late.contains("href=\"/admin/signals/csv?rule=LATENESS\""), late);
    HttpResponse<String> csv = admin.get(url("/admin/signals/csv?rule=LATENESS"));
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(
        csv.headers().firstValue("Content-Disposition").orElse("").contains("signalen-"),
        csv.headers().toString());
    List<String> lines = csv.body().lines().toList();
    assertEquals(
        "\uFEFFStudent;Klas;Regel;Stap;Status;Sinds;Uiterlijk;Waarom;Al afgehandeld", lines.get(0));
    assertEquals(2, lines.size(), csv.body());
    assertTrue(
        lines.get(1).startsWith("Fenna Kok;Wiskunde 2B;Te laat komen (ladder);"), lines.get(1));
    assertTrue(lines.get(1).contains(";open;"), lines.get(1));
    assertEquals(400, admin.get(url("/admin/signals/csv?rule=NOPE")).statusCode());
    assertEquals(404, mentor.get(url("/admin/signals/csv")).statusCode());

    for (String bad : List.of("rule=NOPE", "course=abc", "page=0", "course=999999")) {
      HttpResponse<String> refused = admin.get(url("/admin/signals?" + bad));
      assertEquals(400, refused.statusCode(), bad);
      assertTrue(
          refused.body().contains("Deze keuze bestaat niet. Kies een regel en een klas uit de"),
          refused.body());
    }
  }

  @Test
  void twoWholeDaysAwayAskForACallHomeInEveryList() {
    String classList = mentor.get(url("/class/" + courseId + "/signals")).body();
    assertTrue(
        classList.contains("2 dagen afwezig zonder reden: vandaag naar huis bellen"), classList);
    assertTrue(classList.contains("Bel vandaag nog de ouders of verzorgers"), classList);
    Browser admin = new Browser();
    admin.follow(platform.launch().asAdmin().run(admin));
    String filtered = admin.get(url("/admin/signals?rule=ABSENT_DAYS")).body();
    assertTrue(filtered.contains("<option value=\"ABSENT_DAYS\" selected=\"selected\">"), filtered);
    assertTrue(filtered.contains("Sam de Vries"), filtered);
    assertFalse(filtered.contains("Fenna Kok"), "Fenna came on both days, though late");
    List<String> csv =
        admin.get(url("/admin/signals/csv?rule=ABSENT_DAYS")).body().lines().toList();
    assertTrue(
        csv.contains(
            "Sam de Vries;Wiskunde 2B;Dagen achter elkaar afwezig: naar huis bellen;"
                + "2 dagen afwezig zonder reden: vandaag naar huis bellen;open;"
                + d2
                + ";"
                + d2
                + ";2 schooldagen achter elkaar afwezig zonder geldige reden: van "
                + longDate(d1)
                + " tot en met "
                + longDate(d2)
                + ".;"),
        String.join("\n", csv));
    String own =
        launchedAs("student-2", "Sam", "de Vries", Role.Lis.LEARNER.uri()).get(url("/me")).body();
    assertTrue(own.contains("Dan belt je mentor nog dezelfde dag naar huis."), own);
  }

  @Test
  void theAdministratorChangesTheProtocolAndWrongValuesAreRefused() {
    Browser admin = new Browser();
    admin.follow(platform.launch().asAdmin().run(admin));
    String settings = admin.get(url("/admin")).body();
    assertTrue(settings.contains("action=\"/admin/protocol/LATENESS\""), settings);
    HttpResponse<String> ladder =
        post(
            admin,
            "/admin",
            "/admin/protocol/LATENESS",
            Map.of(
                "enabled", "on",
                "value-step1", "3",
                "value-step2", "2",
                "value-step3", "9",
                "value-step4", "12"));
    assertEquals(400, ladder.statusCode());
    assertTrue(
        ladder
            .body()
            .contains("Elke stap van de ladder moet een hoger aantal hebben dan de stap ervoor."));
    HttpResponse<String> word =
        post(
            admin,
            "/admin",
            "/admin/protocol/DUO",
            Map.of(
                "enabled",
                "on",
                "value-hours",
                "zestien",
                "value-weeks",
                "4",
                "value-dueDays",
                "5"));
    assertEquals(400, word.statusCode());
    assertTrue(word.body().contains("Aantal uur ongeoorloofd afwezig: vul een heel getal in."));
    assertEquals(0, tool.count("SELECT COUNT(*) FROM protocol_setting"));
    HttpResponse<String> saved =
        post(admin, "/admin", "/admin/protocol/RMC", Map.of("enabled", "on", "value-weeks", "5"));
    assertEquals(303, saved.statusCode());
    assertTrue(admin.follow(saved).body().contains("Het verzuimprotocol is opgeslagen."));
    assertEquals(5, tool.count("SELECT value_1 FROM protocol_setting WHERE rule = 'RMC'"));
    assertEquals(
        404,
        post(mentor, "/class/" + courseId, "/admin/protocol/RMC", Map.of("value-weeks", "6"))
            .statusCode());
  }

  @Test
  void aStudentSeesOwnPresenceAndTheRulesInPlainWords() {
    Browser b = new Browser();
    b.follow(platform.launch().asStudent().run(b));
    String html = b.get(url("/me")).body();
    assertTrue(html.contains("Je was de afgelopen 4 schoolweken"), html);
    assertTrue(html.contains("3 keer te laat"));
    assertTrue(html.contains("De afspraken van school"));
    assertTrue(html.contains("3 keer te laat: je mentor praat met je."));
    assertFalse(html.contains("Sam de Vries"));
  }
}
