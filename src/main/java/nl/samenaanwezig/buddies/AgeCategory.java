package nl.samenaanwezig.buddies;

/** The age bands the consent rules distinguish (DOMAIN.md, "Age and consent"). */
public enum AgeCategory {
  /** Younger than 16: parents and guardians have full rights. */
  UNDER_16,
  /** 16 or 17: the student decides, but parents and guardians are informed by law. */
  AGE_16_17,
  /** 18 or older: no contact with anyone without the student's consent. */
  ADULT;

  /** The band of someone of this age in whole years. */
  public static AgeCategory ofAge(int years) {
    if (years < 16) {
      return UNDER_16;
    }
    return years < 18 ? AGE_16_17 : ADULT;
  }
}
