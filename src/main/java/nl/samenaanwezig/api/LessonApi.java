package nl.samenaanwezig.api;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.samenaanwezig.attendance.Lesson;
import nl.samenaanwezig.attendance.LessonRegister;
import nl.samenaanwezig.attendance.Mark;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.web.ErrorPages;

/**
 * Lessons and marks pushed by a school information system, idempotent by the sender's ids (source
 * API + externalId): a repeated PUT changes nothing, a changed one updates and keeps history. The
 * course is the LTI context id of a course of one of the token's institution's platforms.
 */
@Path("/api/v1/courses/{contextId}/lessons/{externalId}")
@Produces(MediaType.APPLICATION_JSON)
public class LessonApi {
  static final int MAX_BODY_BYTES = 1 << 20;
  static final int MAX_EXTERNAL_ID = 255;

  /** Arrays and objects in arrays and objects: a list of marks needs two. */
  static final int MAX_DEPTH = 16;

  @Inject ApiTokens tokens;
  @Inject Database db;
  @Inject LessonRegister register;
  @Inject Memberships memberships;
  @Context HttpServletRequest request;

  @GET
  public Response get(
      @PathParam("contextId") String contextId,
      @PathParam("externalId") String externalId,
      @QueryParam("platform") String platform) {
    Course course = course(authenticate(), contextId, platform);
    Lesson lesson = lesson(course, externalId).orElseThrow(() -> lessonNotFound(externalId));
    return Problems.json(200, view(course, lesson)).build();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public Response putLesson(
      @PathParam("contextId") String contextId,
      @PathParam("externalId") String externalId,
      @QueryParam("platform") String platform,
      InputStream body) {
    Course course = course(authenticate(), contextId, platform);
    if (externalId.length() > MAX_EXTERNAL_ID) {
      throw Problems.problem(
          locale(),
          422,
          Problems.VALIDATION,
          "api.validation.title",
          "api.externalId.tooLong",
          List.of(),
          MAX_EXTERNAL_ID);
    }
    LessonInput input = LessonInput.from(json(body), locale());
    LessonRegister.LessonSpec spec =
        new LessonRegister.LessonSpec(
            input.date(),
            input.start(),
            input.end(),
            input.scheduledMinutes(),
            input.group(),
            Lesson.Source.API,
            externalId);
    // Two first PUTs of one lesson at once: the later insert hits the unique key, and its retry
    // finds the lesson the other one made (and answers 200, or 409 if that one has another date).
    Put put = db.retryingConflicts(() -> put(course, externalId, spec));
    Response.ResponseBuilder answer =
        Problems.json(put.existed() ? 200 : 201, view(course, put.lesson()));
    if (!put.existed()) {
      answer.location(
          UriBuilder.fromPath("/api/v1/courses/{c}/lessons/{e}").build(contextId, externalId));
    }
    return answer.build();
  }

  @PUT
  @Path("marks")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response putMarks(
      @PathParam("contextId") String contextId,
      @PathParam("externalId") String externalId,
      @QueryParam("platform") String platform,
      InputStream body) {
    Course course = course(authenticate(), contextId, platform);
    Lesson lesson = lesson(course, externalId).orElseThrow(() -> lessonNotFound(externalId));
    Map<String, Long> students = new HashMap<>();
    memberships
        .members(course, Role.STUDENT)
        .forEach(m -> students.put(m.person().subject(), m.person().id()));
    Map<Long, Mark.Entry> entries =
        MarkInput.from(json(body), lesson.scheduledMinutes(), students, locale());
    // Concurrent PUTs of the same marks: a losing insert runs again and finds the marks made.
    db.retryingConflicts(() -> register.save(lesson.id(), entries, null, Lesson.Source.API));
    return Problems.json(200, view(course, lesson)).build();
  }

  /** The lesson a PUT wrote, and whether it was there before. */
  private record Put(Lesson lesson, boolean existed) {}

  private Put put(Course course, String externalId, LessonRegister.LessonSpec spec) {
    Optional<Lesson> existing = lesson(course, externalId);
    if (existing.isPresent() && !existing.get().date().equals(spec.date())) {
      throw Problems.problem(
          locale(),
          409,
          Problems.LESSON_MOVED,
          "api.lessonMoved.title",
          "api.lessonMoved.detail",
          List.of(),
          externalId,
          existing.get().date().toString());
    }
    return new Put(register.lesson(course.id(), spec), existing.isPresent());
  }

  /** A 422 problem for a request body with these errors; nothing was stored. */
  static ProblemException invalid(Locale locale, List<Problem.FieldError> errors) {
    return Problems.problem(
        locale,
        422,
        Problems.VALIDATION,
        "api.validation.title",
        "api.validation.detail",
        errors,
        errors.size());
  }

  private long authenticate() {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw unauthorized("api.unauthorized.missing", "Bearer realm=\"Samen Aanwezig\"");
    }
    return tokens
        .institutionFor(header.substring(7).strip())
        .orElseThrow(
            () ->
                unauthorized(
                    "api.unauthorized.invalid",
                    "Bearer realm=\"Samen Aanwezig\", error=\"invalid_token\""));
  }

