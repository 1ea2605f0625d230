package nl.samenaanwezig.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.samenaanwezig.attendance.Lesson;
import nl.samenaanwezig.attendance.LessonRegister;
import nl.samenaanwezig.attendance.Mark;
import nl.samenaanwezig.attendance.MarkCategory;

/**
 * A believable school year of lessons and marks for the demo class, up to today: most students are
 * nearly always there, and a few show each step of the verzuimprotocol (lateness ladder, 16 hours
 * unexcused in four weeks, repeated sickness, a long sickness, luxe verzuim).
 */
final class DemoAttendance {
  private static final LocalTime[][] PERIODS = {
    {LocalTime.of(8, 30), LocalTime.of(9, 20)},
    {LocalTime.of(9, 30), LocalTime.of(10, 20)},
    {LocalTime.of(10, 40), LocalTime.of(11, 30)},
    {LocalTime.of(12, 15), LocalTime.of(13, 5)},
    {LocalTime.of(13, 15), LocalTime.of(14, 5)}
  };

  private DemoAttendance() {}

  /** The first school day of the demo year and the autumn holiday, relative to today. */
  static LocalDate firstSchoolDay(LocalDate today) {
    LocalDate start = LocalDate.of(today.getYear(), 8, 24);
    return today.isBefore(start) ? start.minusYears(1) : start;
  }

  static LocalDate[] autumnHoliday(LocalDate firstDay) {
    LocalDate monday = firstDay.plusWeeks(8).with(DayOfWeek.MONDAY);
    return new LocalDate[] {monday.minusDays(2), monday.plusDays(6)};
  }

  /** Lessons and marks from the first school day up to yesterday, by student sub. */
  static List<LessonRegister.LessonMarks> year(LocalDate today, Map<String, Long> studentIds) {
    LocalDate first = firstSchoolDay(today);
    LocalDate[] holiday = autumnHoliday(first);
    Random random = new Random(2026);
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = first; d.isBefore(today); d = d.plusDays(1)) {
      boolean weekend =
          d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
      boolean inHoliday = !d.isBefore(holiday[0]) && !d.isAfter(holiday[1]);
      if (!weekend && !inHoliday) {
        days.add(d);
      }
    }
    Map<String, Map<LocalDate, MarkCategory>> wholeDays = new HashMap<>();
    Map<String, List<LocalDate>> lateDays = new HashMap<>();
    int n = days.size();
    // Lateness ladder: 3 (talk with the mentor), 7 (buddy informed), 12 (report).
    lateDays.put("demo-student-03", spread(days, 3, random));
    lateDays.put("demo-student-02", spread(days, 7, random));
    lateDays.put("demo-student-06", spread(days, 12, random));
    // 16+ hours unexcused in the last four school weeks: four whole days plus some lessons.
    mark(wholeDays, "demo-student-08", tail(days, 18, 4), MarkCategory.UNEXCUSED);
    // Sick four times in twelve weeks (separate spells).
    for (int spell = 0; spell < 4; spell++) {
      mark(wholeDays, "demo-student-11", List.of(days.get(n - 3 - spell * 9)), MarkCategory.SICK);
    }
    // Seven consecutive sick school days, ongoing.
    mark(wholeDays, "demo-student-14", tail(days, 7, 7), MarkCategory.SICK);
    // Luxe verzuim: the two school days before the autumn holiday.
    List<LocalDate> beforeHoliday = days.stream().filter(d -> d.isBefore(holiday[0])).toList();
    mark(
        wholeDays,
        "demo-student-19",
        beforeHoliday.subList(beforeHoliday.size() - 2, beforeHoliday.size()),
        MarkCategory.LUXURY);
    // A dentist visit and a special leave day for two others.
    mark(wholeDays, "demo-student-05", List.of(days.get(n / 2)), MarkCategory.MEDICAL);
    mark(wholeDays, "demo-student-21", List.of(days.get(n / 3)), MarkCategory.SPECIAL_LEAVE);

    List<LessonRegister.LessonMarks> lessons = new ArrayList<>();
    for (LocalDate day : days) {
      for (int p = 0; p < PERIODS.length; p++) {
        Map<Long, Mark.Entry> marks = new HashMap<>();
        for (Map.Entry<String, Long> student : studentIds.entrySet()) {
          marks.put(
              student.getValue(), entry(student.getKey(), day, p, wholeDays, lateDays, random));
        }
        lessons.add(
            new LessonRegister.LessonMarks(
                new LessonRegister.LessonSpec(
                    day,
                    PERIODS[p][0],
                    PERIODS[p][1],
                    null,
                    null,
                    Lesson.Source.DEMO,
                    day + "-" + (p + 1)),
                marks));
      }
    }
    return lessons;
  }

  private static Mark.Entry entry(
      String sub,
      LocalDate day,
      int period,
      Map<String, Map<LocalDate, MarkCategory>> wholeDays,
      Map<String, List<LocalDate>> lateDays,
      Random random) {
    MarkCategory whole = wholeDays.getOrDefault(sub, Map.of()).get(day);
    if (whole != null) {
      return new Mark.Entry(whole, 0);
    }
    if (period == 0 && lateDays.getOrDefault(sub, List.of()).contains(day)) {
      return new Mark.Entry(MarkCategory.LATE, 5 + random.nextInt(20));
    }
    // Everyone else: a rare missed lesson or lateness, so the class is about 96% present.
    int roll = random.nextInt(1000);
    if (roll < 12) {
      return new Mark.Entry(MarkCategory.SICK, 0);
    }
    if (roll < 16) {
      return new Mark.Entry(MarkCategory.UNEXCUSED, 0);
    }
    return Mark.Entry.present();
  }

  private static void mark(
      Map<String, Map<LocalDate, MarkCategory>> wholeDays,
      String sub,
      List<LocalDate> days,
      MarkCategory category) {
    Map<LocalDate, MarkCategory> map = wholeDays.computeIfAbsent(sub, s -> new HashMap<>());
    days.forEach(d -> map.put(d, category));
  }

  /** {@code count} school days taken from the last {@code window} school days. */
  private static List<LocalDate> tail(List<LocalDate> days, int window, int count) {
    List<LocalDate> last = days.subList(Math.max(0, days.size() - window), days.size());
    List<LocalDate> picked = new ArrayList<>();
    int step = Math.max(1, last.size() / count);
    for (int i = last.size() - 1;
        i >= 0 && picked.size() < count;
        i -= (count == window ? 1 : step)) {
      picked.add(last.get(i));
    }
    return picked;
  }

  private static List<LocalDate> spread(List<LocalDate> days, int count, Random random) {
    List<LocalDate> picked = new ArrayList<>();
    while (picked.size() < Math.min(count, days.size())) {
      LocalDate d = days.get(random.nextInt(days.size()));
      if (!picked.contains(d)) {
        picked.add(d);
      }
    }
    return picked;
  }
}
