package nl.samenaanwezig.web;

import java.util.List;

/**
 * CSV as Dutch Excel opens it: a byte order mark, semicolons between cells, CRLF after each row.
 * Cells are quoted when needed and a cell that would start a formula is defused.
 */
public final class Csv {
  private Csv() {}

  /** The whole file, first row the header. */
  public static String of(List<List<String>> rows) {
    StringBuilder out = new StringBuilder("\uFEFF");
    for (List<String> row : rows) {
      out.append(String.join(";", row.stream().map(Csv::cell).toList())).append("\r\n");
    }
    return out.toString();
  }

  /** Quotes a cell when needed; a leading =, +, - or @ is defused (spreadsheet formulas). */
  public static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
      v = "'" + v;
    }
    if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
