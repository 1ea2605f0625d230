package nl.samenaanwezig.protocol;

import static nl.samenaanwezig.db.Sql.number;
import static nl.samenaanwezig.db.Sql.rows;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.samenaanwezig.attendance.Holidays;
import nl.samenaanwezig.attendance.MentorGroups;
import nl.samenaanwezig.attendance.MentorGroups.Mode;
import nl.samenaanwezig.attendance.SchoolCalendar;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;

/**
 * Which students need a protocol step today, for a mentor group's class page, one student, or the
 * whole institution (the administrator's list). The rules are about a student, not a course: every
 * rule counts all of the student's lessons in every course of the institution (a person belongs to
 * one platform, so all of their day rows lie in one institution). Only a mentor group's teachers
 * (see {@link MentorGroups}) and the administrator see them; a subject course has none.
 *
 * <p>Reads {@code presence_day}: the late count is a SQL aggregate; for the rules that follow a
 * sequence (a sliding window of school weeks, sick spells, a run of absent days) it fetches only
 * the day rows those rules need — days with unexcused minutes or luxe verzuim this school year and
 * every day of the sickness window — summed per student and day over their courses, and {@link
 * Evaluation} walks them in Java.
 */
public final class Signals {
  /** The school's clock: a school day starts at midnight in the Netherlands. */
  public static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");

  private static final String STUDENT_MEMBER = "active = TRUE AND roles LIKE '%STUDENT%'";

  private final Database db;
  private final Clock clock;

