package nl.samenaanwezig.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import nl.samenaanwezig.attendance.imports.ImportBatch;
import nl.samenaanwezig.attendance.imports.ImportOptions;
import nl.samenaanwezig.attendance.imports.MarkImport;
import nl.samenaanwezig.config.AppConfig;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Institution;
import nl.samenaanwezig.lti.Member;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.lti.Platform;
import nl.samenaanwezig.lti.PlatformSettings;
import nl.samenaanwezig.lti.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Importing 1,000,000 marks (250 students x 4,000 lessons: 500 school days of 8 lessons) in our CSV
 * format into one course on an on-disk embedded Derby, then the same file again (nothing changes)
 * and once more with 1% of the marks changed, each written by a mentor as an upload is. Run with
 * {@code mvn -Pbench test -Dtest=ImportBenchmark} ({@code -Dbench.days=50} for a tenth); prints
 * wall-clock time, CPU time of the importing thread and of the whole JVM, and the load average
 * (docs/benchmarks.md has the numbers).
 */
@Tag("benchmark")
class ImportBenchmark {
  static final int STUDENTS = 250;
  static final int DAYS = Integer.getInteger("bench.days", 500);

  /**
   * School days of the warm-up import into another course (0: none), so that the measured imports
   * run on a JVM that has compiled the import path, as a server that has been up for a while has.
   */
  static final int WARMUP_DAYS = Integer.getInteger("bench.warmupDays", 100);

  static final int LESSONS_PER_DAY = 8;

  /**
   * Another, empty database to import into, e.g. {@code jdbc:postgresql://127.0.0.1/samen} (with
   * {@code bench.dbUser}, {@code bench.dbPassword}); without it an on-disk Derby in a temporary
   * folder, as in production.
   */
  static final String DB_URL = System.getProperty("bench.dbUrl");

