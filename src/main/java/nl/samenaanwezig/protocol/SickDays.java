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
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.samenaanwezig.attendance.SchoolCalendar;

/**
 * The days a student was reported sick (ziekgemeld), as a school counts a ziekmelding: the whole
 * day, or the rest of the day from the first sick lesson on (went home sick), over all the
 * student's courses that day. A sick lesson followed by a lesson that was not sick is no sick day:
 * the student was there again, so it shows on the timeline only. A person belongs to one platform,
 * so all their day rows are in courses of one institution.
 *
 * <p>Cheap on purpose: the day sums come from {@code presence_day} by person and day (a day where
 * every lesson was sick needs nothing more); only students with a partly sick day that could matter
 * to the signal ({@link SickSpells#couldSignal}) have the start times of the lessons of their sick
 * days read, {@value #CHUNK} students a query, by index look-ups only (presence_day by person and
 * day, lesson by course and date, mark by lesson and person).
 */
final class SickDays {
  /** Students per query: a bound on a statement's parameters. */
  private static final int CHUNK = 200;

  private SickDays() {}

  /** A student's day. */
  private record PersonDay(long personId, LocalDate day) {}

  /**
   * Sick days from {@code from} to {@code to} of these students, by person id.
   *
   * @param setting the sickness rule: a student whose partly sick days cannot bring the signal even
   *     if all were sick days is spared the look at the lesson order
   */
  static Map<Long, Set<LocalDate>> of(
      EntityManager em,
      Collection<Long> persons,
      LocalDate from,
      LocalDate to,
      RuleSetting setting,
      SchoolCalendar calendar) {
    Map<Long, Set<LocalDate>> sick = new HashMap<>();
    Map<Long, Set<LocalDate>> partly = new HashMap<>();
    Map<Long, List<Day>> lessonDays = new HashMap<>();
    List<Long> all = List.copyOf(new HashSet<>(persons));
    Connection c = em.unwrap(Connection.class);
    try {
      for (int i = 0; i < all.size(); i += CHUNK) {
        List<Long> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
        try (PreparedStatement sums =
            c.prepareStatement(
                "SELECT person_id, day, SUM(lessons), SUM(sick_lessons) FROM presence_day"
                    + " WHERE person_id IN ("
                    + marks(chunk.size(), "?")
                    + ") AND day BETWEEN ? AND ? GROUP BY person_id, day")) {
          int p = 1;
          for (long person : chunk) {
            sums.setLong(p++, person);
          }
          sums.setDate(p++, Date.valueOf(from));
          sums.setDate(p, Date.valueOf(to));
          try (ResultSet r = sums.executeQuery()) {
            while (r.next()) {
              long person = r.getLong(1);
              LocalDate day = r.getDate(2).toLocalDate();
              int lessons = r.getInt(3);
              int sickLessons = r.getInt(4);
              lessonDays
                  .computeIfAbsent(person, k -> new ArrayList<>())
                  .add(new Day(day, lessons, 0, 0, 0, sickLessons, 0));
              if (sickLessons > 0) {
                (sickLessons >= lessons ? sick : partly)
                    .computeIfAbsent(person, k -> new HashSet<>())
                    .add(day);
              }
            }
          }
        }
      }
      List<Long> needOrder =
          partly.keySet().stream()
              .filter(
                  person ->
                      SickSpells.couldSignal(
                          lessonDays.get(person),
                          sick.getOrDefault(person, Set.of()),
                          partly.get(person),
                          setting,
                          calendar,
                          to))
              .toList();
      for (int i = 0; i < needOrder.size(); i += CHUNK) {
        for (PersonDay day :
            wentHome(c, needOrder.subList(i, Math.min(needOrder.size(), i + CHUNK)), from, to)) {
          if (partly.get(day.personId()).contains(day.day())) {
            sick.computeIfAbsent(day.personId(), k -> new HashSet<>()).add(day.day());
          }
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("sick days for the protocol not read", e);
    }
    return sick;
  }

  /**
   * The days with a sick lesson on which these students went home sick: from each day row with a
   * sick lesson ({@code s}) to all the student's rows that day ({@code d}: other courses count too;
   * a day with sick lessons in two courses is found twice, which MIN and MAX do not mind), their
   * lessons and marks. It names the indexes and the join order for Derby ({@code
   * --DERBY-PROPERTIES}, a comment to any other database): left to itself Derby builds a hash table
   * of every lesson of the institution for it.
   */
  private static List<PersonDay> wentHome(
      Connection c, List<Long> persons, LocalDate from, LocalDate to) throws SQLException {
    List<PersonDay> wentHome = new ArrayList<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT d.person_id, d.day, MIN(CASE WHEN m.category = 'SICK' THEN l.start_time END),"
                + " MAX(CASE WHEN m.category <> 'SICK' THEN l.start_time END)"
                + " FROM --DERBY-PROPERTIES joinOrder=FIXED\n"
                + " presence_day s --DERBY-PROPERTIES index=PRESENCE_DAY_PERSON\n"
                + " JOIN presence_day d --DERBY-PROPERTIES index=PRESENCE_DAY_PERSON,"
                + " joinStrategy=NESTEDLOOP\n"
                + " ON d.person_id = s.person_id AND d.day = s.day"
                + " JOIN lesson l --DERBY-PROPERTIES index=LESSON_COURSE_DATE,"
                + " joinStrategy=NESTEDLOOP\n"
                + " ON l.course_id = d.course_id AND l.lesson_date = d.day"
                + " JOIN mark m --DERBY-PROPERTIES constraint=MARK_UNIQUE,"
                + " joinStrategy=NESTEDLOOP\n"
                + " ON m.lesson_id = l.id AND m.person_id = d.person_id"
                + " WHERE s.person_id IN ("
                + marks(persons.size(), "?")
                + ") AND s.day BETWEEN ? AND ? AND s.sick_lessons > 0"
                + " GROUP BY d.person_id, d.day")) {
      int p = 1;
      for (long person : persons) {
        q.setLong(p++, person);
      }
      q.setDate(p++, Date.valueOf(from));
      q.setDate(p, Date.valueOf(to));
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          if (wentHomeSick(time(r.getTime(3)), time(r.getTime(4)))) {
            wentHome.add(new PersonDay(r.getLong(1), r.getDate(2).toLocalDate()));
          }
        }
      }
    }
    return wentHome;
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

  private static String marks(int count, String mark) {
    return String.join(", ", Collections.nCopies(count, mark));
  }

  private static LocalTime time(Time t) {
    return t == null ? null : t.toLocalTime();
  }
}
