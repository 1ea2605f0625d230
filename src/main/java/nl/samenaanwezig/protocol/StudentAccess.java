package nl.samenaanwezig.protocol;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotFoundException;
import java.util.Optional;
import nl.samenaanwezig.attendance.LessonScope;
import nl.samenaanwezig.attendance.MentorGroups;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;

/**
 * A mentor of a course looking at one of its students; anything else is a 404. In a mentor group
 * the mentor sees the student's lessons of every course ({@link LessonScope}), elsewhere only the
 * course's own.
 */
record StudentAccess(Session session, Course course, Person student, LessonScope scope) {

  /**
   * The signed-in mentor of {@code courseId} and its active student {@code personId}. Not a mentor
   * there, no such course, or no student of it: the same 404, so ids cannot be probed.
   */
  static StudentAccess check(
      HttpServletRequest request,
      Sessions sessions,
      Memberships memberships,
      Database db,
      long courseId,
      long personId) {
    Session session = sessions.require(request);
    Course course =
        memberships
            .courseWhere(session.person(), courseId, Role.MENTOR)
            .orElseThrow(NotFoundException::new);
    Person student =
        Optional.ofNullable(db.read(em -> em.find(Person.class, personId)))
            .filter(p -> memberships.rolesIn(p, course).contains(Role.STUDENT))
            .orElseThrow(NotFoundException::new);
    LessonScope scope = db.read(em -> MentorGroups.scopeOf(em, course));
    return new StudentAccess(session, course, student, scope);
  }

  /**
   * The same access, for the protocol's own pages and steps (signals, duty, DUO evidence): only a
   * mentor group's mentor; a subject course's teacher gets the same 404 as anyone else.
   */
  StudentAccess asMentor() {
    if (!scope.everyCourse()) {
      throw new NotFoundException();
    }
    return this;
  }

  String path() {
    return "/class/" + course.id() + "/students/" + student.id();
  }
}
