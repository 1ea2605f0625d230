package nl.samenaanwezig.privacy.rights;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Person;

/**
 * What other features keep about a student, read straight from their tables for an access request:
 * the legal duty the protocol applies, earlier versions of attendance marks, acknowledged protocol
 * signals with their notes, and the MOL-gesprekken with notes, agreements, "none of these times
 * fit" answers, buddy links and the mails sent about them. Plain SQL, so the export does not depend
 * on those features' classes.
 */
final class StudentRecords {
  /**
   * FROM of a student's marks ({@code m}, with {@code l} its lesson; the student is {@code
   * s.person_id}), by way of their courses: a mark belongs to a member of its lesson's course
   * (every writer checks that, and a membership is never deleted), and {@code mark} is indexed by
   * lesson and student, not by student alone.
   */
  static final String MARKS_OF_STUDENT =
      " FROM member s JOIN lesson l ON l.course_id = s.course_id"
          + " JOIN mark m ON m.lesson_id = l.id AND m.person_id = s.person_id";

  private final EntityManager em;
  private final Map<Long, String> names = new HashMap<>();
  private final Map<Long, String> courses = new HashMap<>();

  StudentRecords(EntityManager em) {
    this.em = em;
  }

  /** The legal category a mentor set for the protocol (DUO, RMC), if any. */
  StudentExport.LegalDuty duty(long studentId) {
    return rows("SELECT duty, set_by, set_at FROM protocol_student WHERE person_id = ?", studentId)
        .stream()
        .findFirst()
        .map(r -> new StudentExport.LegalDuty(str(r[0]), person(r[1]), instant(r[2])))
        .orElse(null);
  }

  /**
   * Every change of one of the student's marks: what it was and who registered that, what it
   * became, who changed it, how and when.
   */
  List<StudentExport.MarkChange> markChanges(long studentId) {
    return rows(
            "SELECT l.lesson_date, l.course_id, c.old_category, c.old_late_minutes,"
                + " c.new_category, c.new_late_minutes, c.changed_by, c.changed_via, c.changed_at,"
                + " c.old_by, c.old_via, c.old_at"
                + MARKS_OF_STUDENT
                + " JOIN mark_change c ON c.mark_id = m.id WHERE s.person_id = ?"
                + " ORDER BY c.changed_at, c.id",
            studentId)
        .stream()
        .map(
            r ->
                new StudentExport.MarkChange(
                    date(r[0]),
                    course(r[1]),
                    str(r[2]),
                    r[3] == null ? null : ((Number) r[3]).intValue(),
                    str(r[4]),
                    ((Number) r[5]).intValue(),
                    person(r[6]),
                    str(r[7]),
                    instant(r[8]),
                    person(r[9]),
                    str(r[10]),
                    instant(r[11])))
        .toList();
  }

  /** Protocol signals handled for the student: who, when, with which note. */
  List<StudentExport.AcknowledgementData> acknowledgements(long studentId) {
    return rows(
            "SELECT id, course_id, rule, step_level, acknowledged_by, acknowledged_at, note,"
                + " reported_on FROM signal_ack WHERE person_id = ?"
                + " ORDER BY acknowledged_at, id",
            studentId)
        .stream()
        .map(
            r ->
                new StudentExport.AcknowledgementData(
                    ((Number) r[0]).longValue(),
                    course(r[1]),
                    str(r[2]),
                    ((Number) r[3]).intValue(),
                    person(r[4]),
                    instant(r[5]),
                    str(r[6]),
                    date(r[7])))
        .toList();
  }

  /**
   * The student's MOL-gesprekken with everything attached. Confidential staff notes carry their
   * text only when {@code confidentialText} (the administrator's export); otherwise they are listed
   * as withheld, with day and author, so the student knows they exist (see privacy.md).
   */
  List<StudentExport.MeetingData> meetings(long studentId, boolean confidentialText) {
    List<StudentExport.MeetingData> meetings = new ArrayList<>();
    for (Object[] r :
        rows(
            "SELECT m.id, m.course_id, m.kind, m.status, m.mentor_id, s.starts_at,"
                + " s.duration_minutes, s.location_kind, s.location_details, m.booked_by,"
                + " m.booked_at, m.outcome_at, m.next_evaluation_on, m.created_at"
                + " FROM meeting m LEFT JOIN meeting_slot s ON s.id = m.slot_id"
                + " WHERE m.student_id = ? ORDER BY m.created_at, m.id",
            studentId)) {
      long id = ((Number) r[0]).longValue();
      meetings.add(
          new StudentExport.MeetingData(
              id,
              course(r[1]),
              str(r[2]),
              str(r[3]),
              person(r[4]),
              instant(r[5]),
              r[6] == null ? null : ((Number) r[6]).intValue(),
              str(r[7]),
              str(r[8]),
              str(r[9]),
              instant(r[10]),
              instant(r[11]),
              date(r[12]),
              instant(r[13]),
              notes(id, confidentialText),
              agreements(id),
              answers(id),
              links(id),
              mails(id)));
    }
    return meetings;
  }

