package nl.samenaanwezig.attendance.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.samenaanwezig.attendance.Lesson;
import nl.samenaanwezig.attendance.LessonRegister;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link MarkImport#write} takes a short path for lessons the import itself creates (no marks to
 * read, first history rows in SQL); the same file must leave the same tables as through the general
 * path, where the lessons already exist and may hold marks.
 */
class MarkImportTest {
  static final String URL = "jdbc:derby:memory:mark-import-" + UUID.randomUUID() + ";create=true";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
  static Database db;
  static MarkImport imports;
  static Platform platform;
  static Person mentor;

  @BeforeAll
  static void open() {
    db = Database.open(new AppConfig(URL, "", "", Optional.empty(), false, Duration.ofHours(8)));
    imports = new MarkImport(db, new Memberships(db), CLOCK);
    db.run(
        em -> {
          Institution school = new Institution("Import College");
          em.persist(school);
          platform =
              new Platform(
                  school,
                  new PlatformSettings(
                      "https://lms.import.example",
                      "import",
                      Set.of("1"),
                      "https://lms.import.example/auth",
                      null,
                      "https://lms.import.example/jwks",
                      "LMS",
                      "Import College"),
                  false);
          em.persist(platform);
          mentor = new Person(platform, "mentor");
          em.persist(mentor);
          for (String s : List.of("s1", "s2", "s3", "s4")) {
            em.persist(new Person(platform, s));
          }
        });
  }

  @AfterAll
  static void close() {
    db.close();
  }

  /** A week of 3 lessons a day for 4 students, every category the file format knows. */
  static String file(String changedCategory) {
    String[] categories = {
      "aanwezig", "te laat", "ziek", "ongeoorloofd", "medisch", "bijzonder verlof", "luxe"
    };
    StringBuilder csv =
        new StringBuilder("student_id;date;start;end;category;late_minutes;lesson_id\n");
    int n = 0;
    for (int day = 0; day < 5; day++) {
      LocalDate date = LocalDate.of(2026, 11, 16).plusDays(day);
      for (int period = 0; period < 3; period++) {
        LocalTime start = LocalTime.of(9 + period, 0);
        for (int s = 1; s <= 4; s++) {
          String category = n % 3 == 0 ? categories[(n / 3) % categories.length] : "aanwezig";
          if (changedCategory != null && n % 5 == 0) {
            category = changedCategory;
          }
          csv.append("s")
              .append(s)
              .append(';')
              .append(date)
              .append(';')
              .append(start)
              .append(';')
              .append(start.plusMinutes(50))
              .append(';')
              .append(category)
              .append(';')
              .append(category.equals("te laat") ? String.valueOf(5 + n % 20) : "")
              .append(";les-")
              .append(date)
              .append('-')
              .append(period)
              .append('\n');
          n++;
        }
      }
    }
    return csv.toString();
  }

  @Test
  void aFileGivesTheSameTablesWhetherItsLessonsAreNewOrAlreadyThere() throws SQLException {
    String file = file(null);
    Course fresh = course();
    MarkImport.Outcome first = write(fresh, file);
    assertEquals(15, first.lessonsCreated());
    assertEquals(60, first.marksCreated());

    // The same lessons made beforehand (without marks): every lesson takes the general path.
    Course known = course();
    LessonRegister register = new LessonRegister(db, CLOCK);
    for (int day = 0; day < 5; day++) {
      LocalDate date = LocalDate.of(2026, 11, 16).plusDays(day);
      for (int period = 0; period < 3; period++) {
        LocalTime start = LocalTime.of(9 + period, 0);
        register.lesson(
            known.id(),
            new LessonRegister.LessonSpec(
                date,
                start,
                start.plusMinutes(50),
                null,
                null,
                Lesson.Source.CSV,
                "les-" + date + "-" + period));
      }
    }
    MarkImport.Outcome general = write(known, file);
    assertEquals(0, general.lessonsCreated());
    assertEquals(60, general.marksCreated());

    assertSameTables(fresh, known);
    assertEquals(0, rows(HISTORY, fresh).size(), "a new mark has no history row");
    assertEquals(
        60, rows(PRESENCE, fresh).stream().mapToInt(r -> Integer.parseInt(r.get(2))).sum());
  }

