package nl.samenaanwezig.protocol;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.samenaanwezig.attendance.CategoryPolicy;
import nl.samenaanwezig.attendance.MarkCategory;
import nl.samenaanwezig.attendance.SchoolCalendar;
import nl.samenaanwezig.attendance.StudentAttendance;
import nl.samenaanwezig.web.Csv;
import nl.samenaanwezig.web.Pages;

/**
 * What the verzuimcoördinator needs for a DUO report ("DUO-melding voorbereiden"): every lesson
 * missed without an excuse in the counting period, with hours and category, and the deadline. The
 * tool only prepares this; the school's administration system sends the report.
 *
 * @param reportDue whether the threshold was reached (else: the current window, for a look ahead)
 * @param since the day the threshold was reached, or null
 * @param due the last school day to report, or null
 * @param lastReport the day of the previous report, or null
 */
public record DuoEvidence(
    LocalDate from,
    LocalDate to,
    boolean reportDue,
    LocalDate since,
    LocalDate due,
    LocalDate lastReport,
    RuleSetting setting,
    List<Row> rows) {

  /** One lesson missed (partly) without an excuse, in the course it was given in. */
  public record Row(
      LocalDate date,
      LocalTime start,
      LocalTime end,
      String course,
      MarkCategory category,
      int minutes) {

    /** Hours written the way the page's language writes numbers. */
    public String hours(Locale locale) {
      return DuoEvidence.hours(minutes, locale);
    }
  }

  public DuoEvidence {
    rows = List.copyOf(rows);
  }

  /**
   * The evidence for the open DUO finding, or — without one — for the latest school weeks of the
   * rule's window since the last report.
   */
  static DuoEvidence of(
      List<StudentAttendance.LessonMark> marks,
      CategoryPolicy policy,
      SchoolCalendar calendar,
      RuleSetting setting,
      Finding open,
      LocalDate lastReport,
      LocalDate today) {
    LocalDate from;
    if (open != null) {
      from = open.from();
    } else {
      LocalDate windowStart = SchoolDays.startOfLastWeeks(calendar, today, setting.value("weeks"));
      LocalDate countingStart = UnexcusedHours.countingStart(today, lastReport);
      from = windowStart.isAfter(countingStart) ? windowStart : countingStart;
    }
    List<Row> rows = new ArrayList<>();
    for (StudentAttendance.LessonMark m : marks) {
      if (m.date().isBefore(from)
          || m.date().isAfter(today)
          || !calendar.isSchoolWeek(SchoolCalendar.weekOf(m.date()))) {
        continue;
      }
      int minutes = policy.unexcusedMinutes(m.category(), m.scheduledMinutes(), m.lateMinutes());
      if (minutes > 0) {
        rows.add(new Row(m.date(), m.start(), m.end(), m.course(), m.category(), minutes));
      }
    }
    return new DuoEvidence(
        from,
        today,
        open != null,
        open == null ? null : open.since(),
        open == null ? null : open.due(),
        lastReport,
        setting,
        rows);
  }

  public long totalMinutes() {
    return rows.stream().mapToLong(Row::minutes).sum();
  }

  /** Minutes as hours with one decimal, written the way the page's language writes numbers. */
  public static String hours(long minutes, Locale locale) {
    return String.format(locale, "%.1f", minutes / 60.0);
  }

  /**
   * The evidence as CSV for Excel in a Dutch setting ({@link Csv}): one lesson per line with its
   * course, and a total line.
   */
  public String csv(Locale locale) {
    List<List<String>> lines = new ArrayList<>();
    lines.add(
        List.of(
            Pages.text(locale, "duo.csv.date"),
            Pages.text(locale, "duo.csv.start"),
            Pages.text(locale, "duo.csv.end"),
            Pages.text(locale, "duo.csv.course"),
            Pages.text(locale, "duo.csv.category"),
            Pages.text(locale, "duo.csv.minutes"),
            Pages.text(locale, "duo.csv.hours")));
    for (Row r : rows) {
      lines.add(
          List.of(
              r.date().toString(),
              r.start().toString(),
              r.end().toString(),
              r.course(),
              Pages.text(locale, r.category().messageKey()),
              String.valueOf(r.minutes()),
              decimalHours(r.minutes())));
    }
    lines.add(
        List.of(
            Pages.text(locale, "duo.csv.total"),
            "",
            "",
            "",
            "",
            String.valueOf(totalMinutes()),
            decimalHours(totalMinutes())));
    return Csv.of(lines, locale);
  }

  private static String decimalHours(long minutes) {
    return String.format(Locale.ROOT, "%.1f", minutes / 60.0);
  }
}
