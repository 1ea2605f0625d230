package nl.samenaanwezig.buddies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The buddy form: phone numbers as people type them, and one precise problem per mistake. */
class BuddyFormTest {

  static MultivaluedMap<String, String> valid() {
    MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
    form.putSingle("name", "  Samira Kok ");
    form.putSingle("relationship", "PARENT");
    form.putSingle("legalRepresentative", "on");
    form.putSingle("phone", "06-12345678");
    form.putSingle("email", "");
    form.putSingle("channel", "SMS_WHATSAPP");
    form.putSingle("language", "tr");
    form.putSingle("plainLanguage", "on");
    form.put("slot", new java.util.ArrayList<>(List.of("TUESDAY-EVENING", "MONDAY-MORNING")));
    form.putSingle("note", "Werkt in ploegendienst.");
    return form;
  }

  @Test
  void normalisesDutchAndForeignNumbersToE164() {
    assertEquals(Optional.of("+31612345678"), PhoneNumbers.normalise("06-12345678"));
    assertEquals(Optional.of("+31612345678"), PhoneNumbers.normalise("+31 6 1234 5678"));
    assertEquals(Optional.of("+31201234567"), PhoneNumbers.normalise("(020) 123 45 67"));
    assertEquals(Optional.of("+32470123456"), PhoneNumbers.normalise("+32 470 12 34 56"));
    assertEquals(Optional.empty(), PhoneNumbers.normalise("12345"));
    assertEquals(Optional.empty(), PhoneNumbers.normalise("bel me"));
    assertEquals("06 12345678", PhoneNumbers.display("+31612345678"));
    assertEquals("+32 470 12 34 56", PhoneNumbers.display("+32470123456"));
  }

  @Test
  void acceptsAValidFormAndKeepsWhatMatters() {
    BuddyDetails d = BuddyForm.parse(valid()).details().orElseThrow();
    assertEquals("Samira Kok", d.name());
    assertEquals(Relationship.PARENT, d.relationship());
    assertTrue(d.legalRepresentative());
    assertEquals("+31612345678", d.phone());
    assertEquals(null, d.email());
    assertEquals(Channel.SMS_WHATSAPP, d.channel());
    assertEquals(Language.TR, d.language());
    assertTrue(d.plainLanguage());
    assertEquals("MONDAY-MORNING,TUESDAY-EVENING", d.availability().encode());
  }

  private static List<String> problemsWith(String field, String value) {
    MultivaluedMap<String, String> form = valid();
    form.putSingle(field, value);
    return BuddyForm.parse(form).problems();
  }

  @Test
  void namesEachMistake() {
    assertEquals(List.of("buddy.problem.name"), problemsWith("name", " "));
    assertEquals(List.of("buddy.problem.nameLong"), problemsWith("name", "x".repeat(201)));
    assertEquals(List.of("buddy.problem.relationship"), problemsWith("relationship", "BOSS"));
    assertEquals(List.of("buddy.problem.phone"), problemsWith("phone", "0612"));
    assertEquals(List.of("buddy.problem.email"), problemsWith("email", "samira@"));
    assertEquals(List.of("buddy.problem.channel"), problemsWith("channel", "PIGEON"));
    assertEquals(List.of("buddy.problem.channelEmail"), problemsWith("channel", "EMAIL"));
    assertEquals(List.of("buddy.problem.language"), problemsWith("language", "de"));
    assertEquals(List.of("buddy.problem.slot"), problemsWith("slot", "SUNDAY-MORNING"));
    assertEquals(List.of("buddy.problem.note"), problemsWith("note", "x".repeat(501)));
  }
}
