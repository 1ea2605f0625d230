package nl.samenaanwezig.attendance;

import nl.samenaanwezig.lti.Course;

/**
 * Which of a student's lessons a course's pages count: those of the course itself (a subject
 * course), or those of every course of the institution (a mentor group, see {@link MentorGroups}):
 * the legal counts of the verzuimprotocol are per student. A person belongs to one platform, so
 * "every course of the student" never leaves the institution.
 *
 * @param courseId the course whose page asks
 * @param everyCourse true when the student's lessons in all courses count
 */
public record LessonScope(long courseId, boolean everyCourse) {

  public static LessonScope only(Course course) {
    return new LessonScope(course.id(), false);
  }

  public static LessonScope everyCourse(long courseId) {
    return new LessonScope(courseId, true);
  }

  /**
   * The condition on a {@code presence_day} row (alias-free) for the active students of the course:
   * their rows in this course, or in every course. One parameter: the course id.
   */
  String studentDays() {
    String students =
        "person_id IN (SELECT person_id FROM member WHERE course_id = ? AND active = TRUE"
            + " AND roles LIKE '%STUDENT%')";
    return everyCourse ? students : "course_id = ?";
  }
}