  public Signals(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Today at school. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(SCHOOL_ZONE));
  }

  /**
   * Which students a query covers, as fixed conditions with one parameter each: on {@code member}
   * (the students and the course each signal is shown under), on {@code presence_day} and {@code
   * protocol_student} rows ({@code person_id}), on {@code presence_day} rows, and on {@code
   * signal_ack} rows.
   */
  private record Scope(
      long institutionId, String students, String persons, String days, String acks, Object param) {

    /** The active students of a course, each with every course counted. */
    static Scope course(Course course) {
      String students = "SELECT person_id FROM member WHERE course_id = ? AND " + STUDENT_MEMBER;
      return new Scope(
          course.platform().institution().id(),
          "SELECT person_id, course_id, 0 FROM member WHERE course_id = ? AND " + STUDENT_MEMBER,
          "person_id IN (" + students + ")",
          "person_id IN (" + students + ")",
          "person_id IN (" + students + ")",
          course.id());
    }

    /** One student of a course, with every course counted. */
    static Scope student(Course course, long personId) {
      return new Scope(
          course.platform().institution().id(),
          null,
          "person_id = ?",
          "person_id = ?",
          "person_id = ?",
          personId);
    }

    /**
     * Every active student of the institution; a student's signals are shown under their mentor
     * group (the first by id), or under a course of theirs when they have none.
     */
    static Scope institution(long institutionId) {
      return new Scope(
          institutionId,
          "SELECT m.person_id, m.course_id, CASE WHEN c.mentor_group = TRUE THEN 1 ELSE 0 END"
              + " FROM member m JOIN course c ON c.id = m.course_id"
              + " JOIN platform p ON p.id = c.platform_id WHERE p.institution_id = ?"
              + " AND m.active = TRUE AND m.roles LIKE '%STUDENT%'",
          "person_id IN (SELECT m.person_id FROM member m JOIN course c ON c.id = m.course_id"
              + " JOIN platform p ON p.id = c.platform_id WHERE p.institution_id = ?)",
          // The same rows as the institution's persons': all of a person's courses are in it.
          "course_id IN (SELECT c.id FROM course c JOIN platform p ON c.platform_id = p.id"
              + " WHERE p.institution_id = ?)",
          "institution_id = ?",
          institutionId);
    }
  }

  /**
   * Signals per student id of the course's active students; students without any are absent, and so
   * is everyone in a course that is not a mentor group.
   */
  public Map<Long, List<Signal>> forCourse(Course course, LocalDate today) {
    if (!db.read(em -> MentorGroups.isMentorGroup(em, course))) {
      return Map.of();
    }
    return byPerson(evaluate(Scope.course(course), today));
  }

  private static Map<Long, List<Signal>> byPerson(List<Signal> signals) {
    Map<Long, List<Signal>> byPerson = new HashMap<>();
    for (Signal s : signals) {
      byPerson.computeIfAbsent(s.personId(), k -> new ArrayList<>()).add(s);
    }
    return byPerson;
  }

  /** A signal on the class page: the step's title, and whether it still has to be taken. */
  public record Badge(String title, boolean open) {}

  /**
   * The class page's badges per student id, open ones first; none in a course that is not a mentor
   * group.
   *
   * @param lateCounts each student's late arrivals in every course this school year up to today, as
   *     the page's figures already summed them ({@code presence_day}); absent means none
   */
  public Map<Long, List<Badge>> badges(
      Course course, LocalDate today, Locale locale, Map<Long, Long> lateCounts) {
    if (!db.read(em -> MentorGroups.isMentorGroup(em, course))) {
      return Map.of();
    }
    Scope scope = Scope.course(course);
    Protocol protocol = db.read(em -> ProtocolSettings.of(em, scope.institutionId()));
    Map<Long, List<Signal>> signals =
        byPerson(db.tx(em -> evaluate(em, scope, today, protocol, lateCounts)));
    // A class has a handful of distinct steps among many signals: each title is formatted once.
    Map<ProtocolStep, String> titles = new HashMap<>();
    Map<Long, List<Badge>> badges = new HashMap<>();
    signals.forEach(
        (person, list) ->
            badges.put(
                person,
                list.stream()
                    .sorted(Comparator.comparing((Signal s) -> !s.open()))
                    .map(
                        s ->
                            new Badge(
                                titles.computeIfAbsent(
                                    s.step(),
                                    step ->
                                        StepText.title(
                                            step, protocol.setting(step.rule()), locale)),
                                s.open()))
                    .toList()));
    return badges;
  }

  /**
   * One student's signals, shown under a mentor group of theirs; none when the course is not a
   * mentor group.
   */
  public List<Signal> forStudent(Course course, long personId, LocalDate today) {
    if (!db.read(em -> MentorGroups.isMentorGroup(em, course))) {
      return List.of();
    }
    return evaluate(Scope.student(course, personId), today, Map.of(personId, course.id()));
  }

  /** Every signal of the institution's active students, each student once. */
  public List<Signal> forInstitution(long institutionId, LocalDate today) {
    return evaluate(Scope.institution(institutionId), today);
  }

  private List<Signal> evaluate(Scope scope, LocalDate today) {
    return evaluate(scope, today, null);
  }

  /** In a (read-only) transaction: the day rows are read through its JDBC connection. */
  private List<Signal> evaluate(Scope scope, LocalDate today, Map<Long, Long> students) {
    return db.tx(
        em -> {
          Map<Long, Long> late = lateCounts(em, scope, today);
          return evaluate(
              em,
              scope,
              today,
              ProtocolSettings.of(em, scope.institutionId()),
              late,
              students == null ? students(em, scope) : students);
        });
  }

  private List<Signal> evaluate(
      EntityManager em,
      Scope scope,
      LocalDate today,
      Protocol protocol,
      Map<Long, Long> lateCounts) {
    return evaluate(em, scope, today, protocol, lateCounts, students(em, scope));
  }

  /**
   * The students in scope, each with the course their signals are shown under: the scope's course,
   * else their first mentor group, else their first course.
   */
  private static Map<Long, Long> students(EntityManager em, Scope scope) {
    boolean allMentorGroups = MentorGroups.mode(em, scope.institutionId()) == Mode.ALL;
    Map<Long, Long> shownUnder = new HashMap<>();
    Map<Long, Long> fallback = new HashMap<>();
    for (Object[] r : rows(em, scope.students(), List.of(scope.param()))) {
      long person = number(r[0]);
      long course = number(r[1]);
      boolean mentorGroup = allMentorGroups || number(r[2]) == 1;
      (mentorGroup ? shownUnder : fallback).merge(person, course, Math::min);
    }
    fallback.forEach(shownUnder::putIfAbsent);
    return shownUnder;
  }

  /** Late arrivals per student in every course this school year up to today: one SQL aggregate. */
  private static Map<Long, Long> lateCounts(EntityManager em, Scope scope, LocalDate today) {
    Map<Long, Long> lateCounts = new HashMap<>();
    for (Object[] r :
        rows(
            em,
            "SELECT person_id, SUM(late_count) FROM presence_day WHERE "
                + scope.days()
                + " AND day BETWEEN ? AND ? AND late_count > 0 GROUP BY person_id",
            List.of(
                scope.param(),
                Date.valueOf(SchoolCalendar.schoolYearStart(today)),
                Date.valueOf(today)))) {
      lateCounts.put(number(r[0]), number(r[1]));
    }
    return lateCounts;
  }

  private static List<Signal> evaluate(
      EntityManager em,
      Scope scope,
      LocalDate today,
      Protocol protocol,
      Map<Long, Long> lateCounts,
      Map<Long, Long> students) {
    if (students.isEmpty()) {
      return List.of();
    }
    SchoolCalendar calendar = Holidays.of(em, scope.institutionId());
    LocalDate yearStart = SchoolCalendar.schoolYearStart(today);
    // Sick spells need every lesson day of the window, and a little before it for a spell that
    // began earlier.
    LocalDate sickFrom =
        SickSpells.windowStart(protocol.setting(Rule.SICKNESS), today).minusWeeks(4);
    LocalDate from = sickFrom.isBefore(yearStart) ? sickFrom : yearStart;

    Map<Long, Duty> duties = Duties.of(em, scope.persons(), List.of(scope.param()));

    Map<Long, List<Day>> days = new HashMap<>();
    // Summed per student and day over their courses. The rows a rule does not need are left out
    // before the sum; they carry no unexcused or luxury minutes, the only figures read from days
    // before the sickness window (students under the RMC rule get every day).
    String daySql =
        "SELECT person_id, day, SUM(lessons), SUM(scheduled_minutes), SUM(attended_minutes),"
            + " SUM(unexcused_minutes), SUM(sick_lessons), SUM(luxury_lessons) FROM presence_day"
            + " WHERE "
            + scope.days()
            + " AND day BETWEEN ? AND ? AND (day >= ? OR unexcused_minutes > 0"
            + " OR luxury_lessons > 0 OR person_id IN"
            + " (SELECT person_id FROM protocol_student WHERE duty = ?))"
            + " GROUP BY person_id, day";
    List<Object> dayParams =
        List.of(
            scope.param(),
            Date.valueOf(from),
            Date.valueOf(today),
            Date.valueOf(sickFrom),
            Duty.RMC.name());
    // Most of a class's day rows of the school year: read with plain JDBC (int columns as ints),
    // which costs about half of what a native query's row objects and conversions did.
    try (PreparedStatement query = em.unwrap(Connection.class).prepareStatement(daySql)) {
      for (int i = 0; i < dayParams.size(); i++) {
        query.setObject(i + 1, dayParams.get(i));
      }
      Map<Date, LocalDate> dates = new HashMap<>();
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          days.computeIfAbsent(r.getLong(1), k -> new ArrayList<>())
              .add(
                  new Day(
                      dates.computeIfAbsent(r.getDate(2), Date::toLocalDate),
                      r.getInt(3),
                      r.getInt(4),
                      r.getInt(5),
                      r.getInt(6),
                      r.getInt(7),
                      r.getInt(8)));
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("day rows for the protocol not read", e);
    }

    Map<Long, List<Acknowledgement>> acks = new HashMap<>();
    for (Acknowledgement a : acknowledgements(em, scope, today)) {
      acks.computeIfAbsent(a.personId(), k -> new ArrayList<>()).add(a);
    }

    // Sick reports count whole days over all the student's courses of the institution.
    Map<Long, Set<LocalDate>> sickDays =
        SickDays.of(
            em,
            List.copyOf(students.keySet()),
            sickFrom,
            today,
            protocol.setting(Rule.SICKNESS),
            calendar);

    List<Signal> signals = new ArrayList<>();
    students.forEach(
        (person, course) -> {
          Evaluation evaluation =
              new Evaluation(
                  protocol,
                  calendar,
                  today,
                  SCHOOL_ZONE,
                  duties.getOrDefault(person, Duty.ASSUMED),
                  days.getOrDefault(person, List.of()),
                  sickDays.getOrDefault(person, Set.of()),
                  lateCounts.getOrDefault(person, 0L),
                  acks.getOrDefault(person, List.of()));
          signals.addAll(evaluation.signals(course, person));
        });
    return signals;
  }

  /** A student's acknowledgements in every course count: the rules are about the student. */
  private static List<Acknowledgement> acknowledgements(
      EntityManager em, Scope scope, LocalDate today) {
    // Older acknowledgements cannot restart a count: counting never reaches back a school year.
    Timestamp since = Timestamp.from(today.minusDays(400).atStartOfDay(SCHOOL_ZONE).toInstant());
    List<Acknowledgement> acks = new ArrayList<>();
    for (Object[] r :
        rows(
            em,
            "SELECT id, 0 FROM signal_ack WHERE " + scope.acks() + " AND acknowledged_at >= ?",
            List.of(scope.param(), since))) {
      acks.add(em.find(Acknowledgement.class, number(r[0])));
    }
    acks.sort(Comparator.comparing(Acknowledgement::acknowledgedAt).reversed());
    return acks;
  }
}
