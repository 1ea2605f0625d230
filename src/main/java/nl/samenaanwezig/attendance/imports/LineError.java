package nl.samenaanwezig.attendance.imports;

import java.util.List;

/**
 * What is wrong on one line of an import file: the line number (1 = the first line of the file),
 * the column, and a message key with its arguments (shown in the user's language).
 */
public record LineError(int line, String field, String key, List<Object> args) {
  public LineError {
    args = List.copyOf(args);
  }

  public Object[] argArray() {
    return args.toArray();
  }
}
