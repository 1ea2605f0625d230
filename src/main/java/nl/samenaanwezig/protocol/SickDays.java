package nl.samenaanwezig.protocol;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The days a student was reported sick (ziekgemeld), as a school counts a ziekmelding: the whole
 * day, or the rest of the day from the first sick lesson on (went home sick), over all the
 * student's courses of the institution that day. A sick lesson followed by a lesson that was not
 * sick is no sick day: the student was there again, so it shows on the timeline only.
 *
 * <p>Cheap on purpose: the day sums come from {@code presence_day} (a day where every lesson was
 * sick needs nothing more); only the rare partly sick days read their marks and lesson times, one
 * indexed look-up each (presence_day by person and day, lesson by course and date, mark by lesson
 * and person).
 */
final class SickDays {
  /** The institution's courses: a student's days count over all of them. */
  private static final String COURSES =
      "SELECT c.id FROM course c JOIN platform p ON c.platform_id = p.id"
          + " WHERE p.institution_id = ?";

  private SickDays() {}

  /**
   * Sick days from {@code from} to {@code to} of the active students a condition on {@code
   * member}'s {@code course_id}/{@code person_id} selects, by person id.
   */
  static Map<Long, Set<LocalDate>> of(
      EntityManager em,
      long institutionId,
      String memberCondition,
      List<Object> params,
      LocalDate from,
      LocalDate to) {
    String daySums =
        "SELECT person_id, day, SUM(lessons), SUM(sick_lessons) FROM presence_day"
            + " WHERE course_id IN ("
            + COURSES
            + ") AND person_id IN (SELECT person_id FROM member WHERE "
            + memberCondition
            + " AND active = TRUE AND roles LIKE '%STUDENT%') AND day BETWEEN ? AND ?"
            + " GROUP BY person_id, day HAVING SUM(sick_lessons) > 0";
    String partDay =
        "SELECT MIN(CASE WHEN m.category = 'SICK' THEN l.start_time END),"
            + " MAX(CASE WHEN m.category <> 'SICK' THEN l.start_time END)"
            + " FROM presence_day d"
            + " JOIN lesson l ON l.course_id = d.course_id AND l.lesson_date = d.day"
            + " JOIN mark m ON m.lesson_id = l.id AND m.person_id = d.person_id"
            + " WHERE d.person_id = ? AND d.day = ? AND d.course_id IN ("
            + COURSES
            + ")";
    List<Object> sumParams = new ArrayList<>();
    sumParams.add(institutionId);
    sumParams.addAll(params);
    sumParams.add(Date.valueOf(from));
    sumParams.add(Date.valueOf(to));
    Map<Long, Set<LocalDate>> sick = new HashMap<>();
    Connection c = em.unwrap(Connection.class);
    try (PreparedStatement sums = c.prepareStatement(daySums);
        PreparedStatement part = c.prepareStatement(partDay)) {
      for (int i = 0; i < sumParams.size(); i++) {
        sums.setObject(i + 1, sumParams.get(i));
      }
      List<Object[]> partly = new ArrayList<>();
      try (ResultSet r = sums.executeQuery()) {
        while (r.next()) {
          long person = r.getLong(1);
          Date day = r.getDate(2);
          if (r.getLong(4) >= r.getLong(3)) {
            sick.computeIfAbsent(person, k -> new HashSet<>()).add(day.toLocalDate());
          } else {
            partly.add(new Object[] {person, day});
          }
        }
      }
      part.setLong(3, institutionId);
      for (Object[] p : partly) {
        part.setLong(1, (Long) p[0]);
        part.setDate(2, (Date) p[1]);
        try (ResultSet r = part.executeQuery()) {
          if (r.next() && wentHomeSick(time(r.getTime(1)), time(r.getTime(2)))) {
            sick.computeIfAbsent((Long) p[0], k -> new HashSet<>())
                .add(((Date) p[1]).toLocalDate());
          }
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("sick days for the protocol not read", e);
    }
    return sick;
  }

  /**
   * Whether a partly sick day is a sick report: every lesson from the first sick one on was sick,
   * so the last lesson that was not sick began before it.
   *
   * @param firstSick start of the day's first sick lesson, or null
   * @param lastOther start of the day's last lesson that was not sick, or null
   */
  static boolean wentHomeSick(LocalTime firstSick, LocalTime lastOther) {
    return firstSick != null && (lastOther == null || lastOther.isBefore(firstSick));
  }

  private static LocalTime time(Time t) {
    return t == null ? null : t.toLocalTime();
  }
}
