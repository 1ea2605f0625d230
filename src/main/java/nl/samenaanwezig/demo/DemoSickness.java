package nl.samenaanwezig.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How a demo student is ill over a school year, the way a real class is: sick on a few days in
 * spells of one to three days (a few once for most of a week), now and then going home sick during
 * the day, and rarely sick in a single lesson. Planned over the whole school year from a seed per
 * student and year, so the class looks the same on every day up to that day.
 *
 * <p>Nobody here gets more than three spells a year or one longer than five days, so on their own
 * they never reach the MAZL signal (the 4th report in 12 weeks, or 7 sick days in a row): in the
 * demo that signal belongs to the students whose story it is.
 */
final class DemoSickness {
  /** At most this many spells a year, so never four in twelve weeks. */
  static final int MAX_SPELLS = 3;

  /** Spells start at least this many school days apart. */
  private static final int APART = 10;

  private DemoSickness() {}

  /**
   * One student's sickness: per day the first sick period (every later period that day is sick too;
   * 0 is the whole day), and single sick lessons (a period with lessons attended after it).
   */
  record Plan(Map<LocalDate, Integer> sickFrom, Map<LocalDate, Integer> single) {
    static final Plan NONE = new Plan(Map.of(), Map.of());

    /** The first sick period on a day, or -1. */
    int sickFrom(LocalDate day) {
      return sickFrom.getOrDefault(day, -1);
    }

    boolean singleSick(LocalDate day, int period) {
      Integer p = single.get(day);
      return p != null && p == period;
    }
  }

  /**
   * The plan of one student over the school days of a year.
   *
   * @param longer whether this student is once sick for most of a week
   * @param periods lessons a day
   */
  static Plan plan(String sub, List<LocalDate> year, boolean longer, int periods) {
    if (year.isEmpty()) {
      return Plan.NONE;
    }
    Random random = new Random(sub.hashCode() * 31L + year.get(0).getYear());
    List<Integer> lengths = new ArrayList<>();
    if (longer) {
      lengths.add(4 + random.nextInt(2));
    }
    int roll = random.nextInt(100);
    int spells = roll < 15 ? 0 : roll < 45 ? 1 : roll < 80 ? 2 : 3;
    for (int i = 0; i < spells && lengths.size() < MAX_SPELLS; i++) {
      int r = random.nextInt(100);
      lengths.add(r < 50 ? 1 : r < 80 ? 2 : 3);
    }
    Map<LocalDate, Integer> sickFrom = new HashMap<>();
    List<Integer> starts = new ArrayList<>();
    for (int length : lengths) {
      // A few tries for a start away from the other spells; a crowded year simply has one less.
      for (int attempt = 0; attempt < 20; attempt++) {
        int start = random.nextInt(Math.max(1, year.size() - length));
        if (starts.stream().allMatch(s -> Math.abs(s - start) >= APART)) {
          starts.add(start);
          // About a third of the spells begin with going home sick during the day.
          int firstPeriod = random.nextInt(100) < 35 ? 1 + random.nextInt(periods - 2) : 0;
          for (int d = 0; d < length && start + d < year.size(); d++) {
            sickFrom.put(year.get(start + d), d == 0 ? firstPeriod : 0);
          }
          break;
        }
      }
    }
    Map<LocalDate, Integer> single = new HashMap<>();
    int r = random.nextInt(100);
    int singles = r < 50 ? 0 : r < 85 ? 1 : 2;
    for (int i = 0; i < singles; i++) {
      int at = random.nextInt(year.size());
      if (starts.stream().allMatch(s -> Math.abs(s - at) >= APART)) {
        // Never the last period: the student is in a lesson after it, so it is no sick report.
        single.put(year.get(at), random.nextInt(periods - 1));
      }
    }
    return new Plan(sickFrom, single);
  }
}
