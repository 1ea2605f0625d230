package nl.samenaanwezig.attendance.imports;

import java.util.List;

/** Reads the data lines of one file format into an {@link ImportBatch}. */
interface LineParser {
  /** One data line (not blank), numbered from the first line of the file. */
  void line(int number, List<String> cells);

  /** The column an error about a student's second mark for a lesson points to. */
  String studentField();
}
