package nl.samenaanwezig.protocol;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import nl.samenaanwezig.web.Pages;

/**
 * A signal as a page shows it: the step in words, the evidence in one sentence, the deadline, and
 * who handled it.
 *
 * @param fact the evidence, or null for a handled episode
 * @param due the deadline in words, or null
 * @param handled who handled it and when, or null while open
 */
public record SignalView(
    long courseId,
    long personId,
    String studentName,
    String courseTitle,
    boolean open,
    Rule rule,
    int level,
    StepText step,
    String fact,
    String due,
    boolean overdue,
    String handled,
    String note) {

  public static SignalView of(
      Signal signal,
      RuleSetting setting,
      String studentName,
      String courseTitle,
      Locale locale,
      LocalDate today) {
    DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
    Finding f = signal.finding();
    String fact = f == null ? null : fact(f, setting, locale, date);
    String due = null;
    boolean overdue = false;
    if (signal.open() && f != null && f.due() != null) {
      overdue = today.isAfter(f.due());
      // A DUO report has a deadline; the call home of the absent-days rule is due the same day.
      String key =
          f.rule() == Rule.ABSENT_DAYS
              ? (overdue ? "signal.call.overdue" : "signal.call")
              : (overdue ? "signal.overdue" : "signal.due");
      due = Pages.text(locale, key, day.format(f.due()));
    }
    String handled = null;
    String note = null;
    Signal.Handling a = signal.handledBy();
    if (a != null) {
      handled =
          a.reportedOn() != null
              ? Pages.text(locale, "signal.handled.duo", date.format(a.reportedOn()), a.by())
              : Pages.text(
                  locale,
                  "signal.handled",
                  date.format(a.at().atZone(Signals.SCHOOL_ZONE).toLocalDate()),
                  a.by());
      note = a.note();
    }
    return new SignalView(
        signal.courseId(),
        signal.personId(),
        studentName,
        courseTitle,
        signal.open(),
        signal.rule(),
        signal.step().level(),
        StepText.of(signal.step(), setting, locale),
        fact,
        due,
        overdue,
        handled,
        note);
  }

  private static String fact(
      Finding f, RuleSetting setting, Locale locale, DateTimeFormatter date) {
    String key = "signal.fact." + f.fact();
    return switch (f.fact()) {
      case "duo" ->
          Pages.text(
              locale,
              key,
              DuoEvidence.hours(f.amount(), locale),
              date.format(f.from()),
              setting.value("hours"),
              setting.value("weeks"),
              date.format(f.since()));
      case "sickness.reports" ->
          Pages.text(locale, key, f.amount(), setting.value("weeks"), date.format(f.from()));
      case "lateness" -> Pages.text(locale, key, f.amount());
      case "luxury.day" -> Pages.text(locale, key, f.amount(), date.format(f.from()));
      default -> Pages.text(locale, key, f.amount(), date.format(f.from()), date.format(f.to()));
    };
  }

  /** The badge on the class page: the step's title, marked handled when it is. */
  public String badge() {
    return step.title();
  }
}
