package nl.samenaanwezig.attendance.imports;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.samenaanwezig.attendance.MarkCategory;

/**
 * Our own CSV format (docs/import.md): a header line naming the columns {@code student_id, date,
 * start, end, category} and optionally {@code late_minutes, lesson_id, group}, in any order; one
 * mark per line. Without a lesson_id, date + start + end (+ group) identify the lesson.
 */
final class GenericFormat implements LineParser {
  static final String STUDENT = "student_id";
  static final String DATE = "date";
  static final String START = "start";
  static final String END = "end";
  static final String CATEGORY = "category";
  static final String LATE = "late_minutes";
  static final String LESSON = "lesson_id";
  static final String GROUP = "group";
  private static final List<String> REQUIRED = List.of(STUDENT, DATE, START, END, CATEGORY);
  private static final List<DateTimeFormatter> DATES =
      List.of(
          DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT));
  private static final List<DateTimeFormatter> TIMES =
      List.of(
          DateTimeFormatter.ofPattern("H:mm").withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("H:mm:ss").withResolverStyle(ResolverStyle.STRICT));

  private final ImportBatch batch;
  private final Map<String, LocalDate> existingDates;
  private final Map<String, Integer> column = new HashMap<>();
  private final Map<String, Optional<LocalDate>> dates = new HashMap<>();
  private final Map<String, Optional<LocalTime>> times = new HashMap<>();

  /** Whether a header line is ours: it names the student_id column. */
  static boolean isHeader(List<String> cells) {
    return cells.stream().anyMatch(c -> STUDENT.equals(c.toLowerCase(Locale.ROOT)));
  }

  GenericFormat(
      ImportBatch batch, List<String> header, int headerLine, Map<String, LocalDate> existing) {
    this.batch = batch;
    this.existingDates = existing;
    for (int i = 0; i < header.size(); i++) {
      column.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
    }
    for (String required : REQUIRED) {
      if (!column.containsKey(required)) {
        batch.fileError(headerLine, "import.error.column", required);
      }
    }
  }

  @Override
  public String studentField() {
    return STUDENT;
  }

  @Override
  public void line(int n, List<String> cells) {
    int errorsBefore = batch.errorCount();
    String studentId = cell(cells, STUDENT);
    int student = Roster.UNKNOWN;
    if (studentId.isEmpty()) {
      batch.error(n, STUDENT, "import.error.studentEmpty");
    } else {
      student = batch.roster().find(studentId);
      if (student == Roster.UNKNOWN) {
        batch.error(n, STUDENT, "import.error.student", studentId);
      } else if (student == Roster.AMBIGUOUS) {
        batch.error(n, STUDENT, "import.error.studentAmbiguous", studentId);
      }
    }
    LocalDate date = date(n, cell(cells, DATE));
    LocalTime start = time(n, START, cell(cells, START));
    LocalTime end = time(n, END, cell(cells, END));
    if (start != null && end != null && !end.isAfter(start)) {
      batch.error(n, END, "import.error.order");
    }
    String code = cell(cells, CATEGORY);
    MarkCategory category = CategoryCodes.parse(code).orElse(null);
    if (category == null) {
      batch.error(n, CATEGORY, "import.error.category", code);
    }
    String lessonId = cell(cells, LESSON);
    if (lessonId.length() > 255) {
      batch.error(n, LESSON, "import.error.lessonId");
    }
    String group = cell(cells, GROUP);
    if (group.length() > 100) {
      batch.error(n, GROUP, "import.error.group");
    }
    int late = lateMinutes(n, category, cell(cells, LATE), start, end);
    if (batch.errorCount() > errorsBefore) {
      return;
    }
    String externalId =
        lessonId.isEmpty()
            ? date + "T" + start + "-" + end + (group.isEmpty() ? "" : " " + group)
            : lessonId;
    ImportBatch.FileLesson lesson =
        new ImportBatch.FileLesson(externalId, date, start, end, group.isEmpty() ? null : group, n);
    int index = batch.lessonIndex(externalId);
    if (index >= 0 && !batch.lesson(index).sameTimes(lesson)) {
      batch.error(
          n,
          LESSON,
          "import.error.lessonConflict",
          externalId,
          String.valueOf(batch.lesson(index).line()));
      return;
    }
    if (index < 0) {
      LocalDate before = existingDates.get(externalId);
      if (before != null && !before.equals(date)) {
        batch.error(n, LESSON, "import.error.lessonMoved", externalId, before.toString());
        return;
      }
      index = batch.addLesson(lesson);
    }
    batch.addMark(index, student, category, late, n);
  }

  private int lateMinutes(
      int n, MarkCategory category, String text, LocalTime start, LocalTime end) {
    int length =
        start != null && end != null && end.isAfter(start)
            ? (int) Duration.between(start, end).toMinutes()
            : 0;
    if (category != MarkCategory.LATE) {
      if (!text.isEmpty() && !text.equals("0")) {
        batch.error(n, LATE, "import.error.lateNotLate");
      }
      return 0;
    }
    if (text.isEmpty()) {
      batch.error(n, LATE, "import.error.lateMissing");
      return 0;
    }
    int minutes;
    try {
      minutes = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      minutes = -1;
    }
    if (minutes < 1 || (length > 0 && minutes > length)) {
      batch.error(n, LATE, "import.error.lateRange", text, Math.max(length, 1));
      return 0;
    }
    return minutes;
  }

  private LocalDate date(int n, String text) {
    if (dates.size() > 10_000) {
      dates.clear();
    }
    Optional<LocalDate> parsed =
        dates.computeIfAbsent(text, t -> parse(t, DATES).map(LocalDate::from));
    if (parsed.isEmpty()) {
      batch.error(n, DATE, "import.error.date", text);
    }
    return parsed.orElse(null);
  }

  private LocalTime time(int n, String field, String text) {
    if (times.size() > 10_000) {
      times.clear();
    }
    Optional<LocalTime> parsed =
        times.computeIfAbsent(text, t -> parse(t, TIMES).map(LocalTime::from));
    if (parsed.isEmpty()) {
      batch.error(n, field, "import.error.time", text);
    }
    return parsed.orElse(null);
  }

  private static Optional<java.time.temporal.TemporalAccessor> parse(
      String text, List<DateTimeFormatter> formats) {
    for (DateTimeFormatter f : formats) {
      try {
        return Optional.of(f.parse(text));
      } catch (DateTimeParseException e) {
        // try the next accepted form
      }
    }
    return Optional.empty();
  }

  private String cell(List<String> cells, String name) {
    Integer i = column.get(name);
    return i == null || i >= cells.size() ? "" : cells.get(i);
  }
}
