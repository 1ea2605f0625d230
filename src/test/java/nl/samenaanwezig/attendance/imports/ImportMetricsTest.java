package nl.samenaanwezig.attendance.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import nl.samenaanwezig.testing.Metrics;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Imports in the metrics: a file that is imported, and one that is refused for its errors. */
class ImportMetricsTest {
  static final String TOKEN = "metrics-secret-for-the-tests";
  static ToolServer tool;
  static TestPlatform platform;

  @BeforeAll
  static void start() {
    tool = ToolServer.start(c -> c.withMetricsToken(TOKEN));
    platform = TestPlatform.start().registerWith(tool);
  }

  @AfterAll
  static void stop() {
    platform.close();
    tool.close();
  }

  @Test
  void importedAndRefusedFilesAreCountedWithTheMarksWritten() {
    ImportClass klas = ImportClass.open(tool, platform);
    String good =
        "student_id;date;start;end;category\n"
            + "1001;2026-11-16;09:00;09:50;aanwezig\n"
            + "1002;2026-11-16;09:00;09:50;ziek\n";
    String bad = "student_id;date;start;end;category\n" + "1001;2026-13-16;09:00;09:50;aanwezig\n";
    assertEquals(200, klas.post(new Upload().file("a.csv", good)).statusCode());
    assertEquals(400, klas.post(new Upload().file("b.csv", bad)).statusCode());

    String text = Metrics.scrape(tool, TOKEN);
    assertEquals(1, Metrics.value(text, "samen_imports_total{outcome=\"imported\"}"));
    assertEquals(1, Metrics.value(text, "samen_imports_total{outcome=\"refused\"}"));
    assertEquals(2, Metrics.value(text, "samen_imports_marks_total"));
  }
}
