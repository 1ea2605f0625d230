package nl.samenaanwezig.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An institution's choice for one rule: on or off, and its thresholds in the order of {@link
 * Rule#parameters()}. {@link #problems()} names every value an administrator must correct.
 */
public record RuleSetting(Rule rule, boolean enabled, List<Integer> values) {

  /**
   * A fault in a setting: a message key, the message key of the threshold it is about (or null),
   * and further arguments after that threshold's label.
   */
  public record Problem(String key, String labelKey, List<Object> args) {}

  public RuleSetting {
    Objects.requireNonNull(rule, "a setting belongs to a rule");
    values = List.copyOf(values);
    if (values.size() != rule.parameters().size()) {
      throw new IllegalArgumentException("a setting of " + rule + " has one value per parameter");
    }
  }

  /** The rule as DOMAIN.md describes it, switched on. */
  public static RuleSetting defaults(Rule rule) {
    return new RuleSetting(
        rule, true, rule.parameters().stream().map(Parameter::defaultValue).toList());
  }

  /** The threshold with this parameter name. */
  public int value(String name) {
    for (int i = 0; i < rule.parameters().size(); i++) {
      if (rule.parameters().get(i).name().equals(name)) {
        return values.get(i);
      }
    }
    throw new IllegalArgumentException(rule + " has no parameter " + name);
  }

  public List<Problem> problems() {
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      Parameter p = rule.parameters().get(i);
      if (!p.allows(values.get(i))) {
        problems.add(new Problem("protocol.problem.range", label(p), List.of(p.min(), p.max())));
      }
    }
    // A ladder only climbs: each step needs more than the one before.
    if (rule == Rule.LATENESS) {
      for (int i = 1; i < values.size(); i++) {
        if (values.get(i) <= values.get(i - 1)) {
          problems.add(new Problem("protocol.problem.ladder", null, List.of()));
          break;
        }
      }
    }
    return problems;
  }

  /** The lateness step reached with this many late arrivals: 0 below the first step. */
  public int ladderLevel(long count) {
    int level = 0;
    for (int i = 0; i < values.size(); i++) {
      if (count >= values.get(i)) {
        level = i + 1;
      }
    }
    return level;
  }

  /** The message key of a parameter's label. */
  public String label(Parameter p) {
    return "protocol.param." + rule.key() + "." + p.name();
  }
}
