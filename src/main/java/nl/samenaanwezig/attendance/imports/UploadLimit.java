package nl.samenaanwezig.attendance.imports;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.samenaanwezig.config.AppConfig;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.web.ErrorPages;
import nl.samenaanwezig.web.Pages;
import nl.samenaanwezig.web.RequestBodyDrain;

/**
 * Refuses an import upload larger than {@code SA_IMPORT_MAX_MB} before any of it is parsed or kept
 * (the multipart reader would otherwise spool all of it to disk first): by its Content-Length,
 * which browsers always send with a form; a request without one is refused as well (411). After the
 * answer {@link RequestBodyDrain} reads and drops the rest of an upload up to 16 MiB, so the
 * browser gets to show the refusal.
 */
@UploadLimit.Bound
@Priority(Priorities.ENTITY_CODER)
public final class UploadLimit implements ContainerRequestFilter {
  private static final long MB = 1024 * 1024;

  /** Marks the resource methods whose request body this limit guards. */
  @NameBinding
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.TYPE, ElementType.METHOD})
  public @interface Bound {}

  @Inject AppConfig config;
  @Inject Sessions sessions;
  @Inject Memberships memberships;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  @Override
  public void filter(ContainerRequestContext ctx) {
    long length = request.getContentLengthLong();
    long max = config.importMaxBytes();
    if (length >= 0 && length <= max) {
      return;
    }
    int status = length < 0 ? 411 : 413;
    String key = length < 0 ? "import.problem.length" : "import.problem.tooLarge";
    Optional<Session> session = sessions.find(request);
    Optional<Course> course =
        session.flatMap(
            s -> courseId(ctx).flatMap(id -> memberships.courseWhere(s.person(), id, Role.MENTOR)));
    if (course.isEmpty()) {
      ctx.abortWith(ErrorPages.page(pages, status, key + ".plain", ErrorPages.localeOf(request)));
      return;
    }
    Locale locale = session.get().locale();
    Map<String, Object> values = new HashMap<>();
    values.put("lessonMinutes", String.valueOf(ImportOptions.DEFAULT_LESSON_MINUTES));
    values.put("lateMinutes", String.valueOf(ImportOptions.DEFAULT_LATE_MINUTES));
    values.put("validOnly", false);
    values.put("letterChoices", List.of());
    values.put("paste", "");
    String html =
        ImportResource.page(
            pages,
            session.get(),
            course.get(),
            values,
            List.of(Pages.text(locale, key, size(max))),
            null,
            max);
    ctx.abortWith(
        Response.status(status)
            .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
            .header("Connection", "close")
            .entity(html)
            .build());
  }

  private static Optional<Long> courseId(ContainerRequestContext ctx) {
    try {
      return Optional.of(Long.parseLong(ctx.getUriInfo().getPathParameters().getFirst("courseId")));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A size as people read it: "64 MB", or "512 kB" below a megabyte. */
  static String size(long bytes) {
    return bytes >= MB && bytes % MB == 0
        ? bytes / MB + " MB"
        : bytes >= MB
            ? String.format(Locale.ROOT, "%.1f MB", bytes / (double) MB)
            : Math.max(1, bytes / 1024) + " kB";
  }
}
