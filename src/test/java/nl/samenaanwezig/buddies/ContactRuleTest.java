package nl.samenaanwezig.buddies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import nl.samenaanwezig.web.Locales;
import org.junit.jupiter.api.Test;

/**
 * Property-based tests of the one consent rule: for many seeded random students (ages, birthdays
 * incl. 29 February, unknown dates of birth), buddies, consent histories and days around birthdays,
 * the invariants of DOMAIN.md hold. A failure names its seed.
 */
class ContactRuleTest {
  static final int CASES = 5_000;
  static final Set<String> BY_LAW = Set.of(ContactRule.PARENT_UNDER_16, ContactRule.PARENT_DUTY);

  /** One random situation the rule is asked about. */
  record Case(
      long seed,
      Optional<BirthDate> birth,
      boolean legalRepresentative,
      ConsentHistory consents,
      Topic topic,
      LocalDate day) {

    Decision decide() {
      return ContactRule.decide(birth, legalRepresentative, consents, topic, day);
    }

    Decision decideOn(LocalDate other) {
      return ContactRule.decide(birth, legalRepresentative, consents, topic, other);
    }

    Decision decideWith(ConsentHistory other) {
      return ContactRule.decide(birth, legalRepresentative, other, topic, day);
    }

    Optional<AgeCategory> age() {
      return birth.map(b -> b.categoryOn(day));
    }

    @Override
    public String toString() {
      return "seed "
          + seed
          + ": born "
          + birth.map(BirthDate::value)
          + (legalRepresentative ? ", legal representative" : ", other buddy")
          + ", "
          + topic
          + " on "
          + day
          + ", consents "
          + consents.entries();
    }
  }

  static Topic randomTopic(Random r) {
    return Topic.values()[r.nextInt(Topic.values().length)];
  }

  static ConsentHistory.Entry entry(Topic topic, boolean given, LocalDate day, Random r) {
    return new ConsentHistory.Entry(
        topic,
        given,
        day,
        day.atStartOfDay().plusSeconds(r.nextInt(86_400)).toInstant(ZoneOffset.UTC),
        ConsentTexts.CURRENT);
  }

  /** Up to six decisions in the year around the day; half of them about the case's topic. */
  static ConsentHistory randomHistory(Random r, Topic topic, LocalDate day) {
    List<ConsentHistory.Entry> entries = new ArrayList<>();
    int n = r.nextInt(7);
    for (int i = 0; i < n; i++) {
      Topic t = r.nextBoolean() ? topic : randomTopic(r);
      entries.add(entry(t, r.nextBoolean(), day.plusDays(r.nextInt(500) - 400), r));
    }
    return new ConsentHistory(entries);
  }

  static Case randomCase(long seed) {
    Random r = new Random(seed);
    Optional<BirthDate> birth =
        r.nextInt(10) == 0
            ? Optional.empty()
            : Optional.of(new BirthDate(BirthDateTest.randomBirth(r)));
    LocalDate day =
        birth
            .map(b -> BirthDateTest.randomDayFor(b, r))
            .orElse(LocalDate.of(2020, 1, 1).plusDays(r.nextInt(3000)));
    Topic topic = randomTopic(r);
    return new Case(seed, birth, r.nextBoolean(), randomHistory(r, topic, day), topic, day);
  }

  static List<Case> cases() {
    List<Case> all = new ArrayList<>();
    for (long seed = 0; seed < CASES; seed++) {
      all.add(randomCase(seed));
    }
    return all;
  }

  @Test
  void anAdultsBuddyIsAllowedExactlyWhenConsentIsInForceThatDay() {
    for (Case c : cases()) {
      if (c.age().equals(Optional.of(AgeCategory.ADULT))) {
        assertEquals(c.consents().allows(c.topic(), c.day()), c.decide().allowed(), c.toString());
      }
    }
  }

  @Test
  void withAnUnknownDateOfBirthOnlyConsentAllowsContact() {
    for (Case c : cases()) {
      if (c.birth().isEmpty()) {
        assertEquals(c.consents().allows(c.topic(), c.day()), c.decide().allowed(), c.toString());
      }
    }
  }

