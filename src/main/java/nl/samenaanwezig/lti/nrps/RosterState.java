package nl.samenaanwezig.lti.nrps;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How the roster syncs of one course went: the last good one (its age is shown to the mentor), the
 * last error, and when to try again (exponential backoff: 1, 2, 4 ... minutes, capped).
 */
@Entity
@Table(name = "roster_sync")
public class RosterState {
  static final Duration FIRST_RETRY = Duration.ofMinutes(1);
  static final Duration MAX_RETRY = Duration.ofMinutes(60);

  /** A differences read is trusted this long; then a full read catches anything it missed. */
  static final Duration FULL_READ_EVERY = Duration.ofHours(24);

  private static final int MAX_ERROR_LENGTH = 500;

  @Id
  @Column(name = "course_id")
  private Long courseId;

  @Column(name = "differences_url")
  private String differencesUrl;

  @Column(name = "last_success_at")
  private Instant lastSuccessAt;

  @Column(name = "last_full_at")
  private Instant lastFullAt;

  @Column(name = "last_attempt_at")
  private Instant lastAttemptAt;

  @Column(name = "last_error")
  private String lastError;

  private int failures;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  protected RosterState() {}

  RosterState(long courseId) {
    this.courseId = courseId;
  }

  /** The differences link to read next, while the last full read is recent enough. */
  Optional<URI> differencesToRead(Instant now) {
    if (differencesUrl == null
        || lastFullAt == null
        || lastFullAt.plus(FULL_READ_EVERY).isBefore(now)) {
      return Optional.empty();
    }
    return Optional.of(URI.create(differencesUrl));
  }

  /** The roster was read and stored. */
  void succeeded(Instant now, boolean full, Optional<URI> differences) {
    lastSuccessAt = now;
    lastAttemptAt = now;
    if (full) {
      lastFullAt = now;
    }
    differencesUrl = differences.map(URI::toString).filter(u -> u.length() <= 2000).orElse(null);
    lastError = null;
    failures = 0;
    nextAttemptAt = null;
  }

  /** The read failed; the stored roster stays as it was. */
  void failed(Instant now, String error) {
    lastAttemptAt = now;
    lastError =
        error == null
            ? "unknown"
            : error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
    failures++;
    nextAttemptAt = now.plus(backoff(failures));
  }

  /** The wait after the n-th failure in a row: 1, 2, 4 ... minutes, at most an hour. */
  static Duration backoff(int failures) {
    int doublings = Math.min(Math.max(failures - 1, 0), 20);
    Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
    return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
  }

  /** True when an automatic sync should run: roster older than maxAge and not backing off. */
  boolean due(Instant now, Duration maxAge) {
    boolean stale = lastSuccessAt == null || !lastSuccessAt.plus(maxAge).isAfter(now);
    boolean waiting = nextAttemptAt != null && now.isBefore(nextAttemptAt);
    return stale && !waiting;
  }

  /** True when the last attempt failed (after any earlier success). */
  public boolean failing() {
    return lastError != null;
  }

  public Long courseId() {
    return courseId;
  }

  public Optional<Instant> lastSuccessAt() {
    return Optional.ofNullable(lastSuccessAt);
  }

  public Optional<Instant> lastAttemptAt() {
    return Optional.ofNullable(lastAttemptAt);
  }

  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  public int failures() {
    return failures;
  }

  public Optional<Instant> nextAttemptAt() {
    return Optional.ofNullable(nextAttemptAt);
  }
}
