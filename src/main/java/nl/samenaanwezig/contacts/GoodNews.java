package nl.samenaanwezig.contacts;

import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.samenaanwezig.attendance.Holidays;
import nl.samenaanwezig.attendance.PresenceRate;
import nl.samenaanwezig.attendance.SchoolCalendar;
import nl.samenaanwezig.buddies.BuddyBook;
import nl.samenaanwezig.buddies.Topic;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.web.Pages;

/**
 * The class page's nudge to share good news (goed nieuws delen), not only worries: students whose
 * presence went up clearly (the last four school weeks against the four before), and students who
 * do well but have heard no good news for a long time. The presence figures are one SQL aggregation
 * over {@code presence_day}; whom to tell is asked of the consent rule (a buddy it allows for
 * attendance, otherwise the student themself).
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

  /** At most {@value #MAX_NUDGES} students of the course, the biggest rises first. */
  public List<Nudge> forCourse(Course course, LocalDate today, Locale locale) {
    List<Figures> figures = db.read(em -> figures(em, course, today));
    List<Figures> chosen =
        figures.stream()
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
   * Per active student of the course with lessons in the last eight school weeks: presence in the
   * last four and the four before (one aggregation over {@code presence_day}), and the last day
   * good news about them was logged by any of their mentors.
   */
  static List<Figures> figures(EntityManager em, Course course, LocalDate today) {
    SchoolCalendar calendar = Holidays.of(em, course.platform().institution().id());
    List<SchoolCalendar.Week> weeks = calendar.lastSchoolWeeks(today, 2 * WINDOW_WEEKS);
    if (weeks.size() < 2 * WINDOW_WEEKS) {
      return List.of();
    }
    // Window 0 is the last four school weeks, window 1 the four before; a join on the weeks' dates
    // gives each day row its window (one CASE per week and sum cost far more per row in Derby).
    List<Object> params = new ArrayList<>();
    StringBuilder windows = new StringBuilder();
    for (int i = 0; i < weeks.size(); i++) {
      SchoolCalendar.Week w = weeks.get(i);
      windows
          .append(i == 0 ? "" : ", ")
          .append("(")
          .append(i < WINDOW_WEEKS ? 0 : 1)
          .append(", CAST(? AS DATE), CAST(? AS DATE))");
      params.add(Date.valueOf(w.monday()));
      params.add(Date.valueOf(w.sunday().isBefore(today) ? w.sunday() : today));
    }
    StringBuilder sql = new StringBuilder("SELECT d.person_id");
    for (int window = 0; window < 2; window++) {
      for (String column : List.of("attended_minutes", "scheduled_minutes")) {
        sql.append(", SUM(CASE WHEN w.win = ")
            .append(window)
            .append(" THEN CAST(d.")
            .append(column)
            .append(" AS BIGINT) ELSE 0 END)");
      }
    }
    sql.append(
        ", g.last_good FROM presence_day d"
            + " JOIN (VALUES "
            + windows
            + ") AS w (win, first_day, last_day) ON d.day BETWEEN w.first_day AND w.last_day"
            + " JOIN member m ON m.person_id = d.person_id AND m.course_id = d.course_id"
            + " LEFT JOIN (SELECT student_id, MAX(contact_date) AS last_good FROM contact"
            + " WHERE kind = 'GOOD_NEWS' GROUP BY student_id) g ON g.student_id = d.person_id"
            + " WHERE d.course_id = ? AND d.day BETWEEN ? AND ?"
            + " AND m.active = TRUE AND m.roles LIKE '%STUDENT%'"
            + " GROUP BY d.person_id, g.last_good");
    params.add(course.id());
    params.add(Date.valueOf(weeks.get(weeks.size() - 1).monday()));
    params.add(Date.valueOf(today));
    var query = em.createNativeQuery(sql.toString());
    for (int i = 0; i < params.size(); i++) {
      query.setParameter(i + 1, params.get(i));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    return rows.stream()
        .map(
            r ->
                new Figures(
                    ((Number) r[0]).longValue(),
                    new PresenceRate(n(r[1]), n(r[2])),
                    new PresenceRate(n(r[3]), n(r[4])),
                    Optional.ofNullable(r[5])
                        .map(v -> v instanceof Date d ? d.toLocalDate() : (LocalDate) v)))
        .toList();
  }

  private static long n(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