  @Test
  void marksAddedToLessonsThatHaveMarksLeaveTheSameTablesAsOneImport() throws SQLException {
    String file = file(null);
    // Half the file first (the lessons then exist with some marks), then the whole file.
    String[] lines = file.split("\n");
    StringBuilder half = new StringBuilder(lines[0]).append('\n');
    for (int i = 1; i < lines.length; i += 2) {
      half.append(lines[i]).append('\n');
    }
    Course inTwo = course();
    assertEquals(30, write(inTwo, half.toString()).marksCreated());
    MarkImport.Outcome rest = write(inTwo, file);
    assertEquals(30, rest.marksCreated());
    assertEquals(30, rest.marksUnchanged());

    Course atOnce = course();
    write(atOnce, file);
    assertSameTables(atOnce, inTwo);

    // A changed file: the changed marks get one history row each, on both courses alike.
    String changed = file("ziek");
    MarkImport.Outcome a = write(atOnce, changed);
    MarkImport.Outcome b = write(inTwo, changed);
    assertTrue(a.marksChanged() > 0);
    assertEquals(a.marksChanged(), b.marksChanged());
    assertEquals(a.marksChanged(), rows(HISTORY, atOnce).size());
    for (List<String> row : rows(HISTORY, atOnce)) {
      assertEquals(
          List.of("CSV", "false"), row.subList(9, 11), "the replaced registration: " + row);
    }
    assertSameTables(atOnce, inTwo);
  }

  @Test
  void dayFiguresSummedWhileWritingEqualThoseRecomputedFromTheMarks() throws SQLException {
    // A first import sums each new day's figures in Java as it writes the marks (NewDays); the
    // class page must read the same rows as the SQL recomputation from the stored marks gives.
    Course course = course();
    write(course, file(null));
    List<List<String>> summed = rows(PRESENCE, course);
    assertEquals(20, summed.size(), "4 students x 5 days");
    db.run(
        em ->
            LessonRegister.recomputeDays(
                em,
                em.find(Course.class, course.id()),
                LocalDate.of(2026, 11, 16),
                LocalDate.of(2026, 11, 20)));
    assertEquals(summed, rows(PRESENCE, course));
  }

  private static final String MARKS =
      "SELECT l.external_id, p.subject, m.category, m.late_minutes, m.registered_by,"
          + " m.registered_via, m.registered_at FROM mark m JOIN lesson l ON m.lesson_id = l.id"
          + " JOIN person p ON m.person_id = p.id WHERE l.course_id = ? ORDER BY 1, 2";
  private static final String HISTORY =
      "SELECT l.external_id, p.subject, h.old_category, h.old_late_minutes, h.new_category,"
          + " h.new_late_minutes, h.changed_by, h.changed_via, h.changed_at, h.old_via,"
          + " h.old_at IS NULL FROM mark_change h"
          + " JOIN mark m ON h.mark_id = m.id JOIN lesson l ON m.lesson_id = l.id"
          + " JOIN person p ON m.person_id = p.id WHERE l.course_id = ? ORDER BY 1, 2, h.id";
  private static final String PRESENCE =
      "SELECT p.subject, d.day, d.lessons, d.scheduled_minutes, d.attended_minutes,"
          + " d.unexcused_minutes, d.late_count, d.sick_lessons, d.absent_lessons,"
          + " d.luxury_lessons FROM presence_day d JOIN person p ON d.person_id = p.id"
          + " WHERE d.course_id = ? ORDER BY 1, 2";
  private static final String LESSONS =
      "SELECT external_id, lesson_date, weekday, start_time, end_time, scheduled_minutes,"
          + " group_name, source FROM lesson WHERE course_id = ? ORDER BY 1";

  private static void assertSameTables(Course expected, Course actual) throws SQLException {
    for (String sql : List.of(LESSONS, MARKS, HISTORY, PRESENCE)) {
      List<List<String>> want = rows(sql, expected);
      // History is empty until a mark changes: a new mark keeps its registration on itself.
      assertTrue(!want.isEmpty() || sql.equals(HISTORY), sql);
      assertEquals(want, rows(sql, actual), sql);
    }
  }

  private static MarkImport.Outcome write(Course course, String csv) {
    ImportBatch batch =
        imports.read(
            course,
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
            ImportOptions.defaults(false));
    assertEquals(0, batch.errorCount(), () -> batch.errors().toString());
    return imports.write(course, batch, mentor.id());
  }

  private static Course course() {
    return db.tx(
        em -> {
          Course c = new Course(em.merge(platform), "course-" + UUID.randomUUID());
          em.persist(c);
          for (String s : List.of("s1", "s2", "s3", "s4")) {
            Person p =
                em.createQuery(
                        "select p from Person p where p.subject = :s and p.platform = :pl",
                        Person.class)
                    .setParameter("s", s)
                    .setParameter("pl", em.merge(platform))
                    .getSingleResult();
            em.persist(
                new Member(c, p, Set.of(Role.STUDENT), Member.Source.ROSTER, CLOCK.instant()));
          }
          return c;
        });
  }

  private static List<List<String>> rows(String sql, Course course) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(URL);
        PreparedStatement q = c.prepareStatement(sql)) {
      q.setLong(1, course.id());
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            row.add(rs.getString(i));
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }
}
