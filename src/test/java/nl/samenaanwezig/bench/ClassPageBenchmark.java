package nl.samenaanwezig.bench;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Class page server time for 35 students at 1,000, 10,000 and 100,000 lessons (35,000 to 3.5
 * million marks) in one school year. Run with {@code mvn -B -Pbench test -Dtest=ClassPageBenchmark}
 * ({@code -Dbench.lessons=1000} for one size; {@code -Dbench.acks=100} adds that many handled
 * signals); results go to stdout and target/bench/class-page.md.
 */
@Tag("benchmark")
class ClassPageBenchmark {
  static final int STUDENTS = 35;
  static final int REQUESTS = 200;

  @Test
  void classPageStaysFastAsMarksGrow() throws Exception {
    StringBuilder report =
        new StringBuilder("| lessons | marks | seed (s) | p50 (ms) | p99 (ms) | mean (ms) |\n");
    report.append("|---:|---:|---:|---:|---:|---:|\n");
    for (int lessons : sizes()) {
      try (ToolServer tool = ToolServer.start();
          TestPlatform platform = TestPlatform.start().registerWith(tool)) {
        Browser mentor = new Browser();
        String classUrl = mentor.follow(platform.launch().asMentor().run(mentor)).uri().toString();
        long seedStart = System.nanoTime();
        seed(tool, lessons);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        for (int i = 0; i < 50; i++) {
          check(mentor.get(classUrl));
        }
        long[] times = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
          long t = System.nanoTime();
          check(mentor.get(classUrl));
          times[i] = System.nanoTime() - t;
        }
        Arrays.sort(times);
        double mean = Arrays.stream(times).average().orElse(0) / 1e6;
        String line =
            String.format(
                Locale.ROOT,
                "| %,d | %,d | %.1f | %.1f | %.1f | %.1f |%n",
                lessons,
                (long) lessons * STUDENTS,
                seedSeconds,
                times[REQUESTS / 2] / 1e6,
                times[(int) (REQUESTS * 0.99)] / 1e6,
                mean);
        System.out.print(line);
        report.append(line);
      }
    }
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of("target/bench/class-page.md"), report.toString());
    System.out.println(report);
  }

  /** All three sizes, or the ones in {@code -Dbench.lessons=1000,10000}. */
  static int[] sizes() {
    String only = System.getProperty("bench.lessons", "");
    if (only.isBlank()) {
      return new int[] {1_000, 10_000, 100_000};
    }
    return Arrays.stream(only.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
  }

  private static void check(HttpResponse<String> page) {
    if (page.statusCode() != 200 || !page.body().contains("Studenten (" + STUDENTS + ")")) {
      throw new AssertionError("class page not served: " + page.statusCode());
    }
  }

  /**
   * 35 students and {@code lessons} lessons spread over this school year's weekdays, written with
   * JDBC batches; day figures rebuilt in SQL the way a bulk import does.
   */
  static void seed(ToolServer tool, int lessons) throws Exception {
    try (Connection c = DriverManager.getConnection(tool.config().dbUrl())) {
      c.setAutoCommit(false);
      long courseId;
      long platformId;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT id, platform_id FROM course")) {
        rs.next();
        courseId = rs.getLong(1);
        platformId = rs.getLong(2);
      }
      List<Long> students = new ArrayList<>();
      try (PreparedStatement person =
              c.prepareStatement(
                  "INSERT INTO person (platform_id, subject, name) VALUES (?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS);
          PreparedStatement member =
              c.prepareStatement(
                  "INSERT INTO member (course_id, person_id, roles, active, source, last_seen_at)"
                      + " VALUES (?, ?, 'STUDENT', TRUE, 'ROSTER', ?)")) {
        for (int i = 0; i < STUDENTS; i++) {
          person.setLong(1, platformId);
          person.setString(2, "bench-" + i);
          person.setString(3, "Student " + i);
          person.executeUpdate();
          try (ResultSet keys = person.getGeneratedKeys()) {
            keys.next();
            students.add(keys.getLong(1));
          }
          member.setLong(1, courseId);
          member.setLong(2, students.get(i));
          member.setTimestamp(3, Timestamp.from(Instant.now()));
          member.executeUpdate();
        }
      }
      LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
      LocalDate start = nl.samenaanwezig.attendance.SchoolCalendar.schoolYearStart(today);
      List<LocalDate> days = new ArrayList<>();
      for (LocalDate d = start; !d.isAfter(today); d = d.plusDays(1)) {
        if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
          days.add(d);
        }
      }
      Random random = new Random(7);
      String[] categories = {
        "PRESENT",
        "PRESENT",
        "PRESENT",
        "PRESENT",
        "PRESENT",
        "PRESENT",
        "PRESENT",
        "PRESENT",
        "PRESENT",
        "LATE",
        "UNEXCUSED"
      };
      // Sickness as schools register it: a whole day (one student-day in 30) or the rest of a day
      // after going home sick (one in 60), never a lone lesson; the lesson of a day a student is
      // sick from is counted in the order the day's lessons begin.
      int perDay = Math.max(1, (lessons + days.size() - 1) / days.size());
      int[][] sickFrom = new int[days.size()][students.size()];
      for (int[] day : sickFrom) {
        for (int k = 0; k < day.length; k++) {
          int roll = random.nextInt(60);
          day[k] = roll < 2 ? 0 : roll == 2 ? 1 + random.nextInt(Math.max(1, perDay - 1)) : perDay;
        }
      }
      try (PreparedStatement lesson =
              c.prepareStatement(
                  "INSERT INTO lesson (course_id, lesson_date, weekday, start_time, end_time,"
                      + " scheduled_minutes, source, external_id, created_at)"
                      + " VALUES (?, ?, ?, ?, ?, 50, 'API', ?, ?)",
                  Statement.RETURN_GENERATED_KEYS);
          PreparedStatement mark =
              c.prepareStatement(
                  "INSERT INTO mark (lesson_id, person_id, category, late_minutes,"
                      + " registered_via, registered_at) VALUES (?, ?, ?, ?, 'API', ?)")) {
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < lessons; i++) {
          LocalDate day = days.get(i % days.size());
          LocalTime begin = LocalTime.of(8, 0).plusMinutes((i / days.size()) % 600);
          lesson.setLong(1, courseId);
          lesson.setDate(2, Date.valueOf(day));
          lesson.setShort(3, (short) day.getDayOfWeek().getValue());
          lesson.setTime(4, Time.valueOf(begin));
          lesson.setTime(5, Time.valueOf(begin.plusMinutes(50)));
          lesson.setString(6, "bench-" + i);
          lesson.setTimestamp(7, now);
          lesson.executeUpdate();
          long lessonId;
          try (ResultSet keys = lesson.getGeneratedKeys()) {
            keys.next();
            lessonId = keys.getLong(1);
          }
          for (int k = 0; k < students.size(); k++) {
            long student = students.get(k);
            String category =
                i / days.size() >= sickFrom[i % days.size()][k]
                    ? "SICK"
                    : categories[random.nextInt(categories.length)];
            mark.setLong(1, lessonId);
            mark.setLong(2, student);
            mark.setString(3, category);
            mark.setInt(4, "LATE".equals(category) ? 10 : 0);
            mark.setTimestamp(5, now);
            mark.addBatch();
          }
          if (i % 200 == 199) {
            mark.executeBatch();
            c.commit();
          }
        }
        mark.executeBatch();
        c.commit();
      }
      // A school year of handled signals: {@code -Dbench.acks=N} acknowledgements, spread over the
      // students and the year, by the mentor who launched.
      int acks = Integer.getInteger("bench.acks", 0);
      if (acks > 0) {
        long institutionId;
        long mentorId;
        try (Statement s = c.createStatement();
            ResultSet rs =
                s.executeQuery(
                    "SELECT p.institution_id, m.person_id FROM course c JOIN platform p"
                        + " ON c.platform_id = p.id JOIN member m ON m.course_id = c.id"
                        + " WHERE m.roles LIKE '%MENTOR%'")) {
          rs.next();
          institutionId = rs.getLong(1);
          mentorId = rs.getLong(2);
        }
        try (PreparedStatement ack =
            c.prepareStatement(
                "INSERT INTO signal_ack (institution_id, course_id, person_id, rule, step_level,"
                    + " acknowledged_by, acknowledged_at, note) VALUES (?, ?, ?, 'LATENESS', 1,"
                    + " ?, ?, 'Gesprek gehad')")) {
          for (int i = 0; i < acks; i++) {
            LocalDate day = days.get(i % days.size());
            ack.setLong(1, institutionId);
            ack.setLong(2, courseId);
            ack.setLong(3, students.get(i % students.size()));
            ack.setLong(4, mentorId);
            ack.setTimestamp(5, Timestamp.valueOf(day.atTime(12, 0)));
            ack.addBatch();
          }
          ack.executeBatch();
          c.commit();
        }
      }
      tool.db()
          .run(em -> nl.samenaanwezig.attendance.BenchAccess.rebuild(em, courseId, start, today));
    }
  }
}
