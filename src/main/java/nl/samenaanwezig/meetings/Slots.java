package nl.samenaanwezig.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.web.Pages;

/**
 * The mentor's times for talks: adding one or a series (refused as a whole when a time does not
 * exist, lies in the past or clashes with the same mentor's other times, in any class), and listing
 * what is offered.
 */
public final class Slots {
  /** More than this in one go is a typing error, not a plan. */
  public static final int MAX_PER_PLAN = 300;

  private final Database db;
  private final Clock clock;

  public Slots(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** What adding did: how many times were added, or why none were (texts in the page language). */
  public record Added(int count, List<String> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  public Added add(long courseId, long mentorId, SlotForm.Checked form, Locale locale) {
    Instant now = clock.instant();
    SlotPlan.Expansion x = form.plan().expand(SlotTime.AMSTERDAM);
    List<String> problems = new ArrayList<>();
    if (!x.nonexistent().isEmpty()) {
      problems.add(
          Pages.text(
              locale,
              "slot.problem.nonexistent",
              x.nonexistent().stream()
                  .map(LocalDateTime::toString)
                  .map(s -> s.replace('T', ' '))
                  .collect(Collectors.joining(", "))));
    }
    if (x.times().isEmpty() && x.nonexistent().isEmpty()) {
      problems.add(Pages.text(locale, "slot.problem.none"));
    }
    if (x.times().size() > MAX_PER_PLAN) {
      problems.add(Pages.text(locale, "slot.problem.tooMany", x.times().size(), MAX_PER_PLAN));
    }
    if (x.times().stream().anyMatch(t -> !t.startsAt().isAfter(now))) {
      problems.add(Pages.text(locale, "slot.problem.past"));
    }
    if (!problems.isEmpty()) {
      return new Added(0, problems);
    }
    return db.tx(
        em -> {
          Instant from = x.times().get(0).startsAt();
          Instant until = x.times().get(x.times().size() - 1).endsAt();
          List<Slot> mine =
              em.createQuery(
                      "select s from Slot s where s.mentor.id = :m and s.cancelledAt is null"
                          + " and s.startsAt < :until and s.endsAt > :from order by s.startsAt",
                      Slot.class)
                  .setParameter("m", mentorId)
                  .setParameter("from", from)
                  .setParameter("until", until)
                  .getResultList();
          List<String> clashes = new ArrayList<>();
          for (SlotTime t : x.times()) {
            for (Slot s : mine) {
              if (t.overlaps(s.startsAt(), s.endsAt())) {
                clashes.add(
                    Pages.text(
                        locale,
                        "slot.problem.clash",
                        t.label(locale),
                        s.time().label(locale),
                        s.course().displayTitle()));
              }
            }
          }
          if (!clashes.isEmpty()) {
            return new Added(0, clashes.size() > 10 ? trimmed(clashes, locale) : clashes);
          }
          Course course = em.find(Course.class, courseId);
          Person mentor = em.find(Person.class, mentorId);
          for (SlotTime t : x.times()) {
            em.persist(
                new Slot(
                    course,
                    mentor,
                    t,
                    form.location(),
                    form.details(),
                    form.capacity(),
                    form.guard(),
                    now));
          }
          return new Added(x.times().size(), List.of());
        });
  }

  private static List<String> trimmed(List<String> clashes, Locale locale) {
    List<String> first = new ArrayList<>(clashes.subList(0, 10));
    first.add(Pages.text(locale, "slot.problem.moreClashes", clashes.size() - 10));
    return first;
  }

  /** The course's times that have not ended, soonest first (cancelled ones left out). */
  public List<Slot> upcoming(long courseId) {
    Instant now = clock.instant();
    return db.read(
        em ->
            em.createQuery(
                    "select s from Slot s where s.course.id = :c and s.cancelledAt is null"
                        + " and s.endsAt > :now order by s.startsAt, s.id",
                    Slot.class)
                .setParameter("c", courseId)
                .setParameter("now", now)
                .getResultList());
  }

  /** The times a meeting's student and buddies may choose from now: its mentor's, with room. */
  public List<Slot> offeredFor(Meeting meeting) {
    Instant now = clock.instant();
    return db
        .read(
            em ->
                em.createQuery(
                        "select s from Slot s where s.course.id = :c and s.mentor.id = :m"
                            + " and s.cancelledAt is null and s.booked < s.capacity"
                            + " and s.startsAt > :now order by s.startsAt, s.id",
                        Slot.class)
                    .setParameter("c", meeting.course().id())
                    .setParameter("m", meeting.mentor().id())
                    .setParameter("now", now)
                    .getResultList())
        .stream()
        .filter(s -> s.offered(now))
        .sorted(Comparator.comparing(Slot::startsAt))
        .toList();
  }
}