  private List<StudentExport.NoteData> notes(long meetingId, boolean confidentialText) {
    return rows(
            "SELECT id, visibility, body, author_id, created_at FROM meeting_note"
                + " WHERE meeting_id = ? ORDER BY created_at, id",
            meetingId)
        .stream()
        .map(
            r -> {
              boolean withheld = "CONFIDENTIAL".equals(r[1]) && !confidentialText;
              return new StudentExport.NoteData(
                  ((Number) r[0]).longValue(),
                  str(r[1]),
                  withheld ? null : str(r[2]),
                  withheld,
                  person(r[3]),
                  instant(r[4]));
            })
        .toList();
  }

  private List<StudentExport.AgreementData> agreements(long meetingId) {
    return rows(
            "SELECT body, owner, due_on, created_at, done_at FROM meeting_agreement"
                + " WHERE meeting_id = ? ORDER BY created_at, id",
            meetingId)
        .stream()
        .map(
            r ->
                new StudentExport.AgreementData(
                    str(r[0]), str(r[1]), date(r[2]), instant(r[3]), instant(r[4])))
        .toList();
  }

  private List<StudentExport.AnswerData> answers(long meetingId) {
    return rows(
            "SELECT a.answered_by, b.name, a.availability, a.note, a.created_at"
                + " FROM meeting_answer a LEFT JOIN buddy b ON b.id = a.buddy_id"
                + " WHERE a.meeting_id = ? ORDER BY a.created_at, a.id",
            meetingId)
        .stream()
        .map(
            r ->
                new StudentExport.AnswerData(
                    str(r[0]), str(r[1]), str(r[2]), str(r[3]), instant(r[4])))
        .toList();
  }

  private List<StudentExport.LinkData> links(long meetingId) {
    return rows(
            "SELECT b.name, l.created_at, l.expires_at, l.revoked_at, l.opened_at"
                + " FROM meeting_link l JOIN buddy b ON b.id = l.buddy_id"
                + " WHERE l.meeting_id = ? ORDER BY l.created_at, l.id",
            meetingId)
        .stream()
        .map(
            r ->
                new StudentExport.LinkData(
                    str(r[0]), instant(r[1]), instant(r[2]), instant(r[3]), instant(r[4])))
        .toList();
  }

  private List<StudentExport.MailData> mails(long meetingId) {
    return rows(
            "SELECT kind, recipient_role, recipient_name, address, subject, status, detail,"
                + " sent_at FROM meeting_mail WHERE meeting_id = ? ORDER BY sent_at, id",
            meetingId)
        .stream()
        .map(
            r ->
                new StudentExport.MailData(
                    str(r[0]),
                    str(r[1]),
                    str(r[2]),
                    str(r[3]),
                    str(r[4]),
                    str(r[5]),
                    str(r[6]),
                    instant(r[7])))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, long id) {
    return em.createNativeQuery(sql).setParameter(1, id).getResultList();
  }

  private String person(Object id) {
    if (id == null) {
      return null;
    }
    long key = ((Number) id).longValue();
    return names.computeIfAbsent(
        key,
        k -> Optional.ofNullable(em.find(Person.class, k)).map(Person::displayName).orElse(null));
  }

  private String course(Object id) {
    if (id == null) {
      return null;
    }
    long key = ((Number) id).longValue();
    return courses.computeIfAbsent(
        key,
        k -> Optional.ofNullable(em.find(Course.class, k)).map(Course::displayTitle).orElse(null));
  }

  private static String str(Object value) {
    return value == null ? null : value.toString();
  }

  private static Instant instant(Object value) {
    return value == null ? null : ((Timestamp) value).toInstant();
  }

  private static LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
  }
}