  private ProblemException unauthorized(String detailKey, String challenge) {
    Locale locale = locale();
    ProblemException p =
        Problems.problem(
            locale, 401, Problems.UNAUTHORIZED, "api.unauthorized.title", detailKey, List.of());
    return new ProblemException(p.problem(), Map.of("WWW-Authenticate", challenge));
  }

  /**
   * The institution's course with this context id; {@code platform} (issuer) picks among several.
   */
  private Course course(long institutionId, String contextId, String platform) {
    List<Course> courses =
        db.read(
            em -> {
              var query =
                  em.createQuery(
                          "select c from Course c where c.contextId = :ctx"
                              + " and c.platform.institution.id = :i"
                              + (platform == null ? "" : " and c.platform.issuer = :iss")
                              + " order by c.id",
                          Course.class)
                      .setParameter("ctx", contextId)
                      .setParameter("i", institutionId);
              if (platform != null) {
                query.setParameter("iss", platform);
              }
              return query.getResultList();
            });
    if (courses.isEmpty()) {
      throw Problems.problem(
          locale(),
          404,
          Problems.NOT_FOUND,
          "api.courseNotFound.title",
          "api.courseNotFound.detail",
          List.of(),
          contextId);
    }
    if (courses.size() > 1) {
      throw Problems.problem(
          locale(),
          400,
          Problems.AMBIGUOUS_COURSE,
          "api.ambiguousCourse.title",
          "api.ambiguousCourse.detail",
          List.of(),
          contextId,
          courses.stream().map(c -> c.platform().issuer()).collect(Collectors.joining(", ")));
    }
    return courses.get(0);
  }

  private Optional<Lesson> lesson(Course course, String externalId) {
    return db.read(
        em ->
            em
                .createQuery(
                    "select l from Lesson l where l.course.id = :c and l.source = :s"
                        + " and l.externalId = :e",
                    Lesson.class)
                .setParameter("c", course.id())
                .setParameter("s", Lesson.Source.API.name())
                .setParameter("e", externalId)
                .getResultList()
                .stream()
                .findFirst());
  }

  private ProblemException lessonNotFound(String externalId) {
    return Problems.problem(
        locale(),
        404,
        Problems.NOT_FOUND,
        "api.lessonNotFound.title",
        "api.lessonNotFound.detail",
        List.of(),
        externalId);
  }

  private LessonView view(Course course, Lesson lesson) {
    List<Mark> marks =
        db.read(
            em ->
                em.createQuery(
                        "select m from Mark m where m.lesson.id = :l order by m.student.subject",
                        Mark.class)
                    .setParameter("l", lesson.id())
                    .getResultList());
    return LessonView.of(course, lesson, marks);
  }

  private JsonValue json(InputStream body) {
    byte[] bytes = new byte[0];
    // A declared length over the limit is refused unread; an undeclared one is read up to it.
    // (web.RequestBodyDrain reads the rest after the 413, so the client gets to read it.)
    if (request.getContentLengthLong() <= MAX_BODY_BYTES) {
      try {
        bytes = body.readNBytes(MAX_BODY_BYTES + 1);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (request.getContentLengthLong() > MAX_BODY_BYTES || bytes.length > MAX_BODY_BYTES) {
      throw Problems.problem(
          locale(),
          413,
          Problems.TOO_LARGE,
          "api.tooLarge.title",
          "api.tooLarge.detail",
          List.of(),
          MAX_BODY_BYTES);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (JsonFields.depth(text) > MAX_DEPTH) {
      throw Problems.problem(
          locale(),
          400,
          Problems.INVALID_JSON,
          "api.tooDeep.title",
          "api.tooDeep.detail",
          List.of(),
          MAX_DEPTH);
    }
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readValue();
    } catch (JsonException e) {
      throw Problems.problem(
          locale(),
          400,
          Problems.INVALID_JSON,
          "api.invalidJson.title",
          "api.invalidJson.detail",
          List.of());
    }
  }

  private Locale locale() {
    return ErrorPages.localeOf(request);
  }
}
