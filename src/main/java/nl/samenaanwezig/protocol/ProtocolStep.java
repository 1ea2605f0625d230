package nl.samenaanwezig.protocol;

import java.util.List;
import java.util.Objects;

/**
 * One step of the ladder: the rule and level it belongs to, who acts and what they do. The texts
 * (title, why, the rule in words for staff and for students) live in the message bundles under
 * {@code protocol.<rule>.<level>.*} and take the institution's thresholds as arguments.
 */
public record ProtocolStep(Rule rule, int level, List<Actor> who, List<Action> actions) {

  public ProtocolStep {
    Objects.requireNonNull(rule, "a step belongs to a rule");
    if (level < 1 || level > rule.levels()) {
      throw new IllegalArgumentException(rule + " has no step " + level);
    }
    who = List.copyOf(who);
    actions = List.copyOf(actions);
  }

  /** The step of a rule at a level (1 for rules with one step). */
  public static ProtocolStep of(Rule rule, int level) {
    return switch (rule) {
      case DUO ->
          new ProtocolStep(
              rule,
              level,
              List.of(Actor.MENTOR, Actor.ATTENDANCE_OFFICER),
              List.of(
                  Action.CALL_STUDENT,
                  Action.CONTACT_BUDDY,
                  Action.PREPARE_DUO_REPORT,
                  Action.REFER));
      case LUXURY ->
          new ProtocolStep(
              rule,
              level,
              List.of(Actor.ATTENDANCE_OFFICER, Actor.LEERPLICHT),
              List.of(Action.REPORT_LEERPLICHT, Action.CALL_STUDENT, Action.CONTACT_BUDDY));
      case RMC ->
          new ProtocolStep(
              rule,
              level,
              List.of(Actor.ATTENDANCE_OFFICER, Actor.RMC),
              List.of(Action.CALL_STUDENT, Action.CONTACT_BUDDY, Action.REPORT_RMC, Action.REFER));
      case ABSENT_DAYS ->
          new ProtocolStep(
              rule, level, List.of(Actor.MENTOR), List.of(Action.CALL_HOME, Action.CALL_STUDENT));
      case SICKNESS ->
          new ProtocolStep(
              rule,
              level,
              List.of(Actor.MENTOR, Actor.CARE_TEAM),
              List.of(Action.CALL_STUDENT, Action.CONTACT_BUDDY, Action.CONSULT_CARE_TEAM));
      case LATENESS -> lateness(level);
    };
  }

  private static ProtocolStep lateness(int level) {
    return switch (level) {
      case 1 ->
          new ProtocolStep(
              Rule.LATENESS, 1, List.of(Actor.MENTOR), List.of(Action.TALK_WITH_STUDENT));
      case 2 ->
          new ProtocolStep(
              Rule.LATENESS,
              2,
              List.of(Actor.MENTOR),
              List.of(Action.CALL_STUDENT, Action.CONTACT_BUDDY));
      case 3 ->
          new ProtocolStep(
              Rule.LATENESS,
              3,
              List.of(Actor.MENTOR, Actor.ATTENDANCE_OFFICER),
              List.of(Action.PLAN_MOL_TALK, Action.SEND_LETTER));
      default ->
          new ProtocolStep(
              Rule.LATENESS,
              level,
              List.of(Actor.ATTENDANCE_OFFICER, Actor.LEERPLICHT),
              List.of(Action.REPORT_LEERPLICHT, Action.CONTACT_BUDDY));
    };
  }

  /** Prefix of this step's message keys. */
  public String keyPrefix() {
    return "protocol." + rule.key() + "." + level;
  }

  /**
   * The thresholds a text of this step mentions: the step's own count on the lateness ladder, every
   * threshold of the rule otherwise.
   */
  public Object[] args(RuleSetting setting) {
    if (rule == Rule.LATENESS) {
      return new Object[] {setting.values().get(level - 1)};
    }
    return setting.values().toArray();
  }
}
