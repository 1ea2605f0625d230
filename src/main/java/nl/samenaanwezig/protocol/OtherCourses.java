package nl.samenaanwezig.protocol;

import java.sql.Date;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.samenaanwezig.attendance.SchoolCalendar;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.web.Pages;

/**
 * A student's unexcused absence in the other courses of the same mentor, for a hint on the student
 * detail: the DUO rule counts per course, but a mentor who also teaches the student elsewhere
 * should see the whole picture there. Only courses where the viewing mentor is a mentor count.
 */
final class OtherCourses {
  static final int SCHOOL_WEEKS = 4;

  private final Database db;

  OtherCourses(Database db) {
    this.db = db;
  }

  /** Unexcused minutes in one other course. */
  record Unexcused(String courseTitle, long minutes) {}

  /**
   * The mentor's other courses, with the student as an active member, where the student has
   * unexcused minutes in the last {@value #SCHOOL_WEEKS} school weeks up to today (holidays of the
   * institution excluded), summed in SQL over the day rows; most minutes first.
   */
  List<Unexcused> unexcused(
      Course course, long studentId, long mentorId, SchoolCalendar calendar, LocalDate today) {
    List<SchoolCalendar.Week> weeks = calendar.lastSchoolWeeks(today, SCHOOL_WEEKS);
    if (weeks.isEmpty()) {
      return List.of();
    }
    StringBuilder days = new StringBuilder();
    List<Object> params = new ArrayList<>();
    params.add(mentorId);
    params.add(true);
    params.add("%MENTOR%");
    params.add(true);
    params.add(studentId);
    params.add(course.id());
    for (SchoolCalendar.Week w : weeks) {
      days.append(days.isEmpty() ? "" : " OR ").append("d.day BETWEEN ? AND ?");
      params.add(Date.valueOf(w.monday()));
      params.add(Date.valueOf(w.sunday().isAfter(today) ? today : w.sunday()));
    }
    return db.read(
        em -> {
          var query =
              em.createNativeQuery(
                  "SELECT d.course_id, SUM(d.unexcused_minutes) FROM presence_day d"
                      + " JOIN member mm ON mm.course_id = d.course_id AND mm.person_id = ?"
                      + " AND mm.active = ? AND mm.roles LIKE ?"
                      + " JOIN member ms ON ms.course_id = d.course_id"
                      + " AND ms.person_id = d.person_id AND ms.active = ?"
                      + " WHERE d.person_id = ? AND d.course_id <> ? AND ("
                      + days
                      + ") GROUP BY d.course_id HAVING SUM(d.unexcused_minutes) > 0"
                      + " ORDER BY 2 DESC, 1");
          for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
          }
          @SuppressWarnings("unchecked")
          List<Object[]> rows = query.getResultList();
          List<Unexcused> found = new ArrayList<>();
          for (Object[] r : rows) {
            Course other = em.find(Course.class, ((Number) r[0]).longValue());
            found.add(new Unexcused(other.displayTitle(), ((Number) r[1]).longValue()));
          }
          return found;
        });
  }

  /** "Let op: ook ongeoorloofd afwezig in je andere cursus X (N uur in 4 schoolweken)", each. */
  List<String> hints(
      Course course,
      long studentId,
      long mentorId,
      SchoolCalendar calendar,
      LocalDate today,
      Locale locale) {
    NumberFormat hours = NumberFormat.getNumberInstance(locale);
    hours.setMaximumFractionDigits(1);
    return unexcused(course, studentId, mentorId, calendar, today).stream()
        .map(
            u ->
                Pages.text(
                    locale,
                    "student.otherCourse",
                    u.courseTitle(),
                    hours.format(u.minutes() / 60.0),
                    SCHOOL_WEEKS))
        .toList();
  }
}
