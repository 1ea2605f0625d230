package nl.samenaanwezig.attendance.calendar;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.samenaanwezig.attendance.SchoolCalendar;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.web.Pages;

/** Renders the school calendar pages in the administrator's language. */
final class CalendarPage {
  private final Pages pages;
  private final SchoolHolidays holidays;
  private final Session session;
  private final Locale locale;
  private final DateTimeFormatter date;

  CalendarPage(Pages pages, SchoolHolidays holidays, Session session) {
    this.pages = pages;
    this.holidays = holidays;
    this.session = session;
    this.locale = session.locale();
    this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
  }

  /** A holiday as the list shows it. */
  public record View(long id, String name, String firstDay, String lastDay, String source) {}

  /** A region in the choice. */
  public record Choice(String code, String label, boolean chosen) {}

  String list(HolidayForm form, List<String> problems, String notice, int count, String typed) {
    long institutionId = session.platform().institution().id();
    String chosen =
        typed != null ? typed : holidays.region(institutionId).map(Region::code).orElse("");
    Map<String, Object> vars = vars();
    vars.put(
        "rows",
        holidays.of(institutionId).stream()
            .map(
                r ->
                    new View(
                        r.id(),
                        r.holiday().name(),
                        date.format(r.holiday().firstDay()),
                        date.format(r.holiday().lastDay()),
                        r.region() == null
                            ? Pages.text(locale, "calendar.source.own")
                            : Pages.text(
                                locale,
                                "calendar.source.official",
                                Pages.text(locale, r.region().messageKey()))))
            .toList());
    vars.put(
        "regions",
        Arrays.stream(Region.values())
            .map(
                r ->
                    new Choice(
                        r.code(), Pages.text(locale, r.messageKey()), r.code().equals(chosen)))
            .toList());
    vars.put("schoolYears", String.join(", ", OfficialHolidays.schoolYears()));
    vars.put("form", form);
    vars.put("problems", problems);
    vars.put("notice", notice == null ? null : Pages.text(locale, notice, count));
    return pages.render("calendar", locale, vars);
  }

  String edit(SchoolHolidays.Row row, HolidayForm form, List<String> problems) {
    Map<String, Object> vars = vars();
    vars.put("id", row.id());
    vars.put("title", row.holiday().name());
    vars.put("official", row.region() != null);
    vars.put("form", form);
    vars.put("problems", problems);
    return pages.render("calendar-holiday", locale, vars);
  }

  List<String> texts(List<String> keys) {
    return keys.stream().map(k -> Pages.text(locale, k)).toList();
  }

  /** One sentence (message {@code key}) per holiday in the way, with its dates. */
  List<String> clashes(SchoolHolidays.Outcome outcome, String key) {
    return outcome.clashes().stream().map(h -> clash(h, key)).toList();
  }

  private String clash(SchoolCalendar.Holiday h, String key) {
    return Pages.text(locale, key, h.name(), date.format(h.firstDay()), date.format(h.lastDay()));
  }

  private Map<String, Object> vars() {
    Map<String, Object> vars = Frame.of(session, "/admin/calendar");
    vars.put("institution", session.platform().institution().name());
    return vars;
  }
}
