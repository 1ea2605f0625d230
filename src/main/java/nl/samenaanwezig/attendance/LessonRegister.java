package nl.samenaanwezig.attendance;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Person;

/**
 * Writes attendance: lessons (idempotent by the sender's id) and marks (one per student and lesson,
 * history kept, day figures updated in the same transaction). The registration screen, the CSV
 * import and the API all write through here.
 */
public final class LessonRegister {
  private final Database db;
  private final Clock clock;

  public LessonRegister(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** A lesson as a sender describes it. */
  public record LessonSpec(
      LocalDate date,
      LocalTime start,
      LocalTime end,
      Integer scheduledMinutes,
      String group,
      Lesson.Source source,
      String externalId) {}

  /** Finds the lesson with this sender id or creates it; a second call returns the same lesson. */
  public Lesson lesson(long courseId, LessonSpec spec) {
    return db.tx(em -> lesson(em, em.find(Course.class, courseId), spec));
  }

  static Lesson lesson(EntityManager em, Course course, LessonSpec spec) {
    Optional<Lesson> existing =
        em
            .createQuery(
                "select l from Lesson l where l.course = :c and l.source = :s"
                    + " and l.externalId = :e",
                Lesson.class)
            .setParameter("c", course)
            .setParameter("s", spec.source().name())
            .setParameter("e", spec.externalId())
            .getResultList()
            .stream()
            .findFirst();
    if (existing.isPresent()) {
      Lesson lesson = existing.get();
      if (!lesson.date().equals(spec.date())) {
        throw new IllegalArgumentException("a lesson cannot move to another date");
      }
      int scheduledBefore = lesson.scheduledMinutes();
      lesson.reschedule(spec.start(), spec.end(), spec.scheduledMinutes(), spec.group());
      if (lesson.scheduledMinutes() != scheduledBefore) {
        // The day figures of every student were computed with the old length.
        em.flush();
        PresenceDays.rebuild(
            em,
            course.id(),
            lesson.date(),
            lesson.date(),
            Policies.of(em, course.platform().institution().id()));
      }
      return lesson;
    }
    Lesson lesson =
        new Lesson(
            course,
            spec.date(),
            spec.start(),
            spec.end(),
            spec.scheduledMinutes(),
            spec.group(),
            spec.source(),
            spec.externalId());
    em.persist(lesson);
    return lesson;
  }

  /**
   * Recomputes a course's day figures for a period in the caller's transaction: bulk writers (the
   * CSV import) write marks in SQL and then call this once per chunk of days.
   */
  public static void recomputeDays(EntityManager em, Course course, LocalDate from, LocalDate to) {
    PresenceDays.rebuild(
        em, course.id(), from, to, Policies.of(em, course.platform().institution().id()));
  }

  /** A mark a bulk writer changed (before is null for a new mark), for {@link #adjustDays}. */
  public record DayChange(
      long personId, LocalDate day, int scheduledMinutes, Mark.Entry before, Mark.Entry after) {}

  /**
   * Adds the effect of changed marks to the day figures in the caller's transaction: for a bulk
   * writer's few changes this is cheaper than recomputing whole days.
   */
  public static void adjustDays(EntityManager em, Course course, List<DayChange> changes) {
    CategoryPolicy policy = Policies.of(em, course.platform().institution().id());
    Map<PresenceDays.Key, DayDelta> deltas = new HashMap<>();
    for (DayChange c : changes) {
      DayDelta delta = DayDelta.of(c.after(), c.scheduledMinutes(), policy);
      if (c.before() != null) {
        delta = delta.plus(DayDelta.of(c.before(), c.scheduledMinutes(), policy).negate());
      }
      deltas.merge(new PresenceDays.Key(course.id(), c.personId(), c.day()), delta, DayDelta::plus);
    }
    PresenceDays.apply(em, deltas);
  }

  public Optional<Lesson> find(long lessonId) {
    return db.read(em -> Optional.ofNullable(em.find(Lesson.class, lessonId)));
  }

  /** The marks of a lesson by student id. */
  public Map<Long, Mark.Entry> marks(long lessonId) {
    return db.read(
        em -> {
          Map<Long, Mark.Entry> marks = new HashMap<>();
          em.createQuery("select m from Mark m where m.lesson.id = :l", Mark.class)
              .setParameter("l", lessonId)
              .getResultList()
              .forEach(m -> marks.put(m.student().id(), m.entry()));
          return marks;
        });
  }

  /**
   * Saves marks for one lesson in one transaction; returns how many marks changed. The caller has
   * checked that every student belongs to the lesson's course.
   */
  public int save(
      long lessonId, Map<Long, Mark.Entry> entries, Long byPersonId, Lesson.Source via) {
    Instant now = clock.instant();
    return db.tx(
        em -> {
          Lesson lesson = em.find(Lesson.class, lessonId);
          Person by = byPersonId == null ? null : em.find(Person.class, byPersonId);
          CategoryPolicy policy = Policies.of(em, lesson.course().platform().institution().id());
          Map<PresenceDays.Key, DayDelta> deltas = new HashMap<>();
          Map<Long, Mark> existing = existingMarks(em, lesson);
          int changed = 0;
          for (Map.Entry<Long, Mark.Entry> e : entries.entrySet()) {
            if (record(
                em,
                lesson,
                em.find(Person.class, e.getKey()),
                existing.get(e.getKey()),
                e.getValue(),
                by,
                via,
                now,
                policy,
                deltas)) {
              changed++;
            }
          }
          PresenceDays.apply(em, deltas);
          return changed;
        });
  }

  /** A lesson with the marks to record for it, by student id. */
  public record LessonMarks(LessonSpec lesson, Map<Long, Mark.Entry> marks) {}

  /**
   * Writes many lessons with their marks in one transaction (seeding, bulk loads); idempotent like
   * {@link #lesson} and {@link #save}. Returns the number of marks that changed.
   */
  public int saveAll(long courseId, List<LessonMarks> batch, Long byPersonId, Lesson.Source via) {
    Instant now = clock.instant();
    return db.tx(
        em -> {
          CategoryPolicy policy =
              Policies.of(em, em.find(Course.class, courseId).platform().institution().id());
          Map<PresenceDays.Key, DayDelta> deltas = new HashMap<>();
          int changed = 0;
          int done = 0;
          for (LessonMarks item : batch) {
            Course course = em.find(Course.class, courseId);
            Person by = byPersonId == null ? null : em.find(Person.class, byPersonId);
            Lesson lesson = lesson(em, course, item.lesson());
            Map<Long, Mark> existing = existingMarks(em, lesson);
            for (Map.Entry<Long, Mark.Entry> e : item.marks().entrySet()) {
              Person student = em.find(Person.class, e.getKey());
              if (record(
                  em,
                  lesson,
                  student,
                  existing.get(e.getKey()),
                  e.getValue(),
                  by,
                  via,
                  now,
                  policy,
                  deltas)) {
                changed++;
              }
            }
            // Keep the persistence context small: a long batch would otherwise slow every flush.
            if (++done % 50 == 0) {
              em.flush();
              em.clear();
            }
          }
          PresenceDays.apply(em, deltas);
          return changed;
        });
  }

  private static Map<Long, Mark> existingMarks(EntityManager em, Lesson lesson) {
    Map<Long, Mark> marks = new HashMap<>();
    if (lesson.id() == null) {
      return marks;
    }
    em.createQuery("select m from Mark m where m.lesson = :l", Mark.class)
        .setParameter("l", lesson)
        .getResultList()
        .forEach(m -> marks.put(m.student().id(), m));
    return marks;
  }

  /** Records one mark inside a transaction; adds its effect to {@code deltas}. */
  static boolean record(
      EntityManager em,
      Lesson lesson,
      Person student,
      Mark existing,
      Mark.Entry entry,
      Person by,
      Lesson.Source via,
      Instant now,
      CategoryPolicy policy,
      Map<PresenceDays.Key, DayDelta> deltas) {
    PresenceDays.Key key = new PresenceDays.Key(lesson.course().id(), student.id(), lesson.date());
    DayDelta after = DayDelta.of(entry, lesson.scheduledMinutes(), policy);
    if (existing == null) {
      Mark mark = new Mark(lesson, student, entry, by, via, now);
      em.persist(mark);
      deltas.merge(key, after, DayDelta::plus);
      return true;
    }
    Mark mark = existing;
    DayDelta before = DayDelta.of(mark.entry(), lesson.scheduledMinutes(), policy);
    Optional<MarkChange> change = mark.change(entry, by, via, now);
    change.ifPresent(em::persist);
    if (change.isPresent()) {
      deltas.merge(key, after.plus(before.negate()), DayDelta::plus);
    }
    return change.isPresent();
  }
}
