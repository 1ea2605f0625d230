package nl.samenaanwezig.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A student on a step of the protocol today: OPEN when the step still has to be taken, HANDLED when
 * someone acknowledged it and no higher step (or new episode) has been reached since.
 *
 * @param finding the evidence; null for a handled episode whose counting restarted
 * @param handledBy the acknowledgement that handles it; null while open
 */
public record Signal(
    long courseId,
    long personId,
    ProtocolStep step,
    Status status,
    Finding finding,
    Handling handledBy) {

  /** Whether a step is still needed. */
  public enum Status {
    OPEN,
    HANDLED
  }

  public Signal {
    Objects.requireNonNull(step, "a signal belongs to a step");
    Objects.requireNonNull(status, "a signal is open or handled");
    if (status == Status.OPEN && finding == null) {
      throw new IllegalArgumentException("an open signal has evidence");
    }
    if (status == Status.HANDLED && handledBy == null) {
      throw new IllegalArgumentException("a handled signal has an acknowledgement");
    }
  }

  /**
   * What the lists show of the acknowledgement that handles a signal: who, when, the day of a DUO
   * report, the note.
   */
  public record Handling(long ackId, String by, Instant at, LocalDate reportedOn, String note) {

    static Handling of(Acknowledgement a) {
      return new Handling(
          a.id(), a.acknowledgedBy().displayName(), a.acknowledgedAt(), a.reportedOn(), a.note());
    }
  }

  public boolean open() {
    return status == Status.OPEN;
  }

  public Rule rule() {
    return step.rule();
  }
}