  @Test
  void importsAMillionMarks() throws Exception {
    Path dir = Files.createTempDirectory("samen-bench");
    String url = DB_URL != null ? DB_URL : "jdbc:derby:" + dir.resolve("db") + ";create=true";
    String user = System.getProperty("bench.dbUser", "");
    String password = System.getProperty("bench.dbPassword", "");
    AppConfig config =
        new AppConfig(url, user, password, Optional.empty(), false, Duration.ofHours(8));
    try (Database db = Database.open(config)) {
      MarkImport imports = new MarkImport(db, new Memberships(db), Clock.systemUTC());
      if (WARMUP_DAYS > 0) {
        Course other = course(db, "warm-up");
        int warmupMarks = STUDENTS * WARMUP_DAYS * LESSONS_PER_DAY;
        byte[] warmup = csv(new Random(7), 0, WARMUP_DAYS);
        long otherMentor = mentor(db, other);
        run("warm-up, other", imports, other, otherMentor, warmup, warmupMarks, 0, 0);
        run("warm-up again", imports, other, otherMentor, warmup, 0, 0, warmupMarks);
      }
      Course course = course(db, "bench");
      long mentor = mentor(db, course);
      byte[] file = csv(new Random(42), 0, DAYS);
      byte[] changed = csv(new Random(42), 100, DAYS);
      System.out.printf(
          "file: %,d bytes, %,d marks%n", file.length, STUDENTS * DAYS * LESSONS_PER_DAY);

      int marks = STUDENTS * DAYS * LESSONS_PER_DAY;
      run("first import", imports, course, mentor, file, marks, 0, 0);
      run("same file again", imports, course, mentor, file, 0, 0, marks);
      run("1% changed", imports, course, mentor, changed, 0, marks / 100, marks - marks / 100);

      String marksOfCourse =
          " FROM mark m JOIN lesson l ON m.lesson_id = l.id WHERE l.course_id = " + course.id();
      assertEquals(marks, count(url, user, password, "SELECT COUNT(*)" + marksOfCourse));
      assertEquals(
          marks / 100,
          count(
              url,
              user,
              password,
              "SELECT COUNT(*) FROM mark_change c JOIN mark m ON c.mark_id = m.id"
                  + " JOIN lesson l ON m.lesson_id = l.id WHERE l.course_id = "
                  + course.id()));
      String daysOfCourse = " FROM presence_day WHERE course_id = " + course.id();
      assertEquals(
          (long) STUDENTS * DAYS, count(url, user, password, "SELECT COUNT(*)" + daysOfCourse));
      assertEquals(
          count(
              url,
              user,
              password,
              "SELECT SUM(CASE WHEN m.category IN ('PRESENT', 'LATE') THEN 0 ELSE 1 END)"
                  + marksOfCourse),
          count(url, user, password, "SELECT SUM(absent_lessons)" + daysOfCourse));
    } finally {
      if (DB_URL == null) {
        try {
          DriverManager.getConnection("jdbc:derby:" + dir.resolve("db") + ";shutdown=true");
        } catch (SQLException expected) {
          // Derby reports a shut-down database as an exception.
        }
      }
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void run(
      String what,
      MarkImport imports,
      Course course,
      long mentor,
      byte[] file,
      int created,
      int changed,
      int unchanged) {
    var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    var os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    double loadBefore = os.getSystemLoadAverage();
    long start = System.nanoTime();
    long cpuStart = cpu.getCurrentThreadCpuTime();
    long processStart = os.getProcessCpuTime();
    ImportBatch batch =
        imports.read(course, new ByteArrayInputStream(file), ImportOptions.defaults(false));
    long read = System.nanoTime();
    long cpuRead = cpu.getCurrentThreadCpuTime();
    assertEquals(0, batch.errorCount(), () -> batch.errors().toString());
    assertTrue(batch.importable(false));
    MarkImport.Outcome outcome = imports.write(course, batch, mentor);
    long written = System.nanoTime();
    long cpuWritten = cpu.getCurrentThreadCpuTime();
    long processEnd = os.getProcessCpuTime();
    assertEquals(created, outcome.marksCreated());
    assertEquals(changed, outcome.marksChanged());
    assertEquals(unchanged, outcome.marksUnchanged());
    // The writing runs on the import's writer threads, so its CPU shows in the JVM's total only.
    System.out.printf(
        "%-16s read+validate %6.2f s (cpu %6.2f), write %6.2f s, total %6.2f s, JVM cpu %6.2f s;"
            + " %,d new, %,d changed, %,d unchanged; load %.1f -> %.1f%n",
        what,
        (read - start) / 1e9,
        (cpuRead - cpuStart) / 1e9,
        (written - read) / 1e9,
        (written - start) / 1e9,
        (processEnd - processStart) / 1e9,
        outcome.marksCreated(),
        outcome.marksChanged(),
        outcome.marksUnchanged(),
        loadBefore,
        os.getSystemLoadAverage());
  }

  /** The file: every student in every lesson; {@code changedPerDay} marks differ per day. */
  private static byte[] csv(Random random, int changedEveryNth, int days) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(50 << 20);
    StringBuilder line = new StringBuilder(128);
    out.writeBytes(
        "student_id;date;start;end;category;late_minutes;lesson_id\n"
            .getBytes(StandardCharsets.UTF_8));
    int n = 0;
    for (LocalDate day : schoolDays(days)) {
      for (int period = 0; period < LESSONS_PER_DAY; period++) {
        LocalTime start = LocalTime.of(8, 30).plusMinutes(55L * period);
        LocalTime end = start.plusMinutes(50);
        String lesson = "L-" + day + "-" + period;
        for (int s = 0; s < STUDENTS; s++) {
          int roll = random.nextInt(100);
          n++;
          if (changedEveryNth > 0 && n % changedEveryNth == 0) {
            roll = roll < 90 ? 95 : 0; // present becomes sick, anything else present
          }
          String category;
          String late = "";
          if (roll < 90) {
            category = "aanwezig";
          } else if (roll < 94) {
            category = "te laat";
            late = String.valueOf(1 + (roll * 7) % 20);
          } else if (roll < 97) {
            category = "ziek";
          } else {
            category = "ongeoorloofd";
          }
          line.setLength(0);
          line.append("s")
              .append(s)
              .append(';')
              .append(day)
              .append(';')
              .append(start)
              .append(';')
              .append(end)
              .append(';')
              .append(category)
              .append(';')
              .append(late)
              .append(';')
              .append(lesson)
              .append('\n');
          out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    return out.toByteArray();
  }

  private static List<LocalDate> schoolDays(int count) {
    List<LocalDate> days = new ArrayList<>();
    LocalDate day = LocalDate.of(2024, 8, 19);
    while (days.size() < count) {
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        days.add(day);
      }
      day = day.plusDays(1);
    }
    return days;
  }

  private static Course course(Database db, String name) {
    return db.tx(
        em -> {
          Institution school = new Institution("Benchmark College");
          em.persist(school);
          Platform platform =
              new Platform(
                  school,
                  new PlatformSettings(
                      "https://lms." + name + ".example",
                      name,
                      Set.of("1"),
                      "https://lms." + name + ".example/auth",
                      null,
                      "https://lms." + name + ".example/jwks",
                      "LMS",
                      "Benchmark College"),
                  false);
          em.persist(platform);
          Course c = new Course(platform, name + "-course");
          em.persist(c);
          for (int s = 0; s < STUDENTS; s++) {
            Person p = new Person(platform, "s" + s);
            em.persist(p);
            em.persist(new Member(c, p, Set.of(Role.STUDENT), Member.Source.ROSTER, Instant.now()));
          }
          return c;
        });
  }

  /** A mentor of the course: the person an upload is registered by. */
  private static long mentor(Database db, Course course) {
    return db.tx(
        em -> {
          Person mentor = new Person(em.merge(course).platform(), "mentor");
          em.persist(mentor);
          em.persist(
              new Member(
                  em.merge(course),
                  mentor,
                  Set.of(Role.MENTOR),
                  Member.Source.ROSTER,
                  Instant.now()));
          em.flush();
          return mentor.id();
        });
  }

  private static long count(String url, String user, String password, String sql)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
