package nl.samenaanwezig.attendance.imports;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.samenaanwezig.attendance.MarkCategory;
import nl.samenaanwezig.config.AppConfig;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.CsrfFilter;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.web.ErrorPages;
import nl.samenaanwezig.web.Pages;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataContentDisposition;
import org.glassfish.jersey.media.multipart.FormDataParam;

/**
 * The mentor's import page for a course: upload a file (or paste its lines), see every error per
 * line, and import only when the file is right or "alleen geldige regels importeren" was ticked. A
 * Moodle export with the school's own status letters gets a choice of category per letter. The
 * import runs within the request, one per course at a time ({@link ImportRuns}), for files up to
 * the configured size ({@link UploadLimit}); the page shows upload progress (app.js) and then the
 * result.
 */
@Path("/class/{courseId}/import")
@Produces(MediaType.TEXT_HTML)
public class ImportResource {
  @Inject Sessions sessions;
  @Inject Memberships memberships;
  @Inject MarkImport imports;
  @Inject Pages pages;
  @Inject AppConfig config;
  @Inject Database db;
  @Inject Clock clock;
  @Inject MeterRegistry metrics;
  @Context HttpServletRequest request;

  /** An error as shown: line, column, message in the user's language. */
  public record ShownError(int line, String field, String message) {}

  /** A status letter of the school's own, how many cells of the file hold it, what was chosen. */
  public record LetterChoice(String letter, int cells, String category) {}

