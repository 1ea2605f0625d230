package nl.samenaanwezig.api;

import java.util.Map;

/** Ends an API request with a problem detail (and, for 401, a WWW-Authenticate challenge). */
public final class ProblemException extends RuntimeException {
  private final transient Problem problem;
  private final transient Map<String, String> headers;

  ProblemException(Problem problem) {
    this(problem, Map.of());
  }

  ProblemException(Problem problem, Map<String, String> headers) {
    super(problem.title() + ": " + problem.detail(), null, false, false);
    this.problem = problem;
    this.headers = Map.copyOf(headers);
  }

  public Problem problem() {
    return problem;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
