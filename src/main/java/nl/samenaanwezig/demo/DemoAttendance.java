package nl.samenaanwezig.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import nl.samenaanwezig.attendance.Lesson;
import nl.samenaanwezig.attendance.LessonRegister;
import nl.samenaanwezig.attendance.Mark;
import nl.samenaanwezig.attendance.MarkCategory;

/**
 * A believable school year of lessons and marks for the demo class, up to today: most students are
 * nearly always there and now and then ill for a day or two ({@link DemoSickness}), and a few show
 * each step of the verzuimprotocol (lateness ladder, 16 hours unexcused in four weeks, repeated
 * sickness, a long sickness, two days in a row away without a reason, luxe verzuim). The same date
 * always gives the same year: everything random comes from fixed seeds.
 */
final class DemoAttendance {
  private static final LocalTime[][] PERIODS = {
    {LocalTime.of(8, 30), LocalTime.of(9, 20)},
    {LocalTime.of(9, 30), LocalTime.of(10, 20)},
    {LocalTime.of(10, 40), LocalTime.of(11, 30)},
    {LocalTime.of(12, 15), LocalTime.of(13, 5)},
    {LocalTime.of(13, 15), LocalTime.of(14, 5)}
  };

  /**
   * The students whose story is whole days (unexcused, often or long sick, away two days): they
   * have no sickness besides it. Everyone else is ill now and then.
   */
  private static final Set<String> WHOLE_DAY_STORIES =
      Set.of("demo-student-01", "demo-student-08", "demo-student-11", "demo-student-14");

  /** Two students are once ill for most of a week (still short of the MAZL signal). */
  private static final List<String> ILL_FOR_A_WEEK = List.of("demo-student-09", "demo-student-23");

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

  /** Every school day of the demo year (weekdays outside the autumn holiday), up to a year on. */
  static List<LocalDate> schoolYear(LocalDate firstDay) {
    LocalDate[] holiday = autumnHoliday(firstDay);
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = firstDay; d.isBefore(firstDay.plusYears(1)); d = d.plusDays(1)) {
      boolean weekend =
          d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
      boolean inHoliday = !d.isBefore(holiday[0]) && !d.isAfter(holiday[1]);
      if (!weekend && !inHoliday) {
        days.add(d);
      }
    }
    return days;
  }

  /** Lessons and marks from the first school day up to yesterday, by student sub. */
  static List<LessonRegister.LessonMarks> year(LocalDate today, Map<String, Long> studentIds) {
    LocalDate first = firstSchoolDay(today);
    LocalDate[] holiday = autumnHoliday(first);
    List<LocalDate> schoolYear = schoolYear(first);
    List<LocalDate> days = schoolYear.stream().filter(d -> d.isBefore(today)).toList();
    Random random = new Random(2026);
    Map<String, Map<LocalDate, MarkCategory>> wholeDays = new HashMap<>();
    Map<String, List<LocalDate>> lateDays = new HashMap<>();
    int n = days.size();
    // Lateness ladder: 3 (talk with the mentor), 7 (buddy informed), 12 (report).
    lateDays.put("demo-student-03", spread(days, 3, random));
    lateDays.put("demo-student-02", spread(days, 7, random));
    lateDays.put("demo-student-06", spread(days, 12, random));
    // 16+ hours unexcused in the last four school weeks: four whole days plus some lessons.
    mark(wholeDays, "demo-student-08", tail(days, 18, 4), MarkCategory.UNEXCUSED);
    // Sick four times in twelve weeks: separate days, nine school days apart (closer early in
    // the year, so the story is there from the third week).
    int apart = Math.max(2, Math.min(9, (n - 3) / 4));
    for (int spell = 0; spell < 4 && n - 3 - spell * apart >= 0; spell++) {
      mark(
          wholeDays,
          "demo-student-11",
          List.of(days.get(n - 3 - spell * apart)),
          MarkCategory.SICK);
    }
    // Seven consecutive sick school days, ongoing.
    mark(wholeDays, "demo-student-14", tail(days, 7, 7), MarkCategory.SICK);
    // Away without a reason for the last two school days: the mentor should call home.
    mark(wholeDays, "demo-student-01", tail(days, 2, 2), MarkCategory.UNEXCUSED);
    // Luxe verzuim: the two school days before the autumn holiday.
    List<LocalDate> beforeHoliday = days.stream().filter(d -> d.isBefore(holiday[0])).toList();
    mark(
        wholeDays,
        "demo-student-19",
        beforeHoliday.subList(Math.max(0, beforeHoliday.size() - 2), beforeHoliday.size()),
        MarkCategory.LUXURY);
    // A dentist visit and a special leave day for two others.
    if (n > 0) {
      mark(wholeDays, "demo-student-05", List.of(days.get(n / 2)), MarkCategory.MEDICAL);
      mark(wholeDays, "demo-student-21", List.of(days.get(n / 3)), MarkCategory.SPECIAL_LEAVE);
    }
    // Everyone else is ill now and then, as planned for the whole year.
    Map<String, DemoSickness.Plan> sickness = new HashMap<>();
    for (String sub : studentIds.keySet()) {
      if (!WHOLE_DAY_STORIES.contains(sub)) {
        sickness.put(
            sub, DemoSickness.plan(sub, schoolYear, ILL_FOR_A_WEEK.contains(sub), PERIODS.length));
      }
    }

    List<LessonRegister.LessonMarks> lessons = new ArrayList<>();
    for (LocalDate day : days) {
      for (int p = 0; p < PERIODS.length; p++) {
        Map<Long, Mark.Entry> marks = new HashMap<>();
        for (Map.Entry<String, Long> student : studentIds.entrySet()) {
          String sub = student.getKey();
          marks.put(
              student.getValue(),
              entry(
                  sub,
                  day,
                  p,
                  wholeDays,
                  lateDays,
                  sickness.getOrDefault(sub, DemoSickness.Plan.NONE),
                  random));
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
      DemoSickness.Plan sickness,
      Random random) {
    MarkCategory whole = wholeDays.getOrDefault(sub, Map.of()).get(day);
    if (whole != null) {
      return new Mark.Entry(whole, 0);
    }
    // Drawn for every lesson, so one student's marks do not shift another's.
    int roll = random.nextInt(1000);
    if (period == 0 && lateDays.getOrDefault(sub, List.of()).contains(day)) {
      return new Mark.Entry(MarkCategory.LATE, 5 + random.nextInt(20));
    }
    int sickFrom = sickness.sickFrom(day);
    if ((sickFrom >= 0 && period >= sickFrom) || sickness.singleSick(day, period)) {
      return new Mark.Entry(MarkCategory.SICK, 0);
    }
    // A rare lesson skipped, so the class is about 96% present with the sickness.
    if (roll < 4) {
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
