package nl.samenaanwezig.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void cellThatWouldStartAFormulaIsDefused() {
    assertEquals("'=1+1", Csv.cell("=1+1"));
    assertEquals("'@SUM(A1)", Csv.cell("@SUM(A1)"));
  }

  @Test
  void negativeNumbersStayNumbers() {
    assertEquals("-3.5", Csv.cell("-3.5"));
  }

  @Test
  void separatorsAndQuotesAreQuoted() {
    assertEquals("\"de Vries; Jan\"", Csv.cell("de Vries; Jan"));
    assertEquals("\"Jan \"\"JJ\"\" Jansen\"", Csv.cell("Jan \"JJ\" Jansen"));
  }

  @Test
  void aFileStartsWithAByteOrderMarkAndEndsEachRowWithCrLf() {
    assertEquals(
        "\uFEFFa;b\r\n1;\"x;y\"\r\n",
        Csv.of(
            java.util.List.of(java.util.List.of("a", "b"), java.util.List.of("1", "x;y")),
            Locales.DUTCH));
  }

  @Test
  void decimalsGetTheLanguagesSeparatorAndOtherCellsStayAsTheyAre() {
    java.util.List<java.util.List<String>> rows =
        java.util.List.of(
            java.util.List.of("1.5", "-0.5", "12", "2026-12-07", "v1.2.3", "Klas 1.2"));
    assertEquals("\uFEFF1,5;-0,5;12;2026-12-07;v1.2.3;Klas 1.2\r\n", Csv.of(rows, Locales.DUTCH));
    assertEquals("\uFEFF1.5;-0.5;12;2026-12-07;v1.2.3;Klas 1.2\r\n", Csv.of(rows, Locales.ENGLISH));
  }
}