  @GET
  public String form(@PathParam("courseId") long courseId) {
    Session session = sessions.require(request);
    Course course = mentorCourse(session, courseId);
    return page(
        pages, session, course, formValues("", "", false, Map.of()), List.of(), null, max());
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @UploadLimit.Bound
  @CsrfFilter.CheckedByResource
  public Response upload(
      @PathParam("courseId") long courseId,
      @FormDataParam(CsrfFilter.FIELD) String csrf,
      @FormDataParam("file") InputStream file,
      @FormDataParam("file") FormDataContentDisposition fileInfo,
      @FormDataParam("paste") String paste,
      @FormDataParam("validOnly") String validOnly,
      @FormDataParam("lessonMinutes") String lessonMinutes,
      @FormDataParam("lateMinutes") String lateMinutes,
      @FormDataParam("letter") List<FormDataBodyPart> letterFields,
      @FormDataParam("letterCategory") List<FormDataBodyPart> letterCategoryFields) {
    Session session = sessions.require(request);
    Locale locale = session.locale();
    // Sent with script, the token is in the header (checked by CsrfFilter); without, in the form.
    String token = request.getHeader(CsrfFilter.HEADER);
    if (!CsrfFilter.matches(session, token == null ? csrf : token)) {
      return ErrorPages.page(pages, 403, "error.csrf", locale);
    }
    Course course = mentorCourse(session, courseId);
    boolean onlyValid = validOnly != null && !validOnly.isBlank();
    List<String> problems = new ArrayList<>();
    Map<String, MarkCategory> letters = letters(letterFields, letterCategoryFields, problems);
    Map<String, Object> values = formValues(lessonMinutes, lateMinutes, onlyValid, letters);
    values.put("paste", paste == null ? "" : paste);
    int lesson = number(lessonMinutes, ImportOptions.DEFAULT_LESSON_MINUTES);
    int late = number(lateMinutes, ImportOptions.DEFAULT_LATE_MINUTES);
    if (lesson < 1 || lesson > ImportOptions.MAX_LESSON_MINUTES) {
      problems.add("import.problem.lessonMinutes");
    } else if (late < 1 || late > lesson) {
      problems.add("import.problem.lateMinutes");
    }
    boolean hasFile =
        file != null
            && fileInfo != null
            && fileInfo.getFileName() != null
            && !fileInfo.getFileName().isBlank();
    boolean hasPaste = paste != null && !paste.isBlank();
    if (!hasFile && !hasPaste) {
      problems.add("import.problem.file");
    }
    if (!problems.isEmpty()) {
      return html(400, page(pages, session, course, values, texts(problems, locale), null, max()));
    }
    ImportOptions options = new ImportOptions(lesson, late, onlyValid, StatusLetters.with(letters));
    InputStream in =
        hasFile ? file : new ByteArrayInputStream(paste.getBytes(StandardCharsets.UTF_8));
    ImportBatch batch = imports.read(course, in, options);
    Map<String, Object> result = new HashMap<>();
    result.put("lines", batch.lines());
    result.put("validMarks", batch.validMarks());
    result.put("errorCount", batch.errorCount());
    result.put("invalidLines", batch.invalidLines());
    result.put("fileError", batch.hasFileError());
    result.put("errors", shown(batch.errors(), locale));
    result.put("moreErrors", batch.errorCount() - batch.errors().size());
    result.put("unknownLetters", !options.letters().unknown().isEmpty());
    values.put("letterChoices", choices(options.letters().unknown(), letters));
    if (!batch.importable(onlyValid)) {
      counted("refused");
      result.put("imported", false);
      return html(
          batch.errorCount() > 0 ? 400 : 200,
          page(pages, session, course, values, List.of(), result, max()));
    }
    Optional<MarkImport.Outcome> outcome =
        new ImportRuns(db, clock)
            .exclusively(course.id(), () -> imports.write(course, batch, session.person().id()));
    if (outcome.isEmpty()) {
      counted("busy");
      return html(
          409,
          page(
              pages,
              session,
              course,
              values,
              texts(List.of("import.problem.busy"), locale),
              null,
              max()));
    }
    counted("imported");
    metrics
        .counter("samen.imports.marks")
        .increment(outcome.get().marksCreated() + outcome.get().marksChanged());
    result.put("imported", true);
    result.put("outcome", outcome.get());
    return html(200, page(pages, session, course, values, List.of(), result, max()));
  }

  /**
   * Counts a checked file in the metrics ({@code samen_imports_total}): imported, refused (errors
   * in the file), busy (another import of the course was running).
   */
  private void counted(String outcome) {
    metrics.counter("samen.imports", "outcome", outcome).increment();
  }

  /** The categories chosen for the school's own status letters; a problem when not valid. */
  private static Map<String, MarkCategory> letters(
      List<FormDataBodyPart> letters, List<FormDataBodyPart> categories, List<String> problems) {
    Optional<Map<String, MarkCategory>> chosen =
        StatusLetters.fromForm(values(letters), values(categories));
    if (chosen.isEmpty()) {
      problems.add("import.problem.letter");
    }
    return chosen.orElse(Map.of());
  }

  private static List<String> values(List<FormDataBodyPart> fields) {
    return fields == null ? List.of() : fields.stream().map(FormDataBodyPart::getValue).toList();
  }

  /** The letters to ask about: those the file used without a category and those chosen. */
  private static List<LetterChoice> choices(
      Map<String, Integer> unknown, Map<String, MarkCategory> chosen) {
    Map<String, LetterChoice> all = new TreeMap<>();
    chosen.forEach((l, c) -> all.put(l, new LetterChoice(l, 0, c.name())));
    unknown.forEach((l, n) -> all.put(l, new LetterChoice(l, n, "")));
    return List.copyOf(all.values());
  }

  private static List<String> texts(List<String> keys, Locale locale) {
    return keys.stream().map(k -> Pages.text(locale, k)).toList();
  }

  private long max() {
    return config.importMaxBytes();
  }

  private static List<ShownError> shown(List<LineError> errors, Locale locale) {
    return errors.stream()
        .map(e -> new ShownError(e.line(), e.field(), Pages.text(locale, e.key(), e.argArray())))
        .toList();
  }

  private static int number(String text, int otherwise) {
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Map<String, Object> formValues(
      String lessonMinutes,
      String lateMinutes,
      boolean validOnly,
      Map<String, MarkCategory> letters) {
    Map<String, Object> values = new HashMap<>();
    values.put(
        "lessonMinutes",
        lessonMinutes == null || lessonMinutes.isBlank()
            ? String.valueOf(ImportOptions.DEFAULT_LESSON_MINUTES)
            : lessonMinutes.strip());
    values.put(
        "lateMinutes",
        lateMinutes == null || lateMinutes.isBlank()
            ? String.valueOf(ImportOptions.DEFAULT_LATE_MINUTES)
            : lateMinutes.strip());
    values.put("validOnly", validOnly);
    values.put("letterChoices", choices(Map.of(), letters));
    values.put("paste", "");
    return values;
  }

  private Course mentorCourse(Session session, long courseId) {
    return memberships
        .courseWhere(session.person(), courseId, Role.MENTOR)
        .orElseThrow(NotFoundException::new);
  }

  private static Response html(int status, String html) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(html)
        .build();
  }

  /** The import page; {@code problems} are texts in the user's language. */
  static String page(
      Pages pages,
      Session session,
      Course course,
      Map<String, Object> values,
      List<String> problems,
      Map<String, Object> result,
      long maxBytes) {
    Map<String, Object> vars = Frame.of(session, "/class/" + course.id() + "/import");
    vars.put("courseId", course.id());
    vars.put("courseTitle", course.displayTitle());
    vars.put("values", values);
    vars.put("problems", problems);
    vars.put("result", result);
    vars.put("maxBytes", maxBytes);
    vars.put("maxSize", UploadLimit.size(maxBytes));
    vars.put("categories", MarkCategory.values());
    return pages.render("import", session.locale(), vars);
  }
}
