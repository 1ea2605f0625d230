package nl.samenaanwezig.protocol;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.attendance.PresenceRate;
import nl.samenaanwezig.attendance.SchoolCalendar;
import nl.samenaanwezig.attendance.StudentAttendance.LessonMark;

/** A student's school year week by week, newest week first: presence and each lesson's mark. */
public record Timeline(List<Week> weeks) {

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

  /** Presence over the whole timeline. */
  public PresenceRate total() {
    long attended = 0;
    long scheduled = 0;
    for (Week w : weeks) {
      attended += w.presence().attendedMinutes();
      scheduled += w.presence().scheduledMinutes();
    }
    return new PresenceRate(attended, scheduled);
  }
}
