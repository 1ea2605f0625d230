package nl.samenaanwezig.web;

import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * CSV as Dutch Excel opens it: a byte order mark, semicolons between cells, CRLF after each row.
 * Cells are quoted when needed and a cell that would start a formula is defused.
 */
public final class Csv {
  private Csv() {}

  /**
   * The whole file, first row the header. Decimals given as "1.5" are written with the locale's
   * decimal separator ("1,5" in Dutch), or Dutch Excel, which splits on semicolons, reads them as
   * dates or text.
   */
  public static String of(List<List<String>> rows, Locale locale) {
    char separator = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
    StringBuilder out = new StringBuilder("\uFEFF");
    for (List<String> row : rows) {
      out.append(
              String.join(
                  ";",
                  row.stream()
                      .map(
                          v ->
                              v != null && DECIMAL.matcher(v).matches()
                                  ? v.replace('.', separator)
                                  : v)
                      .map(Csv::cell)
                      .toList()))
          .append("\r\n");
    }
    return out.toString();
  }

  private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

  /** The file as a download named {@code fileName} (ASCII, no quotes). */
  public static Response download(List<List<String>> rows, Locale locale, String fileName) {
    return Response.ok(of(rows, locale).getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
        .build();
  }

  /** Quotes a cell when needed; a leading =, +, - or @ is defused (spreadsheet formulas). */
  public static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+([.,]\\d+)?")) {
      v = "'" + v;
    }
    if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
