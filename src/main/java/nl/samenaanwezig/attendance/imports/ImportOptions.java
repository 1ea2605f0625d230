package nl.samenaanwezig.attendance.imports;

/**
 * The choices on the import form. Moodle's attendance export has no lesson length and no minutes
 * late, so those two come from here, and so do the categories of the school's own status letters
 * ({@code letters}, which also collects the letters a file used without one); {@code validOnly} is
 * the explicit "alleen geldige regels importeren".
 */
public record ImportOptions(
    int lessonMinutes, int lateMinutes, boolean validOnly, StatusLetters letters) {
  public static final int DEFAULT_LESSON_MINUTES = 50;
  public static final int DEFAULT_LATE_MINUTES = 5;
  public static final int MAX_LESSON_MINUTES = 480;

  /** Options with only mod_attendance's default status letters. */
  public ImportOptions(int lessonMinutes, int lateMinutes, boolean validOnly) {
    this(lessonMinutes, lateMinutes, validOnly, StatusLetters.defaults());
  }

  public ImportOptions {
    java.util.Objects.requireNonNull(letters, "status letters, at least the defaults");
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
