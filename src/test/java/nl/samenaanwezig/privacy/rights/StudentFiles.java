package nl.samenaanwezig.privacy.rights;

import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import nl.samenaanwezig.attendance.Lesson;
import nl.samenaanwezig.attendance.LessonRegister;
import nl.samenaanwezig.attendance.Mark;
import nl.samenaanwezig.attendance.MarkCategory;
import nl.samenaanwezig.testing.ToolServer;

/**
 * What other features keep about a student, crafted straight in their tables (the export and
 * erasure read and remove them by SQL too): a held MOL-gesprek with a shared and a confidential
 * note, an agreement, a buddy's answer, link and mail; an acknowledged protocol signal; a legal
 * duty; and a mark that was changed once. Every text carries {@code tag}, so a test can tell whose
 * data leaked.
 */
final class StudentFiles {
  private StudentFiles() {}

  /** The ids a test asserts on. */
  record Made(long slotId, long meetingId) {}

  static Made meetingAndProtocol(
      ToolServer tool, long courseId, long studentId, long mentorId, long buddyId, String tag) {
    Instant start = Instant.now().minus(Duration.ofDays(3));
    Timestamp at = Timestamp.from(start);
    sql(
        tool,
        "INSERT INTO meeting_slot (course_id, mentor_id, starts_local, zone_id, duration_minutes,"
            + " starts_at, ends_at, location_kind, location_details, capacity, booked,"
            + " guard_minutes, created_at) VALUES (?, ?, ?, 'Europe/Amsterdam', 20, ?, ?, 'ROOM',"
            + " ?, 1, 1, 0, ?)",
        courseId,
        mentorId,
        Timestamp.valueOf(start.atZone(ZoneId.of("Europe/Amsterdam")).toLocalDateTime()),
        at,
        Timestamp.from(start.plus(Duration.ofMinutes(20))),
        "Lokaal " + tag,
        at);
    long slot = tool.count("SELECT MAX(id) FROM meeting_slot");
    sql(
        tool,
        "INSERT INTO meeting (course_id, student_id, mentor_id, kind, status, slot_id, booked_by,"
            + " booked_at, ics_uid, ics_sequence, outcome_at, outcome_by, next_evaluation_on,"
            + " created_at, updated_at, row_version) VALUES (?, ?, ?, 'VOORTGANG', 'HELD', ?,"
            + " 'BUDDY', ?, ?, 0, ?, ?, ?, ?, ?, 1)",
        courseId,
        studentId,
        mentorId,
        slot,
        at,
        "mol-" + tag + "@samen-aanwezig",
        at,
        mentorId,
        Date.valueOf(LocalDate.now().plusWeeks(8)),
        at,
        at);
    long meeting = tool.count("SELECT MAX(id) FROM meeting");
    sql(
        tool,
        "INSERT INTO meeting_note (meeting_id, visibility, body, author_id, created_at)"
            + " VALUES (?, 'SHARED', ?, ?, ?)",
        meeting,
        "Gedeelde notitie " + tag,
        mentorId,
        at);
    sql(
        tool,
        "INSERT INTO meeting_note (meeting_id, visibility, body, author_id, created_at)"
            + " VALUES (?, 'CONFIDENTIAL', ?, ?, ?)",
        meeting,
        "Vertrouwelijke notitie " + tag,
        mentorId,
        at);
    sql(
        tool,
        "INSERT INTO meeting_agreement (meeting_id, body, owner, due_on, created_at)"
            + " VALUES (?, ?, 'STUDENT', ?, ?)",
        meeting,
        "Afspraak " + tag,
        Date.valueOf(LocalDate.now().plusWeeks(2)),
        at);
    sql(
        tool,
        "INSERT INTO meeting_answer (meeting_id, answered_by, buddy_id, availability, note,"
            + " created_at) VALUES (?, 'BUDDY', ?, 'MONDAY-EVENING', ?, ?)",
        meeting,
        buddyId,
        "Antwoord " + tag,
        at);
    sql(
        tool,
        "INSERT INTO meeting_link (meeting_id, buddy_id, base_url, created_at, expires_at)"
            + " VALUES (?, ?, 'http://127.0.0.1', ?, ?)",
        meeting,
        buddyId,
        at,
        Timestamp.from(start.plus(Duration.ofDays(30))));
    sql(
        tool,
        "INSERT INTO meeting_mail (meeting_id, course_id, kind, recipient_role, buddy_id,"
            + " recipient_name, address, subject, status, sent_at)"
            + " VALUES (?, ?, 'CONFIRMATION', 'BUDDY', ?, ?, ?, ?, 'SENT', ?)",
        meeting,
        courseId,
        buddyId,
        "Ontvanger " + tag,
        "buddy-" + tag + "@example.nl",
        "Afgesproken " + tag,
        at);
    long institution =
        tool.count(
            "SELECT p.institution_id FROM course c JOIN platform p ON p.id = c.platform_id"
                + " WHERE c.id = ?",
            courseId);
    sql(
        tool,
        "INSERT INTO signal_ack (institution_id, course_id, person_id, rule, step_level,"
            + " acknowledged_by, acknowledged_at, note) VALUES (?, ?, ?, 'LATENESS', 1, ?, ?, ?)",
        institution,
        courseId,
        studentId,
        mentorId,
        at,
        "Signaalnotitie " + tag);
    sql(
        tool,
        "INSERT INTO protocol_student (person_id, duty, set_by, set_at) VALUES (?, 'RMC', ?, ?)",
        studentId,
        mentorId,
        at);
    LessonRegister register = new LessonRegister(tool.db(), java.time.Clock.systemUTC());
    LocalDate day = LocalDate.now().minusDays(2);
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
                "files-" + tag));
    register.save(
        lesson.id(),
        Map.of(studentId, new Mark.Entry(MarkCategory.UNEXCUSED, 0)),
        mentorId,
        Lesson.Source.API);
    register.save(
        lesson.id(),
        Map.of(studentId, new Mark.Entry(MarkCategory.SICK, 0)),
        mentorId,
        Lesson.Source.API);
    return new Made(slot, meeting);
  }

  /** How many rows each table keeps about the student (and their meetings and buddies). */
  static long rowsAbout(ToolServer tool, long studentId) {
    String meetings = "(SELECT id FROM meeting WHERE student_id = ?)";
    long total = 0;
    for (String sql :
        new String[] {
          "SELECT COUNT(*) FROM meeting WHERE student_id = ?",
          "SELECT COUNT(*) FROM meeting_note WHERE meeting_id IN " + meetings,
          "SELECT COUNT(*) FROM meeting_agreement WHERE meeting_id IN " + meetings,
          "SELECT COUNT(*) FROM meeting_answer WHERE meeting_id IN " + meetings,
          "SELECT COUNT(*) FROM meeting_link WHERE meeting_id IN " + meetings,
          "SELECT COUNT(*) FROM meeting_mail WHERE meeting_id IN " + meetings,
          "SELECT COUNT(*) FROM signal_ack WHERE person_id = ?",
          "SELECT COUNT(*) FROM protocol_student WHERE person_id = ?",
          "SELECT COUNT(*) FROM buddy WHERE student_id = ?",
          "SELECT COUNT(*) FROM contact WHERE student_id = ?",
          "SELECT COUNT(*) FROM student_profile WHERE person_id = ?",
          "SELECT COUNT(*) FROM user_session WHERE person_id = ?"
        }) {
      total += tool.count(sql, studentId);
    }
    return total;
  }

  static void sql(ToolServer tool, String sql, Object... args) {
    try (Connection c = DriverManager.getConnection(tool.config().dbUrl());
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
