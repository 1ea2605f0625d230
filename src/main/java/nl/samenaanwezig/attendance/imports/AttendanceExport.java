package nl.samenaanwezig.attendance.imports;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenaanwezig.attendance.MarkCategory;

/**
 * Moodle mod_attendance's export ("Exporteren", format text or a spreadsheet saved as CSV): one
 * line per student with the identity columns chosen at export (Student ID = Moodle's user id = the
 * LTI {@code sub}; or the e-mail address), then one column per session headed "16 Nov 2026 09.00AM
 * All students", holding the status acronym ("P (2/2)"), then per-status totals. The export has no
 * session length and no minutes late: both come from {@link ImportOptions}.
 */
final class AttendanceExport implements LineParser {
  private static final Pattern SESSION =
      Pattern.compile(
          "(\\d{1,2})[ .\\-/]([A-Za-z]{3,9}\\.?|\\d{1,2})[ .\\-/](\\d{4}),? +(\\d{1,2})[.:](\\d{2})"
              + " ?([AaPp]\\.?[Mm]\\.?)?(?: +(.*))?");
  private static final Pattern STATUS = Pattern.compile("-?([A-Za-z]{1,2})(?: *\\(.*\\))?");
  private static final Pattern ENROLMENT_NOTE = Pattern.compile(".*\\d{1,2}\\.\\d{1,2}\\.\\d{4}.*");
  private static final Set<String> EVERYONE =
      Set.of(
          "all students",
          "alle studenten",
          "alle leerlingen",
          "alle deelnemers",
          "all participants");
  private static final Set<String> SUBJECT_HEADERS =
      Set.of("studentid", "userid", "gebruikersid", "leerlingid", "idstudent");
  private static final Set<String> EMAIL_HEADERS =
      Set.of("emailaddress", "emailadres", "email", "mail");
  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("mrt", 3),
          Map.entry("maa", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("mei", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("okt", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12));

  /** A session column: which lesson its cells are marks for. */
  record Session(int column, String header, ImportBatch.FileLesson lesson) {}

  /** Date, start time and group text of a session header. */
  record SessionHeader(LocalDate date, LocalTime start, String group) {
    String externalId() {
      return date + "T" + start + (group == null ? "" : " " + group);
    }
  }

  private final ImportBatch batch;
  private final ImportOptions options;
  private final List<Session> sessions = new ArrayList<>();
  private final int identityColumn;
  private final String identityHeader;
  private final boolean bySubject;

  /** Whether a line is the export's header: at least one column is headed like a session. */
  static boolean isHeader(List<String> cells) {
    return cells.stream().anyMatch(c -> session(c).isPresent());
  }

  static Optional<SessionHeader> session(String header) {
    Matcher m = SESSION.matcher(header.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      String monthText = m.group(2).toLowerCase(Locale.ROOT);
      Integer month =
          Character.isDigit(monthText.charAt(0))
              ? Integer.valueOf(monthText)
              : MONTHS.get(monthText.substring(0, 3));
      if (month == null) {
        return Optional.empty();
      }
      LocalDate date =
          LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)));
      int hour = Integer.parseInt(m.group(4));
      String half = m.group(6) == null ? "" : m.group(6).toLowerCase(Locale.ROOT);
      if (!half.isEmpty()) {
        if (hour < 1 || hour > 12) {
          return Optional.empty();
        }
        hour = hour % 12 + (half.startsWith("p") ? 12 : 0);
      }
      LocalTime start = LocalTime.of(hour, Integer.parseInt(m.group(5)));
      String group = m.group(7) == null ? "" : m.group(7).strip();
      if (EVERYONE.contains(group.toLowerCase(Locale.ROOT))) {
        group = "";
      }
      if (group.length() > 100) {
        group = group.substring(0, 100).strip();
      }
      return Optional.of(new SessionHeader(date, start, group.isEmpty() ? null : group));
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  AttendanceExport(ImportBatch batch, List<String> header, int headerLine, ImportOptions options) {
    this.batch = batch;
    this.options = options;
    int subject = -1;
    int email = -1;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      String key = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
      if (SUBJECT_HEADERS.contains(key) && subject < 0) {
        subject = i;
      } else if (EMAIL_HEADERS.contains(key) && email < 0) {
        email = i;
      }
      Optional<SessionHeader> session = session(name);
      if (session.isEmpty()) {
        continue;
      }
      SessionHeader s = session.get();
      LocalTime end = s.start().plusMinutes(options.lessonMinutes());
      if (!end.isAfter(s.start())) {
        batch.error(headerLine, name, "import.error.sessionEnd", name);
      } else if (!seen.add(s.externalId())) {
        batch.error(headerLine, name, "import.error.session", name);
      } else {
        sessions.add(
            new Session(
                i,
                name,
                new ImportBatch.FileLesson(
                    s.externalId(), s.date(), s.start(), end, s.group(), headerLine)));
      }
    }
    bySubject = subject >= 0;
    identityColumn = bySubject ? subject : email;
    identityHeader = identityColumn >= 0 ? header.get(identityColumn) : "";
    if (identityColumn < 0) {
      batch.fileError(headerLine, "import.error.identity");
    }
  }

  @Override
  public String studentField() {
    return identityHeader;
  }

  @Override
  public void line(int n, List<String> cells) {
    int errorsBefore = batch.errorCount();
    String id = identityColumn < cells.size() ? cells.get(identityColumn) : "";
    int student = Roster.UNKNOWN;
    if (id.isEmpty()) {
      batch.error(n, identityHeader, "import.error.studentEmpty");
    } else {
      student = bySubject ? batch.roster().findBySubject(id) : batch.roster().findByEmail(id);
      if (student == Roster.UNKNOWN) {
        batch.error(n, identityHeader, "import.error.student", id);
      } else if (student == Roster.AMBIGUOUS) {
        batch.error(n, identityHeader, "import.error.studentAmbiguous", id);
      }
    }
    List<Session> marked = new ArrayList<>();
    List<MarkCategory> categories = new ArrayList<>();
    for (Session s : sessions) {
      String cell = s.column() < cells.size() ? cells.get(s.column()) : "";
      if (cell.isEmpty() || cell.equals("?") || cell.equals("←")) {
        continue; // not taken, or not a session of this student's group
      }
      Matcher status = STATUS.matcher(cell);
      String letter = status.matches() ? StatusLetters.normalize(status.group(1)) : null;
      Optional<MarkCategory> category =
          letter == null ? Optional.empty() : options.letters().category(letter);
      if (category.isPresent()) {
        marked.add(s);
        categories.add(category.get());
      } else if (letter == null && ENROLMENT_NOTE.matcher(cell).matches()) {
        continue; // "Enrolment start 1.2.2026": no session for this student
      } else if (letter != null) {
        // A school's own status (mod_attendance lets schools define them): the form asks.
        options.letters().unknown(letter);
        batch.error(n, s.header(), "import.error.statusUnknown", cell, letter);
      } else {
        batch.error(n, s.header(), "import.error.status", cell);
      }
    }
    if (batch.errorCount() > errorsBefore) {
      return;
    }
    for (int i = 0; i < marked.size(); i++) {
      ImportBatch.FileLesson lesson = marked.get(i).lesson();
      int index = batch.lessonIndex(lesson.externalId());
      if (index < 0) {
        index = batch.addLesson(lesson);
      }
      MarkCategory category = categories.get(i);
      int late = category == MarkCategory.LATE ? options.lateMinutes() : 0;
      batch.addMark(index, student, category, late, n);
    }
  }
}
