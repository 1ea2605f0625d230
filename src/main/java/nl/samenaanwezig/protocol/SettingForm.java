package nl.samenaanwezig.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.samenaanwezig.web.Pages;

/**
 * One rule on the administrator's settings form: its name, whether it is on, and a field per
 * threshold (as typed, so a refused value comes back for correction).
 */
public record SettingForm(
    Rule rule, String name, String description, boolean enabled, List<Field> fields) {

  /** One threshold input. */
  public record Field(String name, String label, String value, int min, int max) {}

  static SettingForm of(RuleSetting setting, Locale locale) {
    List<String> values = setting.values().stream().map(String::valueOf).toList();
    return of(setting.rule(), setting.enabled(), values, setting, locale);
  }

  /** The form as submitted: the typed values, described with the stored setting's thresholds. */
  static SettingForm of(
      Rule rule, boolean enabled, List<String> typed, RuleSetting stored, Locale locale) {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < rule.parameters().size(); i++) {
      Parameter p = rule.parameters().get(i);
      fields.add(
          new Field(p.name(), Pages.text(locale, stored.label(p)), typed.get(i), p.min(), p.max()));
    }
    return new SettingForm(
        rule,
        Pages.text(locale, "protocol." + rule.key() + ".name"),
        Pages.text(locale, "protocol." + rule.key() + ".about"),
        enabled,
        fields);
  }

  /** The whole protocol as forms, in rule order. */
  public static List<SettingForm> all(Protocol protocol, Locale locale) {
    return protocol.ordered().stream().map(s -> of(s, locale)).toList();
  }
}
