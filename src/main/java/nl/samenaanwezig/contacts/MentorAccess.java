package nl.samenaanwezig.contacts;

import jakarta.ws.rs.NotFoundException;
import java.util.Optional;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Member;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;

/**
 * Who may see a student's buddies and contacts: a mentor of a course the student is an active
 * student of. Anything else is the same 404 as a course or student that does not exist, so ids
 * cannot be probed.
 */
public final class MentorAccess {
  private final Database db;
  private final Memberships memberships;

  public MentorAccess(Database db, Memberships memberships) {
    this.db = db;
    this.memberships = memberships;
  }

  /** A mentor's view of one student in one course. */
  public record Granted(Course course, Person student) {}

  public Granted require(Session session, long courseId, long studentId) {
    Course course =
        memberships
            .courseWhere(session.person(), courseId, Role.MENTOR)
            .orElseThrow(NotFoundException::new);
    return studentOf(course, studentId)
        .map(p -> new Granted(course, p))
        .orElseThrow(NotFoundException::new);
  }

  private Optional<Person> studentOf(Course course, long studentId) {
    return db.read(
        em ->
            em
                .createQuery(
                    "select m from Member m where m.course.id = :c and m.person.id = :p"
                        + " and m.active = true",
                    Member.class)
                .setParameter("c", course.id())
                .setParameter("p", studentId)
                .getResultList()
                .stream()
                .filter(m -> m.roles().contains(Role.STUDENT))
                .map(Member::person)
                .findFirst());
  }
}
