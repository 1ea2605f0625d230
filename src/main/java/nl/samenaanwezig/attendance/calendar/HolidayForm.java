package nl.samenaanwezig.attendance.calendar;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.samenaanwezig.attendance.SchoolCalendar;

/**
 * One holiday or day off as the administrator typed it, with its problems (message keys). Dates are
 * ISO (what a date field sends); years outside 2000-2100 are typing errors, and so is a holiday of
 * more than {@value #MAX_DAYS} days: it would silently hide months of absence from the DUO count.
 */
public record HolidayForm(String name, String firstDay, String lastDay, List<String> problems) {
  public static final int MAX_DAYS = 92;
  public static final int MAX_NAME = 200;

  public static HolidayForm empty() {
    return new HolidayForm("", "", "", List.of());
  }

  public static HolidayForm of(SchoolCalendar.Holiday h) {
    return new HolidayForm(h.name(), h.firstDay().toString(), h.lastDay().toString(), List.of());
  }

  public static HolidayForm parse(MultivaluedMap<String, String> form) {
    String name = text(form, "name");
    String first = text(form, "firstDay");
    String last = text(form, "lastDay");
    return new HolidayForm(name, first, last, check(name, first, last));
  }

  private static List<String> check(String name, String first, String last) {
    List<String> found = new ArrayList<>();
    if (name.isEmpty()) {
      found.add("calendar.problem.name");
    } else if (name.length() > MAX_NAME) {
      found.add("calendar.problem.nameLength");
    }
    Optional<LocalDate> from = date(first);
    Optional<LocalDate> to = date(last);
    if (from.isEmpty()) {
      found.add("calendar.problem.firstDay");
    }
    if (to.isEmpty()) {
      found.add("calendar.problem.lastDay");
    }
    if (from.isEmpty() || to.isEmpty()) {
      return found;
    }
    if (!inRange(from.get()) || !inRange(to.get())) {
      found.add("calendar.problem.year");
    } else if (to.get().isBefore(from.get())) {
      found.add("calendar.problem.order");
    } else if (ChronoUnit.DAYS.between(from.get(), to.get()) >= MAX_DAYS) {
      found.add("calendar.problem.long");
    }
    return found;
  }

  /** The holiday, when the form has no problems. */
  public Optional<SchoolCalendar.Holiday> holiday() {
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new SchoolCalendar.Holiday(LocalDate.parse(firstDay), LocalDate.parse(lastDay), name));
  }

  public HolidayForm withProblems(List<String> more) {
    List<String> all = new ArrayList<>(problems);
    all.addAll(more);
    return new HolidayForm(name, firstDay, lastDay, List.copyOf(all));
  }

  private static boolean inRange(LocalDate day) {
    return day.getYear() >= 2000 && day.getYear() <= 2100;
  }

  private static Optional<LocalDate> date(String value) {
    try {
      return Optional.of(LocalDate.parse(value));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String text(MultivaluedMap<String, String> form, String field) {
    String v = form.getFirst(field);
    return v == null ? "" : v.strip();
  }
}
