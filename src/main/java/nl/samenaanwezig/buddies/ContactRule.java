package nl.samenaanwezig.buddies;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The one rule that answers "may the school contact this buddy about this topic on this day, and
 * why (not)?" for every age (DOMAIN.md, "Age and consent"). Every screen, the contact log and the
 * class page ask this; nothing else decides.
 *
 * <ul>
 *   <li>Under 16: a legal representative (ouder met gezag, voogd) may be contacted about every
 *       topic; anyone else only with the student's consent.
 *   <li>16 and 17: a legal representative may be told about attendance and study progress (the
 *       school's legal duty to inform); invitations to talks need the student's consent, because
 *       the duty is to inform, not to involve, and from 16 the student is the partner in the talk.
 *       Anyone else only with consent.
 *   <li>18 and older: nobody without consent. The rule is computed per day, so on the 18th birthday
 *       every contact that relied on the under-18 rule stops by itself ("toestemming nodig") until
 *       the student decides.
 *   <li>Date of birth unknown: treated like an adult (only with consent) — the safe side.
 * </ul>
 *
 * Consent the student gave earlier stays valid after a birthday; a withdrawal counts from the day
 * it was made.
 */
public final class ContactRule {
  static final String PARENT_UNDER_16 = "rule.parentUnder16";
  static final String PARENT_DUTY = "rule.parentDuty";
  static final String CONSENT = "rule.consent";
  static final String REFUSED = "rule.refused";
  static final String TURNED_EIGHTEEN = "rule.turnedEighteen";
  static final String STUDENT_DECIDES = "rule.studentDecides";
  static final String NO_CONSENT = "rule.noConsent";
  static final String AGE_UNKNOWN = "rule.ageUnknown";

  private ContactRule() {}

  /**
   * @param birth the student's date of birth, if known
   * @param legalRepresentative whether the buddy is the student's legal representative
   * @param consents the student's decisions about this buddy
   */
  public static Decision decide(
      Optional<BirthDate> birth,
      boolean legalRepresentative,
      ConsentHistory consents,
      Topic topic,
      LocalDate day) {
    Objects.requireNonNull(topic, "a contact is about a topic");
    Objects.requireNonNull(day, "a contact happens on a day");
    AgeCategory age = birth.map(b -> b.categoryOn(day)).orElse(null);
    if (legalRepresentative && age == AgeCategory.UNDER_16) {
      return Decision.allow(PARENT_UNDER_16);
    }
    if (legalRepresentative
        && age == AgeCategory.AGE_16_17
        && topic.legalDutyToInformUntilEighteen()) {
      return Decision.allow(PARENT_DUTY);
    }
    Optional<ConsentHistory.Entry> last = consents.lastOn(topic, day);
    if (last.isPresent()) {
      return last.get().given()
          ? Decision.allow(CONSENT, last.get().day())
          : Decision.deny(REFUSED, last.get().day());
    }
    if (age == null) {
      return Decision.deny(AGE_UNKNOWN);
    }
    if (legalRepresentative && age == AgeCategory.ADULT) {
      return Decision.deny(TURNED_EIGHTEEN, birth.get().eighteenthBirthday());
    }
    if (legalRepresentative) {
      return Decision.deny(STUDENT_DECIDES);
    }
    return Decision.deny(NO_CONSENT);
  }
}
