package nl.samenaanwezig.protocol;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** An institution's verzuimprotocol: a setting for every rule (defaults where it chose none). */
public record Protocol(Map<Rule, RuleSetting> settings) {

  public Protocol {
    EnumMap<Rule, RuleSetting> all = new EnumMap<>(Rule.class);
    for (Rule r : Rule.values()) {
      all.put(r, settings.getOrDefault(r, RuleSetting.defaults(r)));
    }
    settings = Map.copyOf(all);
  }

  public static Protocol defaults() {
    return new Protocol(Map.of());
  }

  public RuleSetting setting(Rule rule) {
    return settings.get(rule);
  }

  /** The settings in rule order, for the settings form. */
  public List<RuleSetting> ordered() {
    List<RuleSetting> ordered = new ArrayList<>();
    for (Rule r : Rule.values()) {
      ordered.add(settings.get(r));
    }
    return ordered;
  }

  /** Every step of the switched-on rules that count for a student with this duty, in order. */
  public List<ProtocolStep> stepsFor(Duty duty) {
    List<ProtocolStep> steps = new ArrayList<>();
    for (Rule r : Rule.values()) {
      if (settings.get(r).enabled() && r.appliesTo(duty)) {
        for (int level = 1; level <= r.levels(); level++) {
          steps.add(ProtocolStep.of(r, level));
        }
      }
    }
    return steps;
  }
}
