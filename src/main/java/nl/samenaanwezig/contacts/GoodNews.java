package nl.samenaanwezig.contacts;

import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import nl.samenaanwezig.attendance.ClassFigures;
import nl.samenaanwezig.attendance.PresenceRate;
import nl.samenaanwezig.buddies.BuddyBook;
import nl.samenaanwezig.buddies.Topic;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.web.Pages;

/**
 * The class page's nudge to share good news (goed nieuws delen), not only worries: students whose
 * presence went up clearly (the last four school weeks against the four before), and students who
 * do well but have heard no good news for a long time. The presence figures are the class page's
 * own week sums ({@link ClassFigures}, one SQL aggregation over {@code presence_day}); whom to tell
 * is asked of the consent rule (a buddy it allows for attendance, otherwise the student themself).
 */
public final class GoodNews {
  /** "Clearly up": at least this many percentage points more than in the four weeks before. */
  static final int RISE_POINTS = 10;

  /** Doing well: at least this presence in the last four school weeks. */
  static final int DOING_WELL_PERCENT = 95;

  /** Doing well and no good news shared for this many weeks: time to share some. */
  static final int QUIET_WEEKS = 8;

  /** Good news shared this recently: no nudge about a rise. */
  static final int RECENTLY_SHARED_DAYS = 14;

  static final int WINDOW_WEEKS = 4;
  static final int MAX_NUDGES = 5;

  private final Database db;
  private final BuddyBook buddies;

  public GoodNews(Database db, BuddyBook buddies) {
    this.db = db;
    this.buddies = buddies;
  }

  /** Why a student is on the list. */
  public enum Reason {
    /** Presence went up clearly. */
    ROSE,
    /** Presence is high and good news was not shared for a long time (or never). */
    DOING_WELL
  }

  /**
   * One student to share good news about: the reason in plain words, and the link to the contact
   * form preset to "goed nieuws" with a buddy the rule allows, or with the student themself.
   */
  public record Nudge(
      long studentId, String name, Reason reason, String text, String url, boolean viaBuddy) {}

  /** A student's presence in the two windows and the day good news was last shared. */
  record Figures(
      long studentId, PresenceRate recent, PresenceRate before, Optional<LocalDate> lastGoodNews) {

    /** Percentage points gained, exactly (not from the rounded percentages). */
    double rise() {
      return 100.0 * recent.attendedMinutes() / recent.scheduledMinutes()
          - 100.0 * before.attendedMinutes() / before.scheduledMinutes();
    }

    Optional<Reason> reason(LocalDate today) {
      if (recent.scheduledMinutes() <= 0) {
        return Optional.empty();
      }
      boolean sharedRecently =
          lastGoodNews.filter(d -> d.isAfter(today.minusDays(RECENTLY_SHARED_DAYS))).isPresent();
      if (before.scheduledMinutes() > 0 && rise() >= RISE_POINTS && !sharedRecently) {
        return Optional.of(Reason.ROSE);
      }
      boolean quiet = lastGoodNews.filter(d -> d.isAfter(today.minusWeeks(QUIET_WEEKS))).isEmpty();
      if (recent.percent().getAsInt() >= DOING_WELL_PERCENT && quiet) {
        return Optional.of(Reason.DOING_WELL);
      }
      return Optional.empty();
    }
  }

  /**
   * At most {@value #MAX_NUDGES} students of the course, the biggest rises first.
   *
   * @param figures the class page's figures per student id (their last eight school weeks)
   * @param students the course's active students; the others get no nudge
   */
  public List<Nudge> forCourse(
      Course course,
      LocalDate today,
      Locale locale,
      Map<Long, ClassFigures.StudentFigures> figures,
      Collection<Long> students) {
    List<Figures> all = figures(students, figures);
    Map<Long, LocalDate> lastGoodNews =
        all.isEmpty()
            ? Map.of()
            : db.read(em -> lastGoodNews(em, all.stream().map(Figures::studentId).toList()));
    List<Figures> chosen =
        all.stream()
            .map(
                f ->
                    new Figures(
                        f.studentId(),
                        f.recent(),
                        f.before(),
                        Optional.ofNullable(lastGoodNews.get(f.studentId()))))
            .filter(f -> f.reason(today).isPresent())
            .sorted(
                Comparator.comparing((Figures f) -> f.reason(today).get())
                    .thenComparing(Comparator.comparingDouble(Figures::rise).reversed())
                    .thenComparing(f -> f.lastGoodNews().orElse(LocalDate.MIN)))
            .limit(MAX_NUDGES)
            .toList();
    List<Nudge> nudges = new ArrayList<>();
    for (Figures f : chosen) {
      nudges.add(nudge(course, f, f.reason(today).get(), today, locale));
    }
    return nudges;
  }

