package nl.samenaanwezig.attendance.imports;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.samenaanwezig.home.Frame;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.web.Pages;
import org.glassfish.jersey.media.multipart.FormDataContentDisposition;
import org.glassfish.jersey.media.multipart.FormDataParam;

/**
 * The mentor's import page for a course: upload a file (or paste its lines), see every error per
 * line, and import only when the file is right or "alleen geldige regels importeren" was ticked.
 * The import runs within the request; the page shows upload progress (app.js) and then the result.
 */
@Path("/class/{courseId}/import")
@Produces(MediaType.TEXT_HTML)
public class ImportResource {
  @Inject Sessions sessions;
  @Inject Memberships memberships;
  @Inject MarkImport imports;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  /** An error as shown: line, column, message in the user's language. */
  public record ShownError(int line, String field, String message) {}

  @GET
  public String form(@PathParam("courseId") long courseId) {
    Session session = sessions.require(request);
    Course course = mentorCourse(session, courseId);
    return render(session, course, formValues("", "", false), List.of(), null);
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response upload(
      @PathParam("courseId") long courseId,
      @FormDataParam("file") InputStream file,
      @FormDataParam("file") FormDataContentDisposition fileInfo,
      @FormDataParam("paste") String paste,
      @FormDataParam("validOnly") String validOnly,
      @FormDataParam("lessonMinutes") String lessonMinutes,
      @FormDataParam("lateMinutes") String lateMinutes) {
    Session session = sessions.require(request);
    Course course = mentorCourse(session, courseId);
    boolean onlyValid = validOnly != null && !validOnly.isBlank();
    Map<String, Object> values = formValues(lessonMinutes, lateMinutes, onlyValid);
    List<String> problems = new ArrayList<>();
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
      return html(400, render(session, course, values, problems, null));
    }
    ImportOptions options = new ImportOptions(lesson, late, onlyValid);
    InputStream in =
        hasFile ? file : new ByteArrayInputStream(paste.getBytes(StandardCharsets.UTF_8));
    ImportBatch batch = imports.read(course, in, options);
    Map<String, Object> result = new HashMap<>();
    result.put("lines", batch.lines());
    result.put("validMarks", batch.validMarks());
    result.put("errorCount", batch.errorCount());
    result.put("invalidLines", batch.invalidLines());
    result.put("fileError", batch.hasFileError());
    result.put("errors", shown(batch.errors(), session.locale()));
    result.put("moreErrors", batch.errorCount() - batch.errors().size());
    if (!batch.importable(onlyValid)) {
      result.put("imported", false);
      return html(
          batch.errorCount() > 0 ? 400 : 200, render(session, course, values, List.of(), result));
    }
    result.put("imported", true);
    result.put("outcome", imports.write(course, batch, session.person().id()));
    return html(200, render(session, course, values, List.of(), result));
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
      String lessonMinutes, String lateMinutes, boolean validOnly) {
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

  private String render(
      Session session,
      Course course,
      Map<String, Object> values,
      List<String> problems,
      Map<String, Object> result) {
    Map<String, Object> vars = Frame.of(session, "/class/" + course.id() + "/import");
    vars.put("courseId", course.id());
    vars.put("courseTitle", course.displayTitle());
    vars.put("values", values);
    vars.put("problems", problems);
    vars.put("result", result);
    return pages.render("import", session.locale(), vars);
  }
}