  @Test
  void aBuddyWhoIsNoLegalRepresentativeNeedsConsentAtEveryAge() {
    for (Case c : cases()) {
      if (!c.legalRepresentative()) {
        assertEquals(c.consents().allows(c.topic(), c.day()), c.decide().allowed(), c.toString());
      }
    }
  }

  @Test
  void aLegalRepresentativeOfAStudentUnder16IsAlwaysAllowed() {
    for (Case c : cases()) {
      if (c.legalRepresentative() && c.age().equals(Optional.of(AgeCategory.UNDER_16))) {
        Decision d = c.decide();
        assertTrue(d.allowed(), c.toString());
        assertEquals(ContactRule.PARENT_UNDER_16, d.reasonKey(), c.toString());
      }
    }
  }

  @Test
  void aLegalRepresentativeOf16Or17IsInformedAboutAttendanceAndProgressWhateverTheConsents() {
    for (Case c : cases()) {
      if (c.legalRepresentative()
          && c.age().equals(Optional.of(AgeCategory.AGE_16_17))
          && c.topic() != Topic.MEETING_INVITATIONS) {
        assertTrue(c.decide().allowed(), c.toString());
        assertEquals(ContactRule.PARENT_DUTY, c.decide().reasonKey(), c.toString());
      }
    }
  }

  @Test
  void aLegalRepresentativeOf16Or17IsInvitedToTalksOnlyWithConsent() {
    for (Case c : cases()) {
      if (c.legalRepresentative()
          && c.age().equals(Optional.of(AgeCategory.AGE_16_17))
          && c.topic() == Topic.MEETING_INVITATIONS) {
        assertEquals(c.consents().allows(c.topic(), c.day()), c.decide().allowed(), c.toString());
      }
    }
  }

  @Test
  void afterAWithdrawalOnlyTheLawAllowsContactFromThatDayOn() {
    for (Case c : cases()) {
      Random r = new Random(c.seed() + 1_000_003);
      LocalDate withdrawn =
          c.consents().entries().stream()
              .map(ConsentHistory.Entry::day)
              .max(LocalDate::compareTo)
              .orElse(c.day())
              .plusDays(r.nextInt(30));
      ConsentHistory after =
          c.consents()
              .with(
                  new ConsentHistory.Entry(
                      c.topic(),
                      false,
                      withdrawn,
                      withdrawn.atTime(23, 59, 59).toInstant(ZoneOffset.UTC),
                      ConsentTexts.CURRENT));
      for (int i = 0; i < 5; i++) {
        LocalDate later = withdrawn.plusDays(r.nextInt(800));
        Decision d =
            ContactRule.decide(c.birth(), c.legalRepresentative(), after, c.topic(), later);
        if (d.allowed()) {
          assertTrue(BY_LAW.contains(d.reasonKey()), c + ", withdrawn " + withdrawn + ": " + d);
        } else {
          assertEquals(ContactRule.REFUSED, d.reasonKey(), c + " on " + later);
          assertEquals(List.of(withdrawn), d.reasonArgs(), c + " on " + later);
        }
      }
    }
  }

  @Test
  void givingConsentAllowsContactFromThatDayOnAndNeverTakesAnyAway() {
    for (Case c : cases()) {
      Random r = new Random(c.seed() + 2_000_003);
      LocalDate given =
          c.consents().entries().stream()
              .map(ConsentHistory.Entry::day)
              .max(LocalDate::compareTo)
              .orElse(c.day())
              .plusDays(r.nextInt(30));
      ConsentHistory after =
          c.consents()
              .with(
                  new ConsentHistory.Entry(
                      c.topic(),
                      true,
                      given,
                      given.atTime(23, 59, 59).toInstant(ZoneOffset.UTC),
                      ConsentTexts.CURRENT));
      for (int i = 0; i < 5; i++) {
        LocalDate day = given.plusDays(r.nextInt(800) - 200);
        Decision before = c.decideOn(day);
        Decision now =
            ContactRule.decide(c.birth(), c.legalRepresentative(), after, c.topic(), day);
        if (before.allowed()) {
          assertTrue(now.allowed(), c + " on " + day);
        }
        if (!day.isBefore(given)) {
          assertTrue(now.allowed(), c + " given " + given + ", on " + day);
        }
      }
    }
  }

