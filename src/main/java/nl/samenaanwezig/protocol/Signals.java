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
import nl.samenaanwezig.attendance.SchoolCalendar;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;

/**
 * Which students need a protocol step today, per course (the mentor's class) or across an
 * institution (the administrator's list). Counts per course, like the class page figures.
 *
 * <p>Reads {@code presence_day}: the late count is a SQL aggregate; for the rules that follow a
 * sequence (a sliding window of school weeks, sick spells, a run of absent days) it fetches only
 * the day rows those rules need — days with unexcused minutes or luxe verzuim this school year and
 * every day of the sickness window — and {@link Evaluation} walks them in Java.
 */
public final class Signals {
  /** The school's clock: a school day starts at midnight in the Netherlands. */
  public static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");

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

  /** Which students of which courses a query covers: a SQL condition on course_id/person_id. */
  private record Scope(long institutionId, String condition, List<Object> params) {}

  /** Signals per student id of the course's active students; students without any are absent. */
  public Map<Long, List<Signal>> forCourse(Course course, LocalDate today) {
    return byPerson(evaluate(courseScope(course), today));
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
   * The class page's badges per student id, open ones first.
   *
   * @param lateCounts each student's late arrivals in the course this school year up to today, as
   *     the page's figures already summed them ({@code presence_day}); absent means none
   */
  public Map<Long, List<Badge>> badges(
      Course course, LocalDate today, Locale locale, Map<Long, Long> lateCounts) {
    Scope scope = courseScope(course);
    Map<Key, Long> late = new HashMap<>();
    lateCounts.forEach((person, count) -> late.put(new Key(course.id(), person), count));
    Protocol protocol = db.read(em -> ProtocolSettings.of(em, scope.institutionId()));
    Map<Long, List<Signal>> signals =
        byPerson(db.tx(em -> evaluate(em, scope, today, protocol, late)));
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

  /** One student's signals in a course. */
  public List<Signal> forStudent(Course course, long personId, LocalDate today) {
    return evaluate(
        new Scope(
            course.platform().institution().id(),
            "course_id = ? AND person_id = ?",
            List.of(course.id(), personId)),
        today);
  }

  /** Every signal of the institution's active students, across its courses. */
  public List<Signal> forInstitution(long institutionId, LocalDate today) {
    return evaluate(
        new Scope(
            institutionId,
            "course_id IN (SELECT c.id FROM course c JOIN platform p ON c.platform_id = p.id"
                + " WHERE p.institution_id = ?)",
            List.of(institutionId)),
        today);
  }

  private static Scope courseScope(Course course) {
    return new Scope(course.platform().institution().id(), "course_id = ?", List.of(course.id()));
  }

  /** In a (read-only) transaction: the day rows are read through its JDBC connection. */
  private List<Signal> evaluate(Scope scope, LocalDate today) {
    return db.tx(
        em ->
            evaluate(
                em,
                scope,
                today,
                ProtocolSettings.of(em, scope.institutionId()),
                lateCounts(em, scope, today)));
  }

  /** Late arrivals per student this school year up to today: one SQL aggregate. */
  private static Map<Key, Long> lateCounts(EntityManager em, Scope scope, LocalDate today) {
    Map<Key, Long> lateCounts = new HashMap<>();
    List<Object> lateParams = new ArrayList<>(scope.params());
    lateParams.add(Date.valueOf(SchoolCalendar.schoolYearStart(today)));
    lateParams.add(Date.valueOf(today));
    for (Object[] r :
        rows(
            em,
            "SELECT course_id, person_id, SUM(late_count) FROM presence_day WHERE "
                + scope.condition()
                + " AND day BETWEEN ? AND ? AND late_count > 0 GROUP BY course_id, person_id",
            lateParams)) {
      lateCounts.put(new Key(number(r[0]), number(r[1])), number(r[2]));
    }
    return lateCounts;
  }

  private static List<Signal> evaluate(
      EntityManager em,
      Scope scope,
      LocalDate today,
      Protocol protocol,
      Map<Key, Long> lateCounts) {
    SchoolCalendar calendar = Holidays.of(em, scope.institutionId());
    LocalDate yearStart = SchoolCalendar.schoolYearStart(today);
    // Sick spells need every lesson day of the window, and a little before it for a spell that
    // began earlier.
    LocalDate sickFrom =
        SickSpells.windowStart(protocol.setting(Rule.SICKNESS), today).minusWeeks(4);
    LocalDate from = sickFrom.isBefore(yearStart) ? sickFrom : yearStart;

    List<Key> students = new ArrayList<>();
    for (Object[] r :
        rows(
            em,
            "SELECT course_id, person_id FROM member WHERE "
                + scope.condition()
                + " AND active = TRUE AND roles LIKE '%STUDENT%'",
            scope.params())) {
      students.add(new Key(number(r[0]), number(r[1])));
    }
    if (students.isEmpty()) {
      return List.of();
    }
    Map<Long, Duty> duties =
        Duties.of(
            em,
            "person_id IN (SELECT person_id FROM member WHERE " + scope.condition() + ")",
            scope.params());
    List<Long> rmc =
        students.stream()
            .map(Key::personId)
            .distinct()
            .filter(p -> duties.getOrDefault(p, Duty.ASSUMED) == Duty.RMC)
            .toList();

    Map<Key, List<Day>> days = new HashMap<>();
    List<Object> dayParams = new ArrayList<>(scope.params());
    dayParams.add(Date.valueOf(from));
    dayParams.add(Date.valueOf(today));
    dayParams.add(Date.valueOf(sickFrom));
    dayParams.addAll(rmc);
    String rmcCondition =
        rmc.isEmpty()
            ? ""
            : " OR person_id IN (" + String.join(", ", rmc.stream().map(p -> "?").toList()) + ")";
    String daySql =
        "SELECT course_id, person_id, day, lessons, scheduled_minutes, attended_minutes,"
            + " unexcused_minutes, sick_lessons, luxury_lessons FROM presence_day WHERE "
            + scope.condition()
            + " AND day BETWEEN ? AND ? AND (day >= ? OR unexcused_minutes > 0"
            + " OR luxury_lessons > 0"
            + rmcCondition
            + ")";
    // Most of a class's day rows of the school year: read with plain JDBC (int columns as ints),
    // which costs about half of what a native query's row objects and conversions did.
    try (PreparedStatement query = em.unwrap(Connection.class).prepareStatement(daySql)) {
      for (int i = 0; i < dayParams.size(); i++) {
        query.setObject(i + 1, dayParams.get(i));
      }
      Map<Date, LocalDate> dates = new HashMap<>();
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          days.computeIfAbsent(new Key(r.getLong(1), r.getLong(2)), k -> new ArrayList<>())
              .add(
                  new Day(
                      dates.computeIfAbsent(r.getDate(3), Date::toLocalDate),
                      r.getInt(4),
                      r.getInt(5),
                      r.getInt(6),
                      r.getInt(7),
                      r.getInt(8),
                      r.getInt(9)));
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("day rows for the protocol not read", e);
    }

    Map<Key, List<Acknowledgement>> acks = new HashMap<>();
    for (Acknowledgement a : acknowledgements(em, scope, today)) {
      acks.computeIfAbsent(new Key(a.courseId(), a.personId()), k -> new ArrayList<>()).add(a);
    }

    // Sick reports count whole days over all the student's courses of the institution.
    Map<Long, Set<LocalDate>> sickDays =
        SickDays.of(
            em,
            students.stream().map(Key::personId).toList(),
            sickFrom,
            today,
            protocol.setting(Rule.SICKNESS),
            calendar);

    List<Signal> signals = new ArrayList<>();
    for (Key k : students) {
      Evaluation evaluation =
          new Evaluation(
              protocol,
              calendar,
              today,
              SCHOOL_ZONE,
              duties.getOrDefault(k.personId(), Duty.ASSUMED),
              days.getOrDefault(k, List.of()),
              sickDays.getOrDefault(k.personId(), Set.of()),
              lateCounts.getOrDefault(k, 0L),
              acks.getOrDefault(k, List.of()));
      signals.addAll(evaluation.signals(k.courseId(), k.personId()));
    }
    return signals;
  }

  /** A student in a course. */
  private record Key(long courseId, long personId) {}

  private static List<Acknowledgement> acknowledgements(
      EntityManager em, Scope scope, LocalDate today) {
    // Older acknowledgements cannot restart a count: counting never reaches back a school year.
    Timestamp since = Timestamp.from(today.minusDays(400).atStartOfDay(SCHOOL_ZONE).toInstant());
    List<Object> params = new ArrayList<>(scope.params());
    params.add(since);
    List<Acknowledgement> acks = new ArrayList<>();
    for (Object[] r :
        rows(
            em,
            "SELECT id, 0 FROM signal_ack WHERE " + scope.condition() + " AND acknowledged_at >= ?",
            params)) {
      acks.add(em.find(Acknowledgement.class, number(r[0])));
    }
    acks.sort(Comparator.comparing(Acknowledgement::acknowledgedAt).reversed());
    return acks;
  }
}
