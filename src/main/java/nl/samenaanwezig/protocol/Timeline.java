package nl.samenaanwezig.protocol;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.samenaanwezig.attendance.PresenceRate;
import nl.samenaanwezig.attendance.SchoolCalendar;
import nl.samenaanwezig.attendance.StudentAttendance.LessonMark;

/** A student's lessons week by week, newest week first: presence and each lesson's mark. */
public record Timeline(List<Week> weeks) {
  /** Weeks per page of the student detail. */
  public static final int BLOCK_WEEKS = 6;

  /**
   * The weeks one page shows: first and last day, and the week the links to later and earlier weeks
   * go to (null: none).
   */
  public record Range(LocalDate from, LocalDate to, LocalDate newer, LocalDate older) {

    /**
     * The {@value #BLOCK_WEEKS} weeks up to the week of {@code until} (this week when null or
     * later). The link to earlier weeks skips weeks without lessons: it goes to the week of the
     * last lesson before these ({@code lastLessonBefore}, a query).
     */
    public static Range ending(
        LocalDate until,
        LocalDate today,
        Function<LocalDate, Optional<LocalDate>> lastLessonBefore) {
      LocalDate thisWeek = SchoolCalendar.weekOf(today).monday();
      LocalDate lastWeek =
          until == null || until.isAfter(today) ? thisWeek : SchoolCalendar.weekOf(until).monday();
      LocalDate from = lastWeek.minusWeeks(BLOCK_WEEKS - 1);
      LocalDate to = lastWeek.plusDays(6).isAfter(today) ? today : lastWeek.plusDays(6);
      LocalDate newer = null;
      if (lastWeek.isBefore(thisWeek)) {
        LocalDate next = lastWeek.plusWeeks(BLOCK_WEEKS);
        newer = next.isAfter(thisWeek) ? thisWeek : next;
      }
      LocalDate older =
          lastLessonBefore.apply(from).map(d -> SchoolCalendar.weekOf(d).monday()).orElse(null);
      return new Range(from, to, newer, older);
    }
  }

  /** One week: its presence and its lesson days. */
  public record Week(LocalDate monday, PresenceRate presence, List<LessonDay> days) {}

  /** One day with its lessons in time order. */
  public record LessonDay(LocalDate date, List<LessonMark> lessons) {}

  public static Timeline of(List<LessonMark> marks) {
    Map<LocalDate, Map<LocalDate, List<LessonMark>>> byWeek = new LinkedHashMap<>();
    for (LessonMark m : marks) {
      byWeek
          .computeIfAbsent(SchoolCalendar.weekOf(m.date()).monday(), k -> new LinkedHashMap<>())
          .computeIfAbsent(m.date(), k -> new ArrayList<>())
          .add(m);
    }
    List<Week> weeks = new ArrayList<>();
    byWeek.forEach(
        (monday, days) -> {
          long attended = 0;
          long scheduled = 0;
          List<LessonDay> lessonDays = new ArrayList<>();
          for (Map.Entry<LocalDate, List<LessonMark>> d : days.entrySet()) {
            for (LessonMark m : d.getValue()) {
              attended += m.attendedMinutes();
              scheduled += m.scheduledMinutes();
            }
            lessonDays.add(new LessonDay(d.getKey(), List.copyOf(d.getValue())));
          }
          weeks.add(0, new Week(monday, new PresenceRate(attended, scheduled), lessonDays));
        });
    return new Timeline(weeks);
  }
}
