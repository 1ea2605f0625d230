package nl.samenaanwezig.attendance.imports;

/**
 * The choices on the import form. Moodle's attendance export has no lesson length and no minutes
 * late, so those two come from here; {@code validOnly} is the explicit "alleen geldige regels
 * importeren".
 */
public record ImportOptions(int lessonMinutes, int lateMinutes, boolean validOnly) {
  public static final int DEFAULT_LESSON_MINUTES = 50;
  public static final int DEFAULT_LATE_MINUTES = 5;
  public static final int MAX_LESSON_MINUTES = 480;

  public ImportOptions {
    if (lessonMinutes < 1 || lessonMinutes > MAX_LESSON_MINUTES) {
      throw new IllegalArgumentException("lesson minutes out of range");
    }
    if (lateMinutes < 1 || lateMinutes > lessonMinutes) {
      throw new IllegalArgumentException("late minutes must be within the lesson");
    }
  }

  public static ImportOptions defaults(boolean validOnly) {
    return new ImportOptions(DEFAULT_LESSON_MINUTES, DEFAULT_LATE_MINUTES, validOnly);
  }
}
