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
import nl.samenaanwezig.attendance.SchoolCalendar;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The administrator's institution-wide signal list ({@code /admin/signals}) and presence per class
 * ({@code /admin/presence}) for a school of 20 and of 100 classes of 30 students, each class with 6
 * lessons every weekday of this school year so far. Run with {@code mvn -B -Pbench test
 * -Dtest=InstitutionSignalsBenchmark} ({@code -Dbench.classes=20} for one size); results go to
 * stdout and target/bench/institution-signals.md.
 */
@Tag("benchmark")
class InstitutionSignalsBenchmark {
  static final int STUDENTS = 30;
  static final int LESSONS_A_DAY = 6;
  static final int REQUESTS = 20;

  @Test
  void theInstitutionsSignalListAtSchoolSize() throws Exception {
    StringBuilder report =
        new StringBuilder(
            "| classes | students | marks | open signals | seed (s) | signals p50 (ms)"
                + " | signals p90 (ms) | evaluation of all (ms, median of 3)"
                + " | presence per class p50 (ms) | presence p90 (ms) |\n");
    report.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int classes : sizes()) {
      try (ToolServer tool = ToolServer.start();
          TestPlatform platform = TestPlatform.start().registerWith(tool)) {
        Browser admin = new Browser();
        admin.follow(platform.launch().asAdmin().run(admin));
        String url = tool.baseUrl() + "/admin/signals";
        long seedStart = System.nanoTime();
        long marks = seed(tool, classes);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        // The seed wrote behind the tool's back; on a large school the housekeeping job may have
        // evaluated the half-seeded school already. Evaluate it once, as "Nu bijwerken" does.
        admin.postForm(
            tool.baseUrl() + "/admin/signals/refresh",
            java.util.Map.of("csrf", nl.samenaanwezig.testing.ClassPages.csrf(admin.get(url))));
        String open = "0";
        for (int i = 0; i < 5; i++) {
          HttpResponse<String> page = check(admin.get(url));
          java.util.regex.Matcher total =
              java.util.regex.Pattern.compile("Signaal \\d+ tot en met \\d+ van ([\\d.]+)")
                  .matcher(page.body());
          open = total.find() ? total.group(1) : "0";
        }
        long[] times = measure(admin, url, "Signaal 1 tot en met ");
        // The list shows the last evaluation (protocol.SignalSnapshots); what one costs: "Nu
        // bijwerken", which evaluates every student and replaces the stored list.
        long[] refreshes = new long[3];
        for (int i = 0; i < refreshes.length; i++) {
          String csrf = nl.samenaanwezig.testing.ClassPages.csrf(admin.get(url));
          long t = System.nanoTime();
          HttpResponse<String> done =
              admin.postForm(
                  tool.baseUrl() + "/admin/signals/refresh", java.util.Map.of("csrf", csrf));
          refreshes[i] = System.nanoTime() - t;
          if (done.statusCode() != 303) {
            throw new AssertionError("refresh refused: " + done.statusCode());
          }
        }
        Arrays.sort(refreshes);
        String presenceUrl = tool.baseUrl() + "/admin/presence";
        for (int i = 0; i < 5; i++) {
          admin.get(presenceUrl);
        }
        long[] presence = measure(admin, presenceUrl, "Klas 0");
        String line =
            String.format(
                Locale.ROOT,
                "| %d | %,d | %,d | %s | %.1f | %.0f | %.0f | %.0f | %.1f | %.1f |%n",
                classes,
                classes * STUDENTS,
                marks,
                open,
                seedSeconds,
                times[REQUESTS / 2] / 1e6,
                times[(int) (REQUESTS * 0.9)] / 1e6,
                refreshes[1] / 1e6,
                presence[REQUESTS / 2] / 1e6,
                presence[(int) (REQUESTS * 0.9)] / 1e6);
        System.out.print(line);
        report.append(line);
      }
    }
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of("target/bench/institution-signals.md"), report.toString());
    System.out.println(report);
  }

  /** {@link #REQUESTS} timed requests of a page that must say {@code mustSay}, sorted. */
  private static long[] measure(Browser admin, String url, String mustSay) {
    long[] times = new long[REQUESTS];
    for (int i = 0; i < REQUESTS; i++) {
      long t = System.nanoTime();
      HttpResponse<String> page = admin.get(url);
      times[i] = System.nanoTime() - t;
      if (page.statusCode() != 200 || !page.body().contains(mustSay)) {
        throw new AssertionError(url + " not served: " + page.statusCode());
      }
    }
    Arrays.sort(times);
    return times;
  }

  /** Both sizes, or the ones in {@code -Dbench.classes=20}. */
  static int[] sizes() {
    String only = System.getProperty("bench.classes", "");
    if (only.isBlank()) {
      return new int[] {20, 100};
    }
    return Arrays.stream(only.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
  }

  private static HttpResponse<String> check(HttpResponse<String> page) {
    if (page.statusCode() != 200 || !page.body().contains("Signaal 1 tot en met ")) {
      throw new AssertionError("signal list not served: " + page.statusCode());
    }
    return page;
  }

  /**
   * {@code classes} courses of 30 students on the launch's platform, their lessons and marks
   * (mostly present; some late or unexcused, sick for whole days or the rest of a day, and a few
   * students absent much more often, so that every rule finds someone), written with JDBC batches;
   * day figures rebuilt in SQL the way a bulk import does. Returns the number of marks.
   */
  static long seed(ToolServer tool, int classes) throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
    LocalDate start = SchoolCalendar.schoolYearStart(today);
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = start; !d.isAfter(today); d = d.plusDays(1)) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        days.add(d);
      }
    }
    Random random = new Random(11);
    Timestamp now = Timestamp.from(Instant.now());
    List<Long> courses = new ArrayList<>();
    long marks = 0;
    try (Connection c = DriverManager.getConnection(tool.config().dbUrl())) {
      c.setAutoCommit(false);
      long platformId;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT platform_id FROM course")) {
        rs.next();
        platformId = rs.getLong(1);
      }
      try (PreparedStatement course =
              c.prepareStatement(
                  "INSERT INTO course (platform_id, context_id, title) VALUES (?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS);
          PreparedStatement person =
              c.prepareStatement(
                  "INSERT INTO person (platform_id, subject, name) VALUES (?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS);
          PreparedStatement member =
              c.prepareStatement(
                  "INSERT INTO member (course_id, person_id, roles, active, source, last_seen_at)"
                      + " VALUES (?, ?, 'STUDENT', TRUE, 'ROSTER', ?)");
          PreparedStatement lesson =
              c.prepareStatement(
                  "INSERT INTO lesson (course_id, lesson_date, weekday, start_time, end_time,"
                      + " scheduled_minutes, source, external_id, created_at)"
                      + " VALUES (?, ?, ?, ?, ?, 50, 'API', ?, ?)",
                  Statement.RETURN_GENERATED_KEYS);
          PreparedStatement mark =
              c.prepareStatement(
                  "INSERT INTO mark (lesson_id, person_id, category, late_minutes,"
                      + " registered_via, registered_at) VALUES (?, ?, ?, ?, 'API', ?)")) {
        for (int k = 0; k < classes; k++) {
          course.setLong(1, platformId);
          course.setString(2, "bench-class-" + k);
          course.setString(3, "Klas " + k);
          course.executeUpdate();
          long courseId = key(course);
          courses.add(courseId);
          List<Long> students = new ArrayList<>();
          for (int i = 0; i < STUDENTS; i++) {
            person.setLong(1, platformId);
            person.setString(2, "bench-" + k + "-" + i);
            person.setString(3, "Student " + k + "." + i);
            person.executeUpdate();
            long personId = key(person);
            students.add(personId);
            member.setLong(1, courseId);
            member.setLong(2, personId);
            member.setTimestamp(3, now);
            member.executeUpdate();
          }
          for (LocalDate day : days) {
            // Sickness as schools see it: a whole day, or the rest of a day after going home sick
            // (about one student-day in 60), never a lone lesson.
            int[] sickFrom = new int[STUDENTS];
            for (int i = 0; i < STUDENTS; i++) {
              sickFrom[i] =
                  random.nextInt(60) == 0
                      ? (random.nextInt(3) == 0 ? 1 + random.nextInt(LESSONS_A_DAY - 1) : 0)
                      : LESSONS_A_DAY;
            }
            for (int p = 0; p < LESSONS_A_DAY; p++) {
              LocalTime begin = LocalTime.of(8, 30).plusMinutes(60L * p);
              lesson.setLong(1, courseId);
              lesson.setDate(2, Date.valueOf(day));
              lesson.setShort(3, (short) day.getDayOfWeek().getValue());
              lesson.setTime(4, Time.valueOf(begin));
              lesson.setTime(5, Time.valueOf(begin.plusMinutes(50)));
              lesson.setString(6, "bench-" + day + "-" + p);
              lesson.setTimestamp(7, now);
              lesson.executeUpdate();
              long lessonId = key(lesson);
              for (int i = 0; i < STUDENTS; i++) {
                String category = p >= sickFrom[i] ? "SICK" : category(random, i);
                mark.setLong(1, lessonId);
                mark.setLong(2, students.get(i));
                mark.setString(3, category);
                mark.setInt(4, "LATE".equals(category) ? 10 : 0);
                mark.setTimestamp(5, now);
                mark.addBatch();
                marks++;
              }
            }
          }
          mark.executeBatch();
          c.commit();
        }
      }
    }
    for (long courseId : courses) {
      tool.db()
          .run(em -> nl.samenaanwezig.attendance.BenchAccess.rebuild(em, courseId, start, today));
    }
    return marks;
  }

  /** Mostly present; the last three students of every class are absent or late far more often. */
  private static String category(Random random, int student) {
    int roll = random.nextInt(student >= STUDENTS - 3 ? 12 : 60);
    return switch (roll) {
      case 0, 1 -> "UNEXCUSED";
      case 2 -> "LATE";
      default -> "PRESENT";
    };
  }

  private static long key(PreparedStatement insert) throws Exception {
    try (ResultSet keys = insert.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }
}
