package nl.samenaanwezig.protocol;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of the verzuimprotocol, most urgent first, with the DOMAIN.md defaults as thresholds an
 * institution may change.
 */
public enum Rule {
  /** 16 hours unexcused in 4 consecutive school weeks: prepare the DUO report, due in 5 days. */
  DUO(
      1,
      EnumSet.of(Duty.QUALIFICATION_DUTY),
      new Parameter("hours", 16, 1, 100),
      new Parameter("weeks", 4, 1, 12),
      new Parameter("dueDays", 5, 1, 20)),
  /** Luxe verzuim (holiday without leave): report at once. */
  LUXURY(1, EnumSet.of(Duty.QUALIFICATION_DUTY)),
  /** 18-23 without startkwalificatie: 4 weeks of continuous unexcused absence go to the RMC. */
  RMC(1, EnumSet.of(Duty.RMC), new Parameter("weeks", 4, 1, 26)),
  /**
   * Under 18 (leerplichtig or kwalificatieplichtig, which is also what an unclassified student is
   * assumed to be): {@code days} school days in a row absent without a valid reason, and the mentor
   * calls home the same day. Two by default: one such day can be a sick call that never reached
   * school, the second in a row no longer is, and a family that hears of it only on the third day
   * has not been told "at once".
   */
  ABSENT_DAYS(1, EnumSet.of(Duty.QUALIFICATION_DUTY), new Parameter("days", 2, 1, 10)),
  /** MAZL: the 4th sick report in 12 weeks or 7 consecutive sick school days. */
  SICKNESS(
      1,
      EnumSet.allOf(Duty.class),
      new Parameter("reports", 4, 2, 20),
      new Parameter("weeks", 12, 1, 52),
      new Parameter("days", 7, 2, 60)),
  /** The lateness ladder 3-6-9-12 per school year. */
  LATENESS(
      4,
      EnumSet.allOf(Duty.class),
      new Parameter("step1", 3, 1, 500),
      new Parameter("step2", 6, 1, 500),
      new Parameter("step3", 9, 1, 500),
      new Parameter("step4", 12, 1, 500));

  private final int levels;
  private final Set<Duty> duties;
  private final List<Parameter> parameters;

  Rule(int levels, Set<Duty> duties, Parameter... parameters) {
    this.levels = levels;
    this.duties = duties;
    this.parameters = List.of(parameters);
  }

  /** How many steps the rule has (the lateness ladder four, the others one). */
  public int levels() {
    return levels;
  }

  public List<Parameter> parameters() {
    return parameters;
  }

  /** Whether the rule counts for a student with this legal duty. */
  public boolean appliesTo(Duty duty) {
    return duties.contains(duty);
  }

  /** The part of message keys for this rule: {@code protocol.<key>.*}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Rule> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (Rule r : values()) {
      if (r.name().equalsIgnoreCase(value.strip())) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
