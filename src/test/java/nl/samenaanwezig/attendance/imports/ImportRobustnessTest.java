package nl.samenaanwezig.attendance.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import nl.samenaanwezig.web.RequestBodyDrain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The import page under pressure, over HTTP: a file over the size limit (64 kB here), an import
 * while another one writes into the same class, and a Moodle export with the school's own status
 * letters.
 */
class ImportRobustnessTest {
  static final long LIMIT = 64 * 1024;
  static ToolServer tool;
  static TestPlatform platform;
  ImportClass klas;

  @BeforeAll
  static void start() {
    tool = ToolServer.start(c -> c.withImportMaxBytes(LIMIT));
    platform = TestPlatform.start().registerWith(tool);
  }

  @AfterAll
  static void stop() {
    platform.close();
    tool.close();
  }

  @BeforeEach
  void aClassWithThreeStudents() {
    klas = ImportClass.open(tool, platform);
  }

  private HttpResponse<String> post(Upload upload) {
    return klas.post(upload);
  }

  private long courseId() {
    return klas.courseId();
  }

  private long marks(String where) {
    return klas.marks(where);
  }

  private long lessons() {
    return klas.lessons();
  }

  private static final String GOOD =
      "student_id;date;start;end;category;late_minutes;lesson_id\n"
          + "1001;2026-11-16;09:00;09:50;aanwezig;;wis-1\n"
          + "1002;2026-11-16;09:00;09:50;te laat;10;wis-1\n"
          + "1003;2026-11-16;09:00;09:50;ziek;;wis-1\n"
          + "1001;2026-11-17;10:00;10:50;aanwezig;;wis-2\n"
          + "1002;2026-11-17;10:00;10:50;ongeoorloofd;;wis-2\n"
          + "1003;2026-11-17;10:00;10:50;aanwezig;;wis-2\n";

  /** A mod_attendance export with the school's own status Z next to the default P and L. */
  private static final String OWN_LETTERS =
      "Last name\tFirst name\tStudent ID\t16 Nov 2026 09.00AM All students"
          + "\t17 Nov 2026 09.00AM All students\tP\tL\tZ\n"
          + "Kok\tFenna\t1001\tZ (0/2)\tP (2/2)\t1\t0\t1\n"
          + "Jansen\tDaan\t1002\tP (2/2)\tz (0/2)\t1\t0\t1\n"
          + "de Vries\tSanne\t1003\tL (1/2)\tP (2/2)\t1\t1\t0\n";

  @Test
  void theFormTellsTheLimit() {
    assertTrue(klas.mentor.get(klas.importUrl()).body().contains("Hoogstens 64 kB."));
  }

  @Test
  void aFileOverTheLimitIs413WithAPlainPageAndNothingIsStored() {
    StringBuilder big = new StringBuilder(GOOD);
    for (int i = 0; big.length() <= LIMIT; i++) {
      big.append("1001;2026-11-18;09:00;09:50;aanwezig;;extra-").append(i).append('\n');
    }
    HttpResponse<String> refused = post(new Upload().file("groot.csv", big.toString()));
    assertEquals(413, refused.statusCode(), refused.body());
    assertTrue(
        refused
            .body()
            .contains(
                "Het bestand is groter dan 64 kB. Er is niets opgeslagen. Splits het bestand,"
                    + " bijvoorbeeld per periode, en importeer de delen na elkaar."),
        refused.body());
    assertTrue(refused.body().contains("role=\"alert\""));
    assertEquals(0, lessons());
    assertEquals(0, marks(""));

    HttpResponse<String> fits = post(new Upload().file("klein.csv", GOOD));
    assertEquals(200, fits.statusCode(), fits.body());
    assertEquals(6, marks(""));
  }

