package nl.samenaanwezig.protocol;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Person;

/** Stores and lists acknowledgements: who took which step for a student, when, with what note. */
public final class Acknowledgements {
  private final Database db;
  private final Clock clock;

  public Acknowledgements(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Records that {@code by} took the step of a signal. The caller checked that the signal is open
   * at this level; the acknowledgement validates the note and the day of a DUO report.
   */
  public Acknowledgement acknowledge(
      Course course,
      long personId,
      Rule rule,
      int level,
      long byPersonId,
      String note,
      LocalDate reportedOn) {
    return db.tx(
        em -> {
          Acknowledgement ack =
              new Acknowledgement(
                  em.find(Course.class, course.id()),
                  em.find(Person.class, personId),
                  rule,
                  level,
                  em.find(Person.class, byPersonId),
                  clock.instant(),
                  note,
                  reportedOn,
                  Signals.SCHOOL_ZONE);
          em.persist(ack);
          return ack;
        });
  }

  /**
   * A student's acknowledgements in every course, newest first (the detail page's history): the
   * rules are about the student, so a step taken in one mentor group holds in the others.
   */
  public List<Acknowledgement> history(long personId) {
    return db.read(
        em ->
            em.createQuery(
                    "select a from Acknowledgement a where a.student.id = :p"
                        + " order by a.acknowledgedAt desc, a.id desc",
                    Acknowledgement.class)
                .setParameter("p", personId)
                .getResultList());
  }
}
