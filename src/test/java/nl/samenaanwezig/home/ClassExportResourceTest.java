package nl.samenaanwezig.home;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClassExportResourceTest {
  @Test
  void cellThatWouldStartAFormulaIsDefused() {
    assertEquals("'=1+1", ClassExportResource.csvCell("=1+1"));
    assertEquals("'@SUM(A1)", ClassExportResource.csvCell("@SUM(A1)"));
  }

  @Test
  void negativeNumbersStayNumbers() {
    assertEquals("-3.5", ClassExportResource.csvCell("-3.5"));
  }

  @Test
  void separatorsAndQuotesAreQuoted() {
    assertEquals("\"de Vries; Jan\"", ClassExportResource.csvCell("de Vries; Jan"));
    assertEquals("\"Jan \"\"JJ\"\" Jansen\"", ClassExportResource.csvCell("Jan \"JJ\" Jansen"));
  }
}