  @Test
  void aFileMegabytesOverTheLimitStillGetsItsPage() {
    // Unread, the rest of this file would still be on its way when the server closes, and the
    // browser would show a reset connection instead of the page.
    String line = "1001;2026-11-18;09:00;09:50;aanwezig;;extra\n";
    String big = GOOD + line.repeat((int) (6 * 1024 * 1024 / line.length()));
    assertTrue(big.length() < RequestBodyDrain.MAX_BYTES);
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> refused = post(new Upload().file("groot.csv", big));
      assertEquals(413, refused.statusCode(), refused.body());
      assertTrue(refused.body().contains("Het bestand is groter dan 64 kB."), refused.body());
    }
    assertEquals(0, lessons());
  }

  @Test
  void anUploadWithoutALengthIs411AndNothingIsStored() {
    HttpResponse<String> refused = post(new Upload().file("a.csv", GOOD).chunked());
    assertEquals(411, refused.statusCode(), refused.body());
    assertTrue(
        refused.body().contains("Je browser gaf de grootte van het bestand niet door."),
        refused.body());
    assertEquals(0, lessons());
  }

  @Test
  void whileAnotherImportWritesIntoTheClassASecondIsRefusedWith409() {
    tool.db()
        .run(
            em ->
                em.createNativeQuery(
                        "INSERT INTO import_run (course_id, started_at) VALUES (?, CURRENT_TIMESTAMP)")
                    .setParameter(1, courseId())
                    .executeUpdate());
    HttpResponse<String> busy = post(new Upload().file("a.csv", GOOD));
    assertEquals(409, busy.statusCode(), busy.body());
    assertTrue(
        busy.body()
            .contains(
                "Er loopt al een import voor deze klas. Er is niets opgeslagen. Wacht tot die"
                    + " klaar is en probeer het dan opnieuw."),
        busy.body());
    assertEquals(0, lessons());

    // A claim left by a node that stopped an hour ago does not block the class for ever.
    tool.db()
        .run(
            em ->
                em.createNativeQuery("UPDATE import_run SET started_at = ? WHERE course_id = ?")
                    .setParameter(1, Timestamp.from(Instant.now().minus(2, ChronoUnit.HOURS)))
                    .setParameter(2, courseId())
                    .executeUpdate());
    HttpResponse<String> done = post(new Upload().file("a.csv", GOOD));
    assertEquals(200, done.statusCode(), done.body());
    assertEquals(6, marks(""));
    assertEquals(0, tool.count("SELECT COUNT(*) FROM import_run WHERE course_id = ?", courseId()));
  }

  @Test
  void twoImportsAtOnceNeverFailAndNeverDuplicate() throws Exception {
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 4; round++) {
        String file =
            GOOD.replace("2026-11-", "2026-0" + (round + 2) + "-").replace("wis-", round + "-");
        String token = klas.csrf();
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<HttpResponse<String>>> posts =
            List.of(
                two.submit(
                    () -> {
                      together.await();
                      return new Upload()
                          .file("a.csv", file)
                          .field("csrf", token)
                          .post(klas.mentor, klas.importUrl());
                    }),
                two.submit(
                    () -> {
                      together.await();
                      return new Upload()
                          .file("a.csv", file)
                          .field("csrf", token)
                          .post(klas.mentor, klas.importUrl());
                    }));
        int imported = 0;
        for (Future<HttpResponse<String>> f : posts) {
          HttpResponse<String> r = f.get();
          assertTrue(r.statusCode() == 200 || r.statusCode() == 409, r.statusCode() + r.body());
          if (r.statusCode() == 200) {
            imported++;
          } else {
            assertTrue(r.body().contains("Er loopt al een import voor deze klas."), r.body());
          }
        }
        assertTrue(imported >= 1, "round " + round);
        assertEquals(6L * (round + 1), marks(""), "round " + round);
        assertEquals(2L * (round + 1), lessons(), "round " + round);
      }
    } finally {
      two.shutdownNow();
    }
  }

  @Test
  void theSchoolsOwnStatusLettersAreAskedForThenImportedIdempotently() {
    HttpResponse<String> asked = post(new Upload().file("export.txt", OWN_LETTERS));
    assertEquals(400, asked.statusCode(), asked.body());
    assertTrue(
        asked.body().contains("Dit bestand gebruikt eigen statusletters van je school."),
        asked.body());
    assertTrue(asked.body().contains("Letter Z (2 keer in het bestand)"), asked.body());
    assertTrue(asked.body().contains("name=\"letter\" value=\"Z\""), asked.body());
    assertTrue(asked.body().contains("<select id=\"letter-0\" name=\"letterCategory\""));
    assertTrue(
        asked.body().contains("Status &#39;Z (0/2)&#39; is een eigen letter van je school."),
        asked.body());
    assertEquals(0, marks(""));

    HttpResponse<String> wrong =
        post(
            new Upload()
                .file("export.txt", OWN_LETTERS)
                .field("letter", "Z")
                .field("letterCategory", "HOLIDAY"));
    assertEquals(400, wrong.statusCode());
    assertTrue(
        wrong.body().contains("Kies bij elke eigen statusletter een categorie uit de lijst."));
    HttpResponse<String> aDefault =
        post(
            new Upload()
                .file("export.txt", OWN_LETTERS)
                .field("letter", "P")
                .field("letterCategory", "SICK"));
    assertEquals(400, aDefault.statusCode());
    assertEquals(0, marks(""));

    Upload mapped =
        new Upload()
            .file("export.txt", OWN_LETTERS)
            .field("letter", "Z")
            .field("letterCategory", "SICK");
    HttpResponse<String> imported = post(mapped);
    assertEquals(200, imported.statusCode(), imported.body());
    assertTrue(imported.body().contains("6 nieuwe markeringen"), imported.body());
    assertEquals(2, marks(" AND m.category = 'SICK'"));
    assertEquals(3, marks(" AND m.category = 'PRESENT'"));
    assertEquals(1, marks(" AND m.category = 'LATE'"));
    assertTrue(
        imported.body().contains("<option value=\"SICK\" selected=\"selected\">ziek</option>"),
        "the choice stays on the form for the next file");

    HttpResponse<String> again = post(mapped);
    assertEquals(200, again.statusCode(), again.body());
    assertTrue(again.body().contains("0 nieuwe markeringen, 0 gewijzigd, 6 al goed."));
    assertEquals(6, marks(""));
    assertFalse(again.body().contains("eigen letter van je school"));
  }
}
