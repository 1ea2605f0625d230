package nl.samenaanwezig.privacy.rights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import nl.samenaanwezig.buddies.Buddies;
import nl.samenaanwezig.privacy.AuditLog;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The retention job on the tool's database: students are registered over HTTP, leave their course
 * (the roster deactivates them), and the job runs on a clock set months ahead.
 */
class RetentionTest {
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

  static long personId(String sub) {
    return tool.count("SELECT id FROM person WHERE subject = ?", sub);
  }

  static long studentWithBuddy(String sub) {
    Browser student = Buddies.student(platform, sub, "Sem", "Mulder");
    Buddies.add(student, tool, Map.of());
    return personId(sub);
  }

  static void leaves(long id) {
    tool.db()
        .run(
            em ->
                em.createNativeQuery("UPDATE member SET active = FALSE WHERE person_id = ?")
                    .setParameter(1, id)
                    .executeUpdate());
  }

  static Retention retentionAt(Instant now) {
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    return new Retention(
        tool.db(), new Erasure(tool.db(), new AuditLog(tool.db(), clock), clock), clock, 12);
  }

  @Test
  void aStudentIsErasedTwelveMonthsAfterLeavingAndNotBefore() {
    long gone = studentWithBuddy("r-gone");
    long staying = studentWithBuddy("r-staying");
    leaves(gone);
    Instant now = Instant.now();
    retentionAt(now).run();
    assertEquals(1, tool.count("SELECT COUNT(*) FROM retention_watch WHERE person_id = ?", gone));
    assertEquals(
        0, tool.count("SELECT COUNT(*) FROM retention_watch WHERE person_id = ?", staying));

    retentionAt(now.plus(Duration.ofDays(300))).run();
    assertEquals(
        1, tool.count("SELECT COUNT(*) FROM buddy WHERE student_id = ?", gone), "too soon");

    retentionAt(now.plus(Duration.ofDays(370))).run();
    assertEquals(0, tool.count("SELECT COUNT(*) FROM buddy WHERE student_id = ?", gone));
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM person WHERE id = ? AND name IS NULL AND subject LIKE 'erased:%'",
            gone));
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM audit_event WHERE student_id = ? AND operation = 'DELETE'"
                + " AND data_kind = 'STUDENT' AND actor_role = 'SYSTEM' AND actor_id IS NULL",
            gone));
    assertEquals(
        1,
        tool.count(
            "SELECT COUNT(*) FROM audit_event WHERE student_id = ? AND data_kind = 'BUDDY'", gone),
        "the audit log keeps what happened before");
    assertEquals(1, tool.count("SELECT COUNT(*) FROM buddy WHERE student_id = ?", staying));
  }

  @Test
  void aStudentWhoComesBackIsNoLongerWatched() {
    long back = studentWithBuddy("r-back");
    leaves(back);
    Instant now = Instant.now();
    retentionAt(now).run();
    assertEquals(1, tool.count("SELECT COUNT(*) FROM retention_watch WHERE person_id = ?", back));
    Buddies.student(platform, "r-back", "Sem", "Mulder");
    Retention.Result result = retentionAt(now.plus(Duration.ofDays(10))).run();
    assertEquals(0, tool.count("SELECT COUNT(*) FROM retention_watch WHERE person_id = ?", back));
    assertEquals(1, result.returned());
    assertEquals(1, tool.count("SELECT COUNT(*) FROM buddy WHERE student_id = ?", back));
  }

  @Test
  void theJobErasesMeetingsSignalsAndMailsToo() {
    long gone = studentWithBuddy("r-talked");
    long buddy = tool.count("SELECT id FROM buddy WHERE student_id = ?", gone);
    long course = tool.count("SELECT id FROM course WHERE context_id = 'course-1'");
    Buddies.mentor(platform, "r-mentor", "Jeroen", "Smits");
    StudentFiles.meetingAndProtocol(tool, course, gone, personId("r-mentor"), buddy, "retained");
    leaves(gone);
    Instant now = Instant.now();
    retentionAt(now).run();
    assertEquals(1, retentionAt(now.plus(Duration.ofDays(370))).run().erased());
    assertEquals(0, StudentFiles.rowsAbout(tool, gone));
  }
}
