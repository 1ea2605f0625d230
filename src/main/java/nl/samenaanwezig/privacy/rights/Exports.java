package nl.samenaanwezig.privacy.rights;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import nl.samenaanwezig.buddies.Availability;
import nl.samenaanwezig.buddies.Buddy;
import nl.samenaanwezig.buddies.BuddyDetails;
import nl.samenaanwezig.buddies.Consent;
import nl.samenaanwezig.buddies.ConsentTexts;
import nl.samenaanwezig.buddies.StudentProfile;
import nl.samenaanwezig.contacts.Contact;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Member;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.privacy.Actor;
import nl.samenaanwezig.privacy.AuditEvent;
import nl.samenaanwezig.privacy.AuditLog;

/** Collects a {@link StudentExport}; every export is itself written to the audit log first. */
public final class Exports {
  private final Database db;
  private final AuditLog audit;
  private final Clock clock;

  public Exports(Database db, AuditLog audit, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Everything about a student, for the student themself or an administrator. The text of
   * confidential staff notes is in the administrator's export only (see privacy.md).
   */
  public StudentExport export(long studentId, Actor actor) {
    audit.record(
        actor, studentId, AuditEvent.Operation.READ, AuditEvent.DataKind.EXPORT, studentId);
    List<AuditEvent> events = audit.about(studentId);
    return db.read(
        em -> {
          Person p = em.find(Person.class, studentId);
          StudentRecords records = new StudentRecords(em);
          return new StudentExport(
              clock.instant(),
              new StudentExport.Student(
                  p.id(),
                  p.platform().name(),
                  p.subject(),
                  p.name(),
                  p.givenName(),
                  p.familyName(),
                  p.email(),
                  p.lastLaunchAt()),
              Optional.ofNullable(em.find(StudentProfile.class, studentId))
                  .flatMap(
                      pr ->
                          pr.birthDate()
                              .map(
                                  b ->
                                      new StudentExport.Profile(
                                          b.value(),
                                          pr.birthDateSource().map(Enum::name).orElse(null))))
                  .orElse(null),
              memberships(em, studentId),
              buddies(em, studentId),
              consents(em, studentId),
              contacts(em, studentId),
              marks(em, studentId),
              records.markChanges(studentId),
              records.duty(studentId),
              records.acknowledgements(studentId),
              records.meetings(studentId, actor.role() == Actor.Role.ADMIN),
              events.stream().map(e -> auditLine(em, e)).toList());
        });
  }

  private static List<StudentExport.Membership> memberships(EntityManager em, long studentId) {
    return em
        .createQuery("select m from Member m where m.person.id = :s order by m.id", Member.class)
        .setParameter("s", studentId)
        .getResultList()
        .stream()
        .map(
            m ->
                new StudentExport.Membership(
                    m.course().displayTitle(),
                    m.roles().stream().map(Enum::name).sorted().toList().toString(),
                    m.active(),
                    m.lastSeenAt()))
        .toList();
  }

  private static List<StudentExport.BuddyData> buddies(EntityManager em, long studentId) {
    return em
        .createQuery(
            "select b from Buddy b where b.student.id = :s order by b.createdAt, b.id", Buddy.class)
        .setParameter("s", studentId)
        .getResultList()
        .stream()
        .map(
            b -> {
              BuddyDetails d = b.details();
              return new StudentExport.BuddyData(
                  b.id(),
                  b.name(),
                  b.relationship().name(),
                  b.legalRepresentative(),
                  d.phone().isEmpty() ? null : d.phone(),
                  d.email(),
                  d.channel().name(),
                  d.language().code(),
                  d.plainLanguage(),
                  d.availability().sorted().stream().map(Availability.Slot::code).toList(),
                  d.shiftWork(),
                  d.note(),
                  b.createdAt(),
                  b.updatedAt(),
                  b.removedAt());
            })
        .toList();
  }

  private static List<StudentExport.ConsentData> consents(EntityManager em, long studentId) {
    return em
        .createQuery(
            "select c from Consent c where c.buddy.student.id = :s order by c.decidedAt, c.id",
            Consent.class)
        .setParameter("s", studentId)
        .getResultList()
        .stream()
        .map(
            c ->
                new StudentExport.ConsentData(
                    c.id(),
                    c.buddy().id(),
                    c.buddy().name(),
                    c.topic().name(),
                    c.given(),
                    c.decidedOn(),
                    c.decidedAt(),
                    c.textVersion(),
                    c.textLocale(),
                    textOf(c)))
        .toList();
  }

  /** The exact text the student saw; null if that version is no longer in the bundle. */
  private static String textOf(Consent c) {
    try {
      return ConsentTexts.text(
          c.textVersion(), c.topic(), c.buddy().name(), Locale.forLanguageTag(c.textLocale()));
    } catch (MissingResourceException e) {
      return null;
    }
  }

  private static List<StudentExport.ContactData> contacts(EntityManager em, long studentId) {
    return em
        .createQuery(
            "select c from Contact c where c.student.id = :s order by c.contactDate, c.id",
            Contact.class)
        .setParameter("s", studentId)
        .getResultList()
        .stream()
        .map(
            c ->
                new StudentExport.ContactData(
                    c.id(),
                    c.contactDate(),
                    c.buddy().map(Buddy::name).orElse("student"),
                    c.channel().name(),
                    c.kind().name(),
                    c.topic().map(Enum::name).orElse(null),
                    c.summary(),
                    c.followUpOn().orElse(null),
                    c.mentor().displayName(),
                    c.course().displayTitle()))
        .toList();
  }

  /** Attendance marks, read straight from the attendance tables (categories, no diagnoses). */
  private static List<StudentExport.MarkData> marks(EntityManager em, long studentId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT l.lesson_date, l.course_id, m.category, m.late_minutes"
                    + StudentRecords.MARKS_OF_STUDENT
                    + " WHERE s.person_id = ?"
                    + " ORDER BY l.lesson_date, l.start_time")
            .setParameter(1, studentId)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new StudentExport.MarkData(
                    r[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[0],
                    Optional.ofNullable(em.find(Course.class, ((Number) r[1]).longValue()))
                        .map(Course::displayTitle)
                        .orElse(null),
                    (String) r[2],
                    ((Number) r[3]).intValue()))
        .toList();
  }

  private static StudentExport.AuditData auditLine(EntityManager em, AuditEvent e) {
    String who =
        e.actorId() == null
            ? null
            : Optional.ofNullable(em.find(Person.class, e.actorId()))
                .map(Person::displayName)
                .orElse(null);
    return new StudentExport.AuditData(
        e.occurredAt(),
        who,
        e.actorRole().name(),
        e.operation().name(),
        e.dataKind().name(),
        e.objectId());
  }
}
