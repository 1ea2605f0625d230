package nl.samenaanwezig.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.attendance.Lesson;
import nl.samenaanwezig.attendance.LessonRegister;
import nl.samenaanwezig.attendance.Mark;
import nl.samenaanwezig.attendance.MarkCategory;
import nl.samenaanwezig.buddies.Buddies;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ClassPages;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The class page's "Deel goed nieuws" over real HTTP, with crafted attendance: four lessons in the
 * four school weeks before and four in the last four (no holidays, so every week is a school week).
 */
class GoodNewsTest {
  static ToolServer tool;
  static TestPlatform platform;
  static Browser mentor;
  static long courseId;
  static LessonRegister register;

  /** Days back from today inside the last four school weeks (the week of today and three more). */
  static final List<Integer> RECENT = List.of(1, 6, 12, 19);

  /** Days back from today inside the four school weeks before those. */
  static final List<Integer> BEFORE = List.of(30, 35, 41, 47);

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
    platform = TestPlatform.start().registerWith(tool);
    mentor = Buddies.mentor(platform, "m-good", "Jeroen", "Smits");
    courseId = tool.count("SELECT id FROM course WHERE context_id = 'course-1'");
    register = new LessonRegister(tool.db(), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    platform.close();
    tool.close();
  }

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Europe/Amsterdam"));
  }

  static long personId(String sub) {
    return tool.count("SELECT id FROM person WHERE subject = ?", sub);
  }

  /** One lesson of an hour per day back, with these marks per student. */
  static void lessons(List<Integer> daysBack, Map<Long, List<MarkCategory>> marks) {
    for (int i = 0; i < daysBack.size(); i++) {
      LocalDate day = today().minusDays(daysBack.get(i));
      Lesson lesson =
          register.lesson(
              courseId,
              new LessonRegister.LessonSpec(
                  day,
                  LocalTime.of(9, 0),
                  LocalTime.of(10, 0),
                  null,
                  null,
                  Lesson.Source.API,
                  "good-" + day));
      Map<Long, Mark.Entry> entries = new HashMap<>();
      for (Map.Entry<Long, List<MarkCategory>> e : marks.entrySet()) {
        entries.put(e.getKey(), new Mark.Entry(e.getValue().get(i), 0));
      }
      register.save(lesson.id(), entries, personId("m-good"), Lesson.Source.API);
    }
  }

  static final MarkCategory P = MarkCategory.PRESENT;
  static final MarkCategory A = MarkCategory.UNEXCUSED;

  static String section(String html) {
    int start = html.indexOf("id=\"good-news-heading\"");
    assertTrue(start > 0, "no good-news section in " + html);
    return html.substring(start, html.indexOf("</section>", start));
  }

  @Test
  void risingPresenceIsNudgedViaAnAllowedBuddyOrTheStudentAndFallingIsNot() {
    // Noor (15) rose from 50% to 100%; her mother may be told about attendance.
    Browser noor = Buddies.student(platform, "s-noor", "Noor", "Rijzen");
    Buddies.enterBirthDate(noor, tool, today().minusYears(15).toString());
    long noorsMother = Buddies.add(noor, tool, Map.of("name", "Hanna Rijzen"));
    // Ravi (19) rose too, but gave no consent for his mother: tell Ravi himself.
    Browser ravi = Buddies.student(platform, "s-ravi", "Ravi", "Stijg");
    Buddies.enterBirthDate(ravi, tool, today().minusYears(19).toString());
    Buddies.add(ravi, tool, Map.of("name", "Asha Stijg"));
    // Bas fell from 100% to 50%; Eva is always there and never heard good news.
    Buddies.student(platform, "s-bas", "Bas", "Daal");
    Buddies.student(platform, "s-eva", "Eva", "Goed");
    Map<Long, List<MarkCategory>> before = new LinkedHashMap<>();
    before.put(personId("s-noor"), List.of(P, A, A, P));
    before.put(personId("s-ravi"), List.of(A, P, A, P));
    before.put(personId("s-bas"), List.of(P, P, P, P));
    before.put(personId("s-eva"), List.of(P, P, P, P));
    lessons(BEFORE, before);
    Map<Long, List<MarkCategory>> recent = new LinkedHashMap<>();
    recent.put(personId("s-noor"), List.of(P, P, P, P));
    recent.put(personId("s-ravi"), List.of(P, P, P, A));
    recent.put(personId("s-bas"), List.of(A, P, A, P));
    recent.put(personId("s-eva"), List.of(P, P, P, P));
    lessons(RECENT, recent);

    HttpResponse<String> page = mentor.get(tool.baseUrl() + "/class/" + courseId);
    assertEquals(200, page.statusCode(), page.body());
    String nudges = section(page.body());
    assertTrue(nudges.contains("Deel goed nieuws"), nudges);
    assertTrue(
        nudges.contains(
            "Noor Rijzen</strong>: <span>de laatste 4 schoolweken 100% aanwezig,"
                + " de 4 weken daarvoor 50%.</span>"),
        nudges);
    String buddiesUrl = "/class/" + courseId + "/students/" + personId("s-noor") + "/buddies";
    assertTrue(
        nudges.contains(
            "href=\""
                + buddiesUrl
                + "?with="
                + noorsMother
                + "&amp;kind=GOOD_NEWS&amp;topic=ATTENDANCE#new-contact\">"
                + "Deel het goede nieuws over Noor Rijzen met een buddy</a>"),
        nudges);
    assertTrue(nudges.contains("de laatste 4 schoolweken 75% aanwezig, de 4 weken daarvoor 50%."));
    assertTrue(
        nudges.contains(
            "?with=student&amp;kind=GOOD_NEWS&amp;topic=ATTENDANCE#new-contact\">"
                + "Vertel het Ravi Stijg zelf</a>"),
        nudges);
    assertTrue(
        nudges.contains("Je mag nu geen buddy hierover benaderen. Vertel het de student zelf"),
        nudges);
    assertFalse(nudges.contains("Bas Daal"), "presence fell: " + nudges);
    assertTrue(
        nudges.contains(
            "Eva Goed</strong>: <span>de laatste 4 schoolweken 100% aanwezig; er is nog nooit"
                + " goed nieuws gedeeld.</span>"),
        nudges);
    assertTrue(
        nudges.indexOf("Noor Rijzen") < nudges.indexOf("Ravi Stijg")
            && nudges.indexOf("Ravi Stijg") < nudges.indexOf("Eva Goed"),
        "the biggest rise first, then who does well: " + nudges);

    // The link opens the contact form preset to good news with Noor's mother about attendance.
    String form =
        mentor
            .get(
                tool.baseUrl()
                    + buddiesUrl
                    + "?with="
                    + noorsMother
                    + "&kind=GOOD_NEWS&topic=ATTENDANCE")
            .body();
    assertTrue(
        form.contains("<option value=\"" + noorsMother + "\" selected=\"selected\">Hanna Rijzen"),
        form);
    assertTrue(form.contains("value=\"GOOD_NEWS\" checked=\"checked\""), form);
    assertTrue(form.contains("<option value=\"ATTENDANCE\" selected=\"selected\">"), form);

    // Once the good news is logged, Noor leaves the list.
    Map<String, String> call = new LinkedHashMap<>();
    call.put("csrf", ClassPages.csrf(mentor.get(tool.baseUrl() + buddiesUrl)));
    call.put("with", String.valueOf(noorsMother));
    call.put("topic", "ATTENDANCE");
    call.put("channel", "CALL");
    call.put("kind", "GOOD_NEWS");
    call.put("date", today().toString());
    call.put("summary", "Hanna gebeld: Noor is er elke les.");
    assertEquals(
        303, mentor.postForm(tool.baseUrl() + buddiesUrl + "/contacts", call).statusCode());
    String after = section(mentor.get(tool.baseUrl() + "/class/" + courseId).body());
    assertFalse(after.contains("Noor Rijzen"), after);
    assertTrue(after.contains("Ravi Stijg"), after);
  }

  @Test
  void theClassPagesBuddyColumnIsAuditedPerStudentWithBuddiesNamingTheCourse() {
    Browser tim = Buddies.student(platform, "s-tim", "Tim", "Bos");
    Buddies.add(tim, tool, Map.of("name", "Els Bos"));
    Buddies.student(platform, "s-alone", "Sem", "Alleen");
    long mentorId = personId("m-good");
    String audited =
        "SELECT COUNT(*) FROM audit_event WHERE student_id = ? AND actor_id = ?"
            + " AND actor_role = 'MENTOR' AND operation = 'READ' AND data_kind = 'BUDDY_SUMMARY'"
            + " AND object_id = ?";
    long before = tool.count(audited, personId("s-tim"), mentorId, courseId);
    assertEquals(200, mentor.get(tool.baseUrl() + "/class/" + courseId).statusCode());
    assertEquals(before + 1, tool.count(audited, personId("s-tim"), mentorId, courseId));
    assertEquals(
        0,
        tool.count("SELECT COUNT(*) FROM audit_event WHERE student_id = ?", personId("s-alone")),
        "no buddies, nothing shown, nothing to audit");
  }
}
