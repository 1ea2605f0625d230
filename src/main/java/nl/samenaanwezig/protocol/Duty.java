package nl.samenaanwezig.protocol;

import java.util.Locale;
import java.util.Optional;

/**
 * The legal attendance duty of a student, which decides whether the DUO rule or the RMC rule
 * counts. The tool does not know dates of birth yet, so {@link #ASSUMED} applies until someone
 * records otherwise; a later age category (date of birth + startkwalificatie) replaces that guess.
 */
public enum Duty {
  /** leerplichtig of kwalificatieplichtig: 16 hours in 4 school weeks go to DUO */
  QUALIFICATION_DUTY,
  /** 18 tot 23 zonder startkwalificatie: 4 weeks of absence go to the RMC */
  RMC,
  /** startkwalificatie gehaald of 23+: only the school's own rules */
  NONE;

  /** What the protocol assumes for a student nobody classified. */
  public static final Duty ASSUMED = QUALIFICATION_DUTY;

  public String messageKey() {
    return "protocol.duty." + name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Duty> parse(String value) {
    for (Duty d : values()) {
      if (d.name().equals(value)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
