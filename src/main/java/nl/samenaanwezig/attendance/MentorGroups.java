package nl.samenaanwezig.attendance;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.InstitutionSetting;

/**
 * Which courses are mentor groups (mentorgroepen). The verzuimprotocol counts per student across
 * every course of the institution; a teacher of a student's mentor group is the student's mentor
 * and sees those institution-wide figures and signals. A teacher of any other course (a subject
 * course) sees only the lessons of that course. An institution with one course per class keeps the
 * default {@link Mode#ALL}; one with subject courses marks its mentor groups ({@link Mode#MARKED}).
 */
public final class MentorGroups {
  /** How an institution tells its mentor groups. */
  public enum Mode {
    /** Every course is a class with its mentor (one course per class). */
    ALL,
    /** Only the courses the administrator marked; the others are subject courses. */
    MARKED;

    public static Optional<Mode> parse(String value) {
      if (value == null) {
        return Optional.empty();
      }
      for (Mode m : values()) {
        if (m.name().equalsIgnoreCase(value.strip())) {
          return Optional.of(m);
        }
      }
      return Optional.empty();
    }

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Database db;
  private final Clock clock;

  public MentorGroups(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public Mode mode(long institutionId) {
    return db.read(em -> mode(em, institutionId));
  }

  public static Mode mode(EntityManager em, long institutionId) {
    InstitutionSetting setting = em.find(InstitutionSetting.class, institutionId);
    return setting == null ? Mode.ALL : Mode.parse(setting.mentorGroups()).orElse(Mode.ALL);
  }

  /** Whether the course's teachers are the mentors of its students. */
  public boolean isMentorGroup(Course course) {
    return db.read(em -> isMentorGroup(em, course));
  }

  public static boolean isMentorGroup(EntityManager em, Course course) {
    return mode(em, course.platform().institution().id()) == Mode.ALL
        || em.find(Course.class, course.id()).markedMentorGroup();
  }

  /** The scope of a course's pages: every course of its students in a mentor group, else itself. */
  public static LessonScope scopeOf(EntityManager em, Course course) {
    return isMentorGroup(em, course)
        ? LessonScope.everyCourse(course.id())
        : LessonScope.only(course);
  }

  /** The institution's courses, by title, with whether each is marked. */
  public List<Course> courses(long institutionId) {
    return db.read(
        em ->
            em.createQuery(
                    "select c from Course c where c.platform.institution.id = :i"
                        + " order by c.title, c.contextId",
                    Course.class)
                .setParameter("i", institutionId)
                .getResultList());
  }

  /**
   * Stores the institution's choice: the mode, and which of its courses are mentor groups. Ids that
   * are not courses of the institution are refused before anything changes.
   *
   * @throws IllegalArgumentException naming the first id that is not a course of the institution
   */
  public void choose(long institutionId, Mode mode, Collection<Long> marked) {
    db.run(
        em -> {
          List<Course> courses =
              em.createQuery(
                      "select c from Course c where c.platform.institution.id = :i", Course.class)
                  .setParameter("i", institutionId)
                  .getResultList();
          Set<Long> known = new HashSet<>();
          courses.forEach(c -> known.add(c.id()));
          for (Long id : marked) {
            if (!known.contains(id)) {
              throw new IllegalArgumentException("not a course of the institution: " + id);
            }
          }
          for (Course c : courses) {
            c.markMentorGroup(marked.contains(c.id()));
          }
          InstitutionSetting setting = em.find(InstitutionSetting.class, institutionId);
          if (setting == null) {
            setting = new InstitutionSetting(institutionId, clock.instant());
            em.persist(setting);
          }
          setting.mentorGroups(mode.name(), clock.instant());
        });
  }

  /**
   * How many active students of the institution are in more than one course: a hint that the school
   * has subject courses and should mark its mentor groups.
   */
  public long studentsInSeveralCourses(long institutionId) {
    return db.read(
        em ->
            ((Number)
                    em.createNativeQuery(
                            "SELECT COUNT(*) FROM (SELECT m.person_id FROM member m"
                                + " JOIN course c ON c.id = m.course_id"
                                + " JOIN platform p ON p.id = c.platform_id"
                                + " WHERE p.institution_id = ? AND m.active = ?"
                                + " AND m.roles LIKE ? GROUP BY m.person_id"
                                + " HAVING COUNT(*) > 1) AS several")
                        .setParameter(1, institutionId)
                        .setParameter(2, true)
                        .setParameter(3, "%STUDENT%")
                        .getSingleResult())
                .longValue());
  }
}