  @Test
  void decisionsMadeAfterTheDayDoNotCount() {
    for (Case c : cases()) {
      ConsentHistory known =
          new ConsentHistory(
              c.consents().entries().stream().filter(e -> !e.day().isAfter(c.day())).toList());
      assertEquals(c.decide(), c.decideWith(known), c.toString());
    }
  }

  @Test
  void contactThatReliedOnTheUnder18RuleStopsOnThe18thBirthday() {
    for (long seed = 0; seed < CASES; seed++) {
      Random r = new Random(seed);
      BirthDate birth = new BirthDate(BirthDateTest.randomBirth(r));
      Topic topic = r.nextBoolean() ? Topic.ATTENDANCE : Topic.PROGRESS;
      LocalDate eighteen = birth.eighteenthBirthday();
      Decision before =
          ContactRule.decide(
              Optional.of(birth), true, ConsentHistory.none(), topic, eighteen.minusDays(1));
      Decision on =
          ContactRule.decide(Optional.of(birth), true, ConsentHistory.none(), topic, eighteen);
      String where = "seed " + seed + ": born " + birth.value() + ", " + topic;
      assertTrue(before.allowed(), where);
      assertFalse(on.allowed(), where);
      assertTrue(on.needsConsentAfterEighteen(), where);
      assertEquals(List.of(eighteen), on.reasonArgs(), where);
    }
  }

  @Test
  void consentGivenBeforeTheBirthdayStillCountsAfterIt() {
    for (long seed = 0; seed < CASES; seed++) {
      Random r = new Random(seed);
      BirthDate birth = new BirthDate(BirthDateTest.randomBirth(r));
      Topic topic = randomTopic(r);
      LocalDate eighteen = birth.eighteenthBirthday();
      LocalDate givenOn = eighteen.minusDays(1 + r.nextInt(700));
      ConsentHistory consents = new ConsentHistory(List.of(entry(topic, true, givenOn, r)));
      Decision after =
          ContactRule.decide(
              Optional.of(birth),
              r.nextBoolean(),
              consents,
              topic,
              eighteen.plusDays(r.nextInt(400)));
      assertTrue(after.allowed(), "seed " + seed);
      assertEquals(ContactRule.CONSENT, after.reasonKey(), "seed " + seed);
      assertEquals(List.of(givenOn), after.reasonArgs(), "seed " + seed);
    }
  }

  @Test
  void aLeapDayChildsParentsAreInformedUntil28FebruaryAndAskedFrom1March() {
    Optional<BirthDate> birth = Optional.of(new BirthDate(LocalDate.of(2008, 2, 29)));
    assertTrue(
        ContactRule.decide(
                birth, true, ConsentHistory.none(), Topic.ATTENDANCE, LocalDate.of(2026, 2, 28))
            .allowed());
    Decision first =
        ContactRule.decide(
            birth, true, ConsentHistory.none(), Topic.ATTENDANCE, LocalDate.of(2026, 3, 1));
    assertFalse(first.allowed());
    assertEquals(
        "Toestemming nodig: de student is op 1 maart 2026 18 geworden. Vanaf dan mag de school"
            + " ouders en verzorgers alleen nog benaderen als de student toestemming geeft.",
        first.reason(Locales.DUTCH));
  }

  @Test
  void everyReasonReadsAsPlainTextInDutchAndEnglish() {
    for (Case c : cases()) {
      for (Locale locale : List.of(Locales.DUTCH, Locales.ENGLISH)) {
        String reason = c.decide().reason(locale);
        assertFalse(reason.isBlank() || reason.contains("{") || reason.contains("??"), reason);
      }
    }
  }
}
