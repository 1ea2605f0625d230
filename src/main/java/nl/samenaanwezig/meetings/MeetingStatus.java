package nl.samenaanwezig.meetings;

/** Where a meeting stands. */
public enum MeetingStatus {
  /** Invited; nobody chose a time yet. */
  OPEN,
  /** A time is booked. */
  PLANNED,
  /** Gevoerd. */
  HELD,
  /** Niet doorgegaan (cancelled on the day, ill, ...). */
  NOT_HELD,
  /** The student or buddy did not come. */
  NO_SHOW,
  /** Called off by the mentor. */
  CANCELLED;

  /** True for the outcomes a mentor records after the planned time. */
  public boolean isOutcome() {
    return this == HELD || this == NOT_HELD || this == NO_SHOW;
  }

  /** True while the meeting can still be booked, moved or cancelled. */
  public boolean isOpenForBooking() {
    return this == OPEN || this == PLANNED;
  }
}
