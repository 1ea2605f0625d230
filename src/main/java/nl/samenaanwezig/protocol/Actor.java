package nl.samenaanwezig.protocol;

import java.util.Locale;

/** Who acts on a protocol step. */
public enum Actor {
  /** mentor, SLB-er or coach */
  MENTOR,
  /** verzuimcoördinator: the school's attendance officer, who makes the reports */
  ATTENDANCE_OFFICER,
  /** zorgteam, with the jeugdarts (youth doctor) */
  CARE_TEAM,
  /** leerplichtambtenaar of the municipality */
  LEERPLICHT,
  /** RMC (regional register and guidance for early school leavers) */
  RMC;

  public String messageKey() {
    return "protocol.actor." + name().toLowerCase(Locale.ROOT);
  }
}
