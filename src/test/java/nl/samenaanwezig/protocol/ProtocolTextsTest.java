package nl.samenaanwezig.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.samenaanwezig.web.Pages;
import org.junit.jupiter.api.Test;

/** Every step, rule and choice of the protocol has its words in Dutch and in English. */
class ProtocolTextsTest {
  static final List<Locale> LOCALES = List.of(Locale.forLanguageTag("nl"), Locale.ENGLISH);

  private static void complete(String text) {
    assertFalse(text.isBlank());
    assertFalse(text.contains("{"), text);
  }

  @Test
  void everyStepSaysWhoWhatAndWhyInBothLanguages() {
    Protocol protocol = Protocol.defaults();
    for (Locale locale : LOCALES) {
      for (Rule rule : Rule.values()) {
        for (int level = 1; level <= rule.levels(); level++) {
          StepText text = StepText.of(ProtocolStep.of(rule, level), protocol.setting(rule), locale);
          List<String> all = new ArrayList<>(List.of(text.title(), text.trigger(), text.why()));
          all.add(text.forStudent());
          all.addAll(text.who());
          all.addAll(text.actions());
          all.forEach(ProtocolTextsTest::complete);
        }
        SettingForm form = SettingForm.of(protocol.setting(rule), locale);
        complete(form.name());
        complete(form.description());
        form.fields().forEach(f -> complete(f.label()));
      }
      for (Duty duty : Duty.values()) {
        complete(Pages.text(locale, duty.messageKey()));
      }
    }
  }

  @Test
  void theDefaultLadderReadsAsTheSchoolSaysIt() {
    Protocol protocol = Protocol.defaults();
    Locale nl = Locale.forLanguageTag("nl");
    assertEquals(
        List.of(
            "3 keer te laat: gesprek met de mentor",
            "6 keer te laat: ouders of buddy informeren",
            "9 keer te laat: gesprek of brief",
            "12 keer te laat: melding bij leerplicht"),
        protocol.stepsFor(Duty.ASSUMED).stream()
            .filter(s -> s.rule() == Rule.LATENESS)
            .map(s -> StepText.of(s, protocol.setting(Rule.LATENESS), nl).title())
            .toList());
    // An 18-23 year old without startkwalificatie: the RMC rule instead of DUO and luxe verzuim.
    assertEquals(
        java.util.Set.of(Rule.RMC, Rule.SICKNESS, Rule.LATENESS),
        protocol.stepsFor(Duty.RMC).stream()
            .map(ProtocolStep::rule)
            .collect(java.util.stream.Collectors.toSet()));
  }
}
