package nl.samenaanwezig.lti.ags;

import java.time.Instant;
import java.util.Objects;

/**
 * A score the tool posts for one user on a line item (LTI AGS 2.0 section 3.4). {@code timestamp}
 * is when the score changed in the tool: platforms keep the newest.
 */
public record Score(
    String userId,
    Double scoreGiven,
    Double scoreMaximum,
    ActivityProgress activityProgress,
    GradingProgress gradingProgress,
    Instant timestamp,
    String comment) {

  /** The user's progress in the activity, as the spec spells it. */
  public enum ActivityProgress {
    INITIALIZED("Initialized"),
    STARTED("Started"),
    IN_PROGRESS("InProgress"),
    SUBMITTED("Submitted"),
    COMPLETED("Completed");

    private final String value;

    ActivityProgress(String value) {
      this.value = value;
    }

    public String value() {
      return value;
    }
  }

  /** How far grading is; only FullyGraded makes the platform record scoreGiven as final. */
  public enum GradingProgress {
    FULLY_GRADED("FullyGraded"),
    PENDING("Pending"),
    PENDING_MANUAL("PendingManual"),
    FAILED("Failed"),
    NOT_READY("NotReady");

    private final String value;

    GradingProgress(String value) {
      this.value = value;
    }

    public String value() {
      return value;
    }
  }

  public Score {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("a score needs the platform's user id");
    }
    Objects.requireNonNull(activityProgress, "a score needs activityProgress");
    Objects.requireNonNull(gradingProgress, "a score needs gradingProgress");
    Objects.requireNonNull(timestamp, "a score needs a timestamp");
    if (scoreGiven != null) {
      // AGS 3.4.3: scoreGiven needs scoreMaximum; both are non-negative numbers.
      if (scoreMaximum == null || !(scoreMaximum > 0) || scoreMaximum.isInfinite()) {
        throw new IllegalArgumentException("scoreGiven needs a positive scoreMaximum");
      }
      if (!(scoreGiven >= 0) || scoreGiven.isInfinite()) {
        throw new IllegalArgumentException("scoreGiven must be a number of 0 or more");
      }
    }
  }

  /** A final score for finished work: Completed and FullyGraded. */
  public static Score completed(
      String userId, double given, double maximum, Instant timestamp, String comment) {
    return new Score(
        userId,
        given,
        maximum,
        ActivityProgress.COMPLETED,
        GradingProgress.FULLY_GRADED,
        timestamp,
        comment);
  }
}
