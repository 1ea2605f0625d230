package nl.samenaanwezig.buddies;

/** What the school may discuss with a buddy; consent is given per topic. */
public enum Topic {
  /** Aanwezigheid en verzuim. */
  ATTENDANCE,
  /** Studievoortgang. */
  PROGRESS,
  /** Uitnodigingen voor gesprekken (MOL-gesprekken). */
  MEETING_INVITATIONS;

  /**
   * True for the topics the school must tell the parents or guardians of a student under 18 about
   * (the legal duty to inform about attendance and study progress, mbo since 1 August 2023).
   */
  public boolean legalDutyToInformUntilEighteen() {
    return this == ATTENDANCE || this == PROGRESS;
  }
}
