package nl.samenaanwezig.contacts;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import nl.samenaanwezig.buddies.Buddy;
import nl.samenaanwezig.buddies.BuddyBook;
import nl.samenaanwezig.buddies.Decision;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.privacy.Actor;
import nl.samenaanwezig.privacy.AuditEvent.DataKind;
import nl.samenaanwezig.privacy.AuditEvent.Operation;
import nl.samenaanwezig.privacy.AuditLog;

/**
 * The contact log: records a mentor's contact after asking {@link
 * nl.samenaanwezig.buddies.ContactRule} (a forbidden contact is refused with the reason, never
 * dropped in silence), and lists a student's contacts.
 */
public final class ContactLog {
  private final Database db;
  private final BuddyBook buddies;
  private final AuditLog audit;
  private final Clock clock;

  public ContactLog(Database db, BuddyBook buddies, AuditLog audit, Clock clock) {
    this.db = db;
    this.buddies = buddies;
    this.audit = audit;
    this.clock = clock;
  }

  /** What became of a contact the mentor wanted to record. */
  public sealed interface Outcome {
    /** Stored. */
    record Recorded(long contactId) implements Outcome {}

    /** The rule forbids contact with this buddy about this topic on that day. */
    record Refused(Decision decision) implements Outcome {}

    /** No such buddy of this student (or removed). */
    record UnknownBuddy() implements Outcome {}
  }

  /** Records a contact of a mentor in a course with a student or one of their buddies. */
  public Outcome record(long courseId, long mentorId, long studentId, ContactForm.Entry entry) {
    return db.tx(
        em -> {
          Buddy buddy = null;
          if (entry.buddyId().isPresent()) {
            long buddyId = entry.buddyId().get();
            Optional<Decision> decision =
                buddies.decide(em, studentId, buddyId, entry.topic(), entry.date());
            if (decision.isEmpty()) {
              return new Outcome.UnknownBuddy();
            }
            if (!decision.get().allowed()) {
              return new Outcome.Refused(decision.get());
            }
            buddy = em.find(Buddy.class, buddyId);
          }
          Contact contact =
              new Contact(
                  em.find(Person.class, studentId),
                  buddy,
                  em.find(Course.class, courseId),
                  em.find(Person.class, mentorId),
                  entry,
                  clock.instant());
          em.persist(contact);
          em.flush();
          audit.record(
              em,
              Actor.mentor(mentorId),
              studentId,
              Operation.CREATE,
              DataKind.CONTACT,
              contact.id());
          return new Outcome.Recorded(contact.id());
        });
  }

  /** Every contact about a student, newest first. */
  public List<Contact> about(long studentId) {
    return db.read(
        em ->
            em.createQuery(
                    "select c from Contact c where c.student.id = :s"
                        + " order by c.contactDate desc, c.createdAt desc",
                    Contact.class)
                .setParameter("s", studentId)
                .getResultList());
  }
}
