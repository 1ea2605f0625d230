package nl.samenaanwezig.attendance.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of delimited text: the separator a file uses (tab, semicolon or comma, whichever its
 * header line has most of) and the cells of a line, with RFC 4180 quotes ({@code "a;b"}, {@code
 * ""}) inside one line.
 */
final class Delimited {
  private Delimited() {}

  static char separatorOf(String header) {
    int tabs = 0;
    int semicolons = 0;
    int commas = 0;
    boolean quoted = false;
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        switch (c) {
          case '\t' -> tabs++;
          case ';' -> semicolons++;
          case ',' -> commas++;
          default -> {}
        }
      }
    }
    if (tabs >= semicolons && tabs >= commas && tabs > 0) {
      return '\t';
    }
    return semicolons >= commas && semicolons > 0 ? ';' : ',';
  }

  static List<String> split(String line, char separator) {
    List<String> cells = new ArrayList<>();
    if (line.indexOf('"') < 0) {
      int from = 0;
      for (int at = line.indexOf(separator); at >= 0; at = line.indexOf(separator, from)) {
        cells.add(line.substring(from, at).strip());
        from = at + 1;
      }
      cells.add(line.substring(from).strip());
      return cells;
    }
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"' && cell.length() == 0) {
        quoted = true;
      } else if (c == separator) {
        cells.add(cell.toString().strip());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString().strip());
    return cells;
  }

  static boolean blank(List<String> cells) {
    return cells.stream().allMatch(String::isEmpty);
  }
}
