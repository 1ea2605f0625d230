package nl.samenaanwezig.attendance.imports;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.samenaanwezig.attendance.Lesson;
import nl.samenaanwezig.attendance.MarkCategory;

/**
 * What an import file holds once read: its lessons, its marks (in primitive arrays, so a million of
 * them fit in a few megabytes) and everything wrong with it. Marks only enter from lines without
 * errors; a second mark for the same student and lesson is an error of its own line.
 */
public final class ImportBatch {
  static final int MAX_MARKS = 2_000_000;
  static final int MAX_SHOWN_ERRORS = 500;
  private static final MarkCategory[] CATEGORIES = MarkCategory.values();

  /** A lesson as the file describes it; {@code line} is where it first appeared. */
  record FileLesson(
      String externalId, LocalDate date, LocalTime start, LocalTime end, String group, int line) {

    boolean sameTimes(FileLesson other) {
      return date.equals(other.date)
          && start.equals(other.start)
          && end.equals(other.end)
          && Objects.equals(group, other.group);
    }

    int minutes() {
      return (int) Duration.between(start, end).toMinutes();
    }
  }

  private final Lesson.Source source;
  private final Roster roster;
  private final List<FileLesson> lessons = new ArrayList<>();
  private final Map<String, Integer> lessonIndex = new HashMap<>();
  private int marks;
  private int[] markLesson = new int[1024];
  private int[] markStudent = new int[1024];
  private byte[] markCategory = new byte[1024];
  private short[] markLate = new short[1024];
  private int[] markLine = new int[1024];
  private final List<LineError> errors = new ArrayList<>();
  private int errorCount;
  private final BitSet badLines = new BitSet();
  private final BitSet excluded = new BitSet();
  private boolean fileError;
  private int lines;
  private int[] writeOrder;

  ImportBatch(Lesson.Source source, Roster roster) {
    this.source = source;
    this.roster = roster;
  }

  Lesson.Source source() {
    return source;
  }

  Roster roster() {
    return roster;
  }

  int lessonIndex(String externalId) {
    return lessonIndex.getOrDefault(externalId, -1);
  }

  FileLesson lesson(int index) {
    return lessons.get(index);
  }

  int lessonCount() {
    return lessons.size();
  }

  int addLesson(FileLesson lesson) {
    lessons.add(lesson);
    lessonIndex.put(lesson.externalId(), lessons.size() - 1);
    return lessons.size() - 1;
  }

  /** Counts a line that holds data (not the header, not a blank line). */
  void dataLine() {
    lines++;
  }

  void addMark(int lesson, int student, MarkCategory category, int late, int line) {
    if (marks == MAX_MARKS) {
      if (!fileError) {
        fileError(line, "import.error.tooMany", MAX_MARKS);
      }
      return;
    }
    if (marks == markLesson.length) {
      int size = Math.min(MAX_MARKS, marks * 2);
      markLesson = Arrays.copyOf(markLesson, size);
      markStudent = Arrays.copyOf(markStudent, size);
      markCategory = Arrays.copyOf(markCategory, size);
      markLate = Arrays.copyOf(markLate, size);
      markLine = Arrays.copyOf(markLine, size);
    }
    markLesson[marks] = lesson;
    markStudent[marks] = student;
    markCategory[marks] = (byte) category.ordinal();
    markLate[marks] = (short) late;
    markLine[marks] = line;
    marks++;
  }

  void error(int line, String field, String key, Object... args) {
    errorCount++;
    badLines.set(line);
    if (errors.size() < MAX_SHOWN_ERRORS) {
      errors.add(new LineError(line, field, key, List.of(args)));
    }
  }

  /** A problem with the file as a whole: nothing of it can be imported. */
  void fileError(int line, String key, Object... args) {
    fileError = true;
    error(line, "", key, args);
  }

  /**
   * Ends reading: finds second marks for the same student and lesson (an error on the later line;
   * the first stays) and fixes the order the marks are written in: by lesson date, then student.
   */
  void finish(String studentField) {
    Integer[] byDate = new Integer[lessons.size()];
    for (int i = 0; i < byDate.length; i++) {
      byDate[i] = i;
    }
    Arrays.sort(
        byDate,
        Comparator.comparing((Integer i) -> lessons.get(i).date())
            .thenComparing(i -> lessons.get(i).start())
            .thenComparing(i -> lessons.get(i).externalId()));
    int[] rank = new int[lessons.size()];
    for (int r = 0; r < byDate.length; r++) {
      rank[byDate[r]] = r;
    }
    // lesson rank (26 bits) | student (16 bits) | mark (21 bits): one primitive sort.
    long[] keys = new long[marks];
    for (int m = 0; m < marks; m++) {
      keys[m] = ((long) rank[markLesson[m]] << 37) | ((long) markStudent[m] << 21) | m;
    }
    Arrays.sort(keys);
    int[] order = new int[marks];
    int kept = 0;
    long previous = -1;
    int previousMark = -1;
    for (long key : keys) {
      int m = (int) (key & ((1 << 21) - 1));
      long lessonAndStudent = key >>> 21;
      if (lessonAndStudent == previous) {
        excluded.set(m);
        error(
            markLine[m],
            studentField,
            "import.error.duplicate",
            String.valueOf(markLine[previousMark]));
        continue;
      }
      previous = lessonAndStudent;
      previousMark = m;
      order[kept++] = m;
    }
    writeOrder = Arrays.copyOf(order, kept);
    errors.sort(Comparator.comparingInt(LineError::line));
  }

  /** Marks to write, by lesson date then student (valid ones only). */
  int[] writeOrder() {
    return writeOrder;
  }

  int markLesson(int mark) {
    return markLesson[mark];
  }

  long markPerson(int mark) {
    return roster.personId(markStudent[mark]);
  }

  MarkCategory markCategory(int mark) {
    return CATEGORIES[markCategory[mark]];
  }

  int markLate(int mark) {
    return markLate[mark];
  }

  /** Lines with data that were read. */
  public int lines() {
    return lines;
  }

  public int validMarks() {
    return writeOrder == null ? 0 : writeOrder.length;
  }

  public int errorCount() {
    return errorCount;
  }

  /** The first {@value #MAX_SHOWN_ERRORS} errors, by line. */
  public List<LineError> errors() {
    return List.copyOf(errors);
  }

  /** Lines with at least one error (their marks are not imported). */
  public int invalidLines() {
    return badLines.cardinality();
  }

  public boolean hasFileError() {
    return fileError;
  }

  /** Whether the valid marks may be written: no errors, or the user chose valid rows only. */
  public boolean importable(boolean validOnly) {
    return !fileError && validMarks() > 0 && (errorCount == 0 || validOnly);
  }
}
