package nl.samenaanwezig.protocol;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.samenaanwezig.attendance.Lesson;
import nl.samenaanwezig.attendance.LessonRegister;
import nl.samenaanwezig.attendance.Mark;
import nl.samenaanwezig.attendance.MarkCategory;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Institution;
import nl.samenaanwezig.lti.Member;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.lti.Platform;
import nl.samenaanwezig.lti.PlatformSettings;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.testing.ToolServer;

/**
 * A fresh institution with one course, one student and a mentor, and short ways to register what
 * the student did on a day (each call is its own lesson).
 */
final class ProtocolFixture {
  final ToolServer tool;
  final LessonRegister register;
  final Course course;
  final Person student;
  final Person mentor;
  private int lessons;

  ProtocolFixture(ToolServer tool) {
    this.tool = tool;
    this.register = new LessonRegister(tool.db(), Clock.systemUTC());
    String id = UUID.randomUUID().toString();
    Person[] people = new Person[2];
    this.course =
        tool.db()
            .tx(
                em -> {
                  Institution school = new Institution("School " + id);
                  em.persist(school);
                  Platform platform =
                      new Platform(
                          school,
                          new PlatformSettings(
                              "https://lms-" + id + ".example",
                              "c",
                              Set.of("1"),
                              "https://lms.example/auth",
                              null,
                              "https://lms.example/jwks",
                              "LMS",
                              "School"),
                          false);
                  em.persist(platform);
                  Course c = new Course(platform, "course-" + id);
                  em.persist(c);
                  people[0] = new Person(platform, "student");
                  people[1] = new Person(platform, "mentor");
                  em.persist(people[0]);
                  em.persist(people[1]);
                  em.persist(
                      new Member(
                          c, people[0], Set.of(Role.STUDENT), Member.Source.ROSTER, Instant.now()));
                  em.persist(
                      new Member(
                          c, people[1], Set.of(Role.MENTOR), Member.Source.ROSTER, Instant.now()));
                  return c;
                });
    this.student = people[0];
    this.mentor = people[1];
  }

  long institutionId() {
    return course.platform().institution().id();
  }

  /** A lesson of {@code minutes} on {@code day} with the student's mark. */
  void mark(LocalDate day, int minutes, MarkCategory category, int lateMinutes) {
    mark(course, day, LocalTime.of(8, 0), minutes, category, lateMinutes);
  }

  /** A lesson of 50 minutes in {@code course} at {@code start} with the student's mark. */
  void lesson(Course in, LocalDate day, String start, MarkCategory category) {
    mark(in, day, LocalTime.parse(start), 50, category, 0);
  }

  /**
   * A whole day of lessons at 8:30, 9:30, ... with these marks (late by 10 minutes), in the
   * fixture's course.
   */
  void day(LocalDate day, MarkCategory... periods) {
    for (int p = 0; p < periods.length; p++) {
      int late = periods[p] == MarkCategory.LATE ? 10 : 0;
      mark(course, day, LocalTime.of(8 + p, 30), 50, periods[p], late);
    }
  }

  /**
   * A second course of the same institution with the student (and the mentor) in it: the student's
   * days count over both.
   */
  Course otherCourse() {
    return tool.db()
        .tx(
            em -> {
              Course c = new Course(em.find(Platform.class, course.platform().id()), "other");
              em.persist(c);
              em.persist(
                  new Member(
                      c,
                      em.find(Person.class, student.id()),
                      Set.of(Role.STUDENT),
                      Member.Source.ROSTER,
                      Instant.now()));
              return c;
            });
  }

  private void mark(
      Course in,
      LocalDate day,
      LocalTime start,
      int minutes,
      MarkCategory category,
      int lateMinutes) {
    lessons++;
    Lesson lesson =
        register.lesson(
            in.id(),
            new LessonRegister.LessonSpec(
                day,
                start,
                start.plusMinutes(minutes),
                null,
                null,
                Lesson.Source.API,
                "lesson-" + lessons));
    register.save(
        lesson.id(),
        Map.of(student.id(), new Mark.Entry(category, lateMinutes)),
        null,
        Lesson.Source.API);
  }

  void absent(LocalDate day, int hours) {
    mark(day, hours * 60, MarkCategory.UNEXCUSED, 0);
  }

  void late(LocalDate day, int minutes) {
    mark(day, 60, MarkCategory.LATE, minutes);
  }

  void sick(LocalDate day) {
    mark(day, 60, MarkCategory.SICK, 0);
  }

  void present(LocalDate day) {
    mark(day, 60, MarkCategory.PRESENT, 0);
  }

  void holiday(String first, String last) {
    tool.db()
        .run(
            em ->
                em.createNativeQuery(
                        "INSERT INTO school_holiday (institution_id, first_day, last_day, name)"
                            + " VALUES (?, ?, ?, 'vakantie')")
                    .setParameter(1, institutionId())
                    .setParameter(2, Date.valueOf(first))
                    .setParameter(3, Date.valueOf(last))
                    .executeUpdate());
  }

  /** Signals as they are on {@code today}. */
  List<Signal> signals(LocalDate today) {
    return signals(course, today);
  }

  /** Signals in one of the student's courses as they are on {@code today}. */
  List<Signal> signals(Course in, LocalDate today) {
    return new Signals(tool.db(), Clock.systemUTC()).forStudent(in, student.id(), today);
  }

  List<Signal> open(LocalDate today, Rule rule) {
    return signals(today).stream().filter(s -> s.open() && s.rule() == rule).toList();
  }

  /** The days the student counts as reported sick from {@code from} to {@code to}. */
  java.util.Set<LocalDate> sickDays(LocalDate from, LocalDate to) {
    return tool.db()
        .tx(
            em ->
                SickDays.of(
                        em,
                        List.of(student.id()),
                        from,
                        to,
                        // Low thresholds, so these tests' partly sick days have their order read.
                        new RuleSetting(Rule.SICKNESS, true, List.of(2, 52, 2)),
                        new nl.samenaanwezig.attendance.SchoolCalendar(List.of()))
                    .getOrDefault(student.id(), java.util.Set.of()));
  }

  /** The mentor acknowledges a step on {@code day} (at noon, school time). */
  void acknowledge(LocalDate day, Rule rule, int level, LocalDate reportedOn) {
    Clock at =
        Clock.fixed(day.atTime(12, 0).atZone(Signals.SCHOOL_ZONE).toInstant(), Signals.SCHOOL_ZONE);
    new Acknowledgements(tool.db(), at)
        .acknowledge(course, student.id(), rule, level, mentor.id(), "gebeld", reportedOn);
  }
}
