package nl.samenaanwezig.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Locale;
import nl.samenaanwezig.web.Pages;

/**
 * Writes API answers as JSON and maps {@link ProblemException} to {@code application/problem+json}
 * (more specific than the HTML error pages' mapper, so it wins for the API). Problem texts come
 * from the message bundle: Dutch, or English when the client asks for it.
 */
public final class Problems implements ExceptionMapper<ProblemException> {
  private static final Jsonb JSON = JsonbBuilder.create();

  /** Relative type URIs of our own problems, documented in docs/api.md. */
  static final String UNAUTHORIZED = "/api/problems/unauthorized";

  static final String VALIDATION = "/api/problems/validation";
  static final String INVALID_JSON = "/api/problems/invalid-json";
  static final String NOT_FOUND = "/api/problems/not-found";
  static final String AMBIGUOUS_COURSE = "/api/problems/ambiguous-course";
  static final String LESSON_MOVED = "/api/problems/lesson-moved";
  static final String TOO_LARGE = "/api/problems/too-large";

  @Override
  public Response toResponse(ProblemException e) {
    Response.ResponseBuilder response = respond(e.problem());
    e.headers().forEach(response::header);
    return response.build();
  }

  static Response.ResponseBuilder respond(Problem problem) {
    return Response.status(problem.status())
        .type(Problem.MEDIA_TYPE + ";charset=UTF-8")
        .entity(JSON.toJson(problem));
  }

  /** A JSON answer with a body. */
  static Response.ResponseBuilder json(int status, Object body) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .entity(JSON.toJson(body));
  }

  /** A problem whose title and detail are bundle keys ({@code key.title}, {@code detailKey}). */
  static ProblemException problem(
      Locale locale,
      int status,
      String type,
      String titleKey,
      String detailKey,
      List<Problem.FieldError> errors,
      Object... args) {
    return new ProblemException(
        new Problem(
            type,
            Pages.text(locale, titleKey),
            status,
            Pages.text(locale, detailKey, args),
            errors));
  }
}