  private Nudge nudge(Course course, Figures f, Reason reason, LocalDate today, Locale locale) {
    String name = db.read(em -> em.find(Person.class, f.studentId()).displayName());
    Optional<Long> buddy =
        buddies.overview(f.studentId(), today).buddies().stream()
            .filter(s -> s.decisions().get(Topic.ATTENDANCE).allowed())
            .map(s -> s.buddy().id())
            .findFirst();
    String text =
        switch (reason) {
          case ROSE ->
              Pages.text(
                  locale, "goodNews.rose", f.recent().label(), f.before().label(), WINDOW_WEEKS);
          case DOING_WELL ->
              f.lastGoodNews()
                  .map(
                      d ->
                          Pages.text(
                              locale,
                              "goodNews.quiet",
                              f.recent().label(),
                              DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                                  .withLocale(locale)
                                  .format(d)))
                  .orElse(Pages.text(locale, "goodNews.never", f.recent().label()));
        };
    String url =
        "/class/"
            + course.id()
            + "/students/"
            + f.studentId()
            + "/buddies?with="
            + buddy.map(String::valueOf).orElse(ContactForm.STUDENT)
            + "&kind="
            + Contact.Kind.GOOD_NEWS.name()
            + "&topic="
            + Topic.ATTENDANCE.name()
            + "#new-contact";
    return new Nudge(f.studentId(), name, reason, text, url, buddy.isPresent());
  }

  /**
   * Per active student with lessons in the last four school weeks (the others can get no nudge):
   * presence in the last four and the four before, summed from the class page's week sums. None
   * when the school calendar has fewer than eight school weeks; ordered by student id.
   */
  static List<Figures> figures(
      Collection<Long> students, Map<Long, ClassFigures.StudentFigures> figures) {
    List<Figures> all = new ArrayList<>();
    for (long student : new TreeSet<>(students)) {
      ClassFigures.StudentFigures f = figures.get(student);
      if (f == null || f.schoolWeeks().size() < 2 * WINDOW_WEEKS) {
        continue;
      }
      PresenceRate recent = sum(f.schoolWeeks().subList(0, WINDOW_WEEKS));
      if (recent.scheduledMinutes() > 0) {
        all.add(
            new Figures(
                student,
                recent,
                sum(f.schoolWeeks().subList(WINDOW_WEEKS, 2 * WINDOW_WEEKS)),
                Optional.empty()));
      }
    }
    return all;
  }

  private static PresenceRate sum(List<PresenceRate> weeks) {
    long attended = 0;
    long scheduled = 0;
    for (PresenceRate w : weeks) {
      attended += w.attendedMinutes();
      scheduled += w.scheduledMinutes();
    }
    return new PresenceRate(attended, scheduled);
  }

  /** The last day good news about each of these students was logged, by any of their mentors. */
  private static Map<Long, LocalDate> lastGoodNews(EntityManager em, List<Long> students) {
    var query =
        em.createNativeQuery(
            "SELECT student_id, MAX(contact_date) FROM contact WHERE kind = 'GOOD_NEWS'"
                + " AND student_id IN ("
                + String.join(", ", students.stream().map(s -> "?").toList())
                + ") GROUP BY student_id");
    for (int i = 0; i < students.size(); i++) {
      query.setParameter(i + 1, students.get(i));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    Map<Long, LocalDate> last = new HashMap<>();
    for (Object[] r : rows) {
      Object v = r[1];
      last.put(((Number) r[0]).longValue(), v instanceof Date d ? d.toLocalDate() : (LocalDate) v);
    }
    return last;
  }
}
