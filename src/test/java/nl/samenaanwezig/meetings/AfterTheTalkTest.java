package nl.samenaanwezig.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.lti.LtiClaims;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.testing.AgsEndpoints;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ClassPages;
import nl.samenaanwezig.testing.PlatformServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * After the talk: the outcome (held goes to the gradebook where the institution wants it, in the
 * background), notes shared with the student or confidential with audited reads, agreements with
 * owner and date on the student's page, and the count towards about five progress talks a year.
 */
class AfterTheTalkTest {
  static MeetingWorld world;
  static AgsEndpoints ags;

  @BeforeAll
  static void start() {
    world = MeetingWorld.start();
    PlatformServices services = PlatformServices.attach(world.platform);
    ags = AgsEndpoints.attach(world.platform, services, "course-1");
    Browser admin = new Browser();
    HttpResponse<String> adminPage = admin.follow(world.platform.launch().asAdmin().run(admin));
    HttpResponse<String> on =
        admin.postForm(
            world.url("/admin/grades"),
            Map.of("csrf", ClassPages.csrf(adminPage), "meetingGrades", "on"));
    assertEquals(303, on.statusCode(), on.body());
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  /** A student (launched with the grade service) with a progress talk that started 2 hours ago. */
  record Talk(Browser student, long studentId, long meeting, String page) {}

  static Talk heldEarlier(String sub, String from) {
    Browser student = new Browser();
    student.follow(
        world
            .platform
            .launch()
            .person(sub, "Jesse", "de Boer", List.of(Role.Lis.LEARNER.uri()))
            .claim(LtiClaims.AGS, ags.claim(AgsEndpoints.ALL_SCOPES))
            .run(student));
    world.addSlots(Map.of("from", from));
    long slot =
        world.slotAt(
            MeetingWorld.mondayInTwoWeeks().atTime(Integer.parseInt(from.substring(0, 2)), 0));
    long meeting = world.plan(world.personId(sub), "VOORTGANG", slot);
    String page = world.url("/class/" + world.courseId + "/meetings/" + meeting);
    HttpResponse<String> tooEarly = post(page + "/outcome", Map.of("status", "HELD"));
    assertEquals(400, tooEarly.statusCode());
    assertTrue(tooEarly.body().contains("Een uitkomst leg je vast na de geplande tijd."));
    Instant start = Instant.now().minus(Duration.ofHours(2));
    world.sql(
        "UPDATE meeting_slot SET starts_at = ?, ends_at = ? WHERE id = ?",
        Timestamp.from(start),
        Timestamp.from(start.plus(Duration.ofMinutes(20))),
        slot);
    return new Talk(student, world.personId(sub), meeting, page);
  }

  static HttpResponse<String> post(String url, Map<String, String> fields) {
    Map<String, String> form = new java.util.HashMap<>(fields);
    form.put("csrf", ClassPages.csrf(world.mentor.get(world.planner())));
    return world.mentor.postForm(url, form);
  }

  @Test
  void aHeldTalkIsRecordedAndReachesTheGradebook() {
    Talk t = heldEarlier("s-held", "09:00");
    String next = MeetingWorld.today().plusWeeks(8).toString();
    HttpResponse<String> held =
        post(t.page() + "/outcome", Map.of("status", "HELD", "nextEvaluation", next));
    assertEquals(303, held.statusCode(), held.body());
    assertEquals(
        1,
        world.tool.count(
            "SELECT COUNT(*) FROM meeting WHERE id = ? AND status = 'HELD'", t.meeting()));
    Instant giveUp = Instant.now().plusSeconds(60);
    while (ags.score(1, "s-held") == null && Instant.now().isBefore(giveUp)) {
      MeetingWorld.pause();
    }
    assertEquals(1.0, ((Number) ags.score(1, "s-held").get("scoreGiven")).doubleValue());
    String mine =
        world
            .mentor
            .get(world.url("/class/" + world.courseId + "/students/" + t.studentId() + "/meetings"))
            .body();
    assertTrue(
        mine.contains(
            "Dit schooljaar 1 voortgangsgesprek gevoerd. Richtlijn: ongeveer 5 per jaar."),
        mine);
    assertTrue(
        t.student()
            .get(world.url("/me/meetings"))
            .body()
            .contains("Volgende keer kijken we terug"));
  }

  @Test
  void anOutcomeMustBeOneOfTheThree() {
    Talk t = heldEarlier("s-status", "10:00");
    HttpResponse<String> refused = post(t.page() + "/outcome", Map.of("status", "PLANNED"));
    assertEquals(400, refused.statusCode());
    assertTrue(
        refused
            .body()
            .contains(
                "Kies of het gesprek is gevoerd, niet is doorgegaan, of dat er niemand kwam."));
    assertEquals(
        1,
        world.tool.count(
            "SELECT COUNT(*) FROM meeting WHERE id = ? AND status = 'PLANNED'", t.meeting()));
  }

  @Test
  void theStudentSeesSharedNotesAndAgreementsButNeverConfidentialOnes() {
    Talk t = heldEarlier("s-notes", "11:00");
    post(t.page() + "/outcome", Map.of("status", "HELD"));
    assertEquals(
        303,
        post(
                t.page() + "/notes",
                Map.of("visibility", "SHARED", "body", "Goed gesprek over de planning."))
            .statusCode());
    assertEquals(
        303,
        post(
                t.page() + "/notes",
                Map.of(
                    "visibility", "CONFIDENTIAL", "body", "Thuis speelt iets; zorgteam ingelicht."))
            .statusCode());
    String due = MeetingWorld.today().plusWeeks(2).toString();
    assertEquals(
        303,
        post(
                t.page() + "/agreements",
                Map.of(
                    "body",
                    "Elke maandag de weekplanning doornemen",
                    "owner",
                    "STUDENT",
                    "due",
                    due))
            .statusCode());

    String mine = t.student().get(world.url("/me/meetings")).body();
    assertTrue(mine.contains("Goed gesprek over de planning."), mine);
    assertTrue(mine.contains("Elke maandag de weekplanning doornemen"), mine);
    assertTrue(mine.contains("wie: Student"), mine);
    assertFalse(mine.contains("Thuis speelt iets"), "confidential stays with staff");

    long noteId =
        world.tool.count(
            "SELECT id FROM meeting_note WHERE meeting_id = ? AND visibility = 'CONFIDENTIAL'",
            t.meeting());
    long reads = confidentialReads(noteId);
    String staff = world.mentor.get(t.page()).body();
    assertTrue(staff.contains("Thuis speelt iets; zorgteam ingelicht."), staff);
    assertEquals(
        reads + 1, confidentialReads(noteId), "every read of a confidential note is audited");
    long sharedId =
        world.tool.count(
            "SELECT id FROM meeting_note WHERE meeting_id = ? AND visibility = 'SHARED'",
            t.meeting());
    assertTrue(confidentialReads(sharedId) >= 1, "staff reads of shared notes are audited too");
    assertEquals(
        2,
        world.tool.count(
            "SELECT COUNT(*) FROM audit_event WHERE operation = 'CREATE'"
                + " AND data_kind = 'MEETING_NOTE' AND student_id = ?",
            t.studentId()));
    assertEquals(
        0,
        world.tool.count("SELECT COUNT(*) FROM audit_event WHERE data_kind = 'CONTACT'"),
        "notes of a talk are not contacts");
  }

  @Test
  void aNoteWithoutTextIsRefusedAndNothingIsStored() {
    Talk t = heldEarlier("s-empty", "12:00");
    HttpResponse<String> refused =
        post(t.page() + "/notes", Map.of("visibility", "SHARED", "body", "  "));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("Schrijf een aantekening van hoogstens 2000 tekens."));
    assertEquals(
        0, world.tool.count("SELECT COUNT(*) FROM meeting_note WHERE meeting_id = ?", t.meeting()));
  }

  private static long confidentialReads(long noteId) {
    return world.tool.count(
        "SELECT COUNT(*) FROM audit_event WHERE operation = 'READ' AND data_kind = 'MEETING_NOTE'"
            + " AND object_id = ? AND actor_role = 'MENTOR'",
        noteId);
  }
}
