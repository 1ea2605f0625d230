package nl.samenaanwezig.demo;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.samenaanwezig.buddies.Availability;
import nl.samenaanwezig.buddies.Buddy;
import nl.samenaanwezig.buddies.BuddyDetails;
import nl.samenaanwezig.buddies.Channel;
import nl.samenaanwezig.buddies.Consent;
import nl.samenaanwezig.buddies.ConsentTexts;
import nl.samenaanwezig.buddies.Language;
import nl.samenaanwezig.buddies.Relationship;
import nl.samenaanwezig.buddies.StudentProfile;
import nl.samenaanwezig.buddies.Topic;
import nl.samenaanwezig.contacts.Contact;
import nl.samenaanwezig.contacts.ContactForm;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Person;

/**
 * Buddies of a few demo students across every age band and consent state: under 16 with a parent,
 * 16 and 17 (parents informed by law, invitations with consent), just turned 18 ("toestemming
 * nodig"), an adult who consented, a withdrawn consent, and a student without a date of birth.
 * Dates of birth are relative to today, so the states hold whenever the demo starts.
 */
final class DemoBuddies {
  private DemoBuddies() {}

  private static final Availability EVENINGS =
      Availability.ofCodes(List.of("MONDAY-EVENING", "TUESDAY-EVENING", "THURSDAY-EVENING"));
  private static final Availability MORNINGS =
      Availability.ofCodes(List.of("MONDAY-MORNING", "WEDNESDAY-MORNING", "FRIDAY-MORNING"));

  static void seed(
      EntityManager em, Map<String, Person> people, Course course, LocalDate today, Instant now) {
    em.flush();
    Person mentor = people.get(DemoSchool.MENTOR.sub());

    Person yasmine = people.get("demo-student-01");
    born(em, yasmine, today.minusYears(15).minusDays(40), now);
    buddy(
        em,
        yasmine,
        "Khadija El Amrani",
        Relationship.PARENT,
        true,
        "06 21436587",
        Channel.SMS_WHATSAPP,
        Language.AR,
        true,
        EVENINGS,
        true,
        "Werkt in de thuiszorg, wisselende diensten. Liever een bericht dan bellen.",
        now);
    Buddy aunt =
        buddy(
            em,
            yasmine,
            "Nadia El Amrani",
            Relationship.UNCLE_AUNT,
            false,
            "06 13572468",
            Channel.CALL,
            Language.NL,
            false,
            MORNINGS,
            false,
            null,
            now);
    decide(em, yasmine, aunt, Topic.ATTENDANCE, true, today.minusDays(30), now);

    Person daan = people.get("demo-student-02");
    born(em, daan, today.minusYears(17).minusDays(100), now);
    buddy(
        em,
        daan,
        "Peter Jansen",
        Relationship.PARENT,
        true,
        "06 11223344",
        Channel.CALL,
        Language.NL,
        false,
        MORNINGS,
        false,
        null,
        now);
    Buddy anouk =
        buddy(
            em,
            daan,
            "Anouk Jansen",
            Relationship.SIBLING,
            false,
            "06 29887766",
            Channel.SMS_WHATSAPP,
            Language.NL,
            false,
            EVENINGS,
            false,
            "Mijn grote zus, zij helpt me met plannen.",
            now);
    decide(em, daan, anouk, Topic.ATTENDANCE, true, today.minusDays(50), now);
    decide(em, daan, anouk, Topic.MEETING_INVITATIONS, true, today.minusDays(50), now);
    em.persist(
        new Contact(
            daan,
            anouk,
            course,
            mentor,
            new ContactForm.Entry(
                Optional.of(anouk.id()),
                Channel.CALL,
                Contact.Kind.GOOD_NEWS,
                Topic.ATTENDANCE,
                today.minusDays(7),
                "Anouk gebeld: Daan was drie weken lang elke les op tijd. Complimenten doorgegeven.",
                null),
            now));

    Person emma = people.get("demo-student-03");
    born(em, emma, today.minusYears(18).minusDays(12), now);
    buddy(
        em,
        emma,
        "Marloes de Boer",
        Relationship.PARENT,
        true,
        "06 55443322",
        Channel.CALL,
        Language.NL,
        false,
        EVENINGS,
        false,
        null,
        now);

    Person mehmet = people.get("demo-student-04");
    born(em, mehmet, today.minusYears(19).minusDays(200), now);
    Buddy father =
        buddy(
            em,
            mehmet,
            "Hasan Yılmaz",
            Relationship.PARENT,
            true,
            "+31 6 12121212",
            Channel.VISIT,
            Language.TR,
            true,
            EVENINGS,
            false,
            null,
            now);
    for (Topic t : Topic.values()) {
      decide(em, mehmet, father, t, true, today.minusDays(60), now);
    }
    Buddy coach =
        buddy(
            em,
            mehmet,
            "Kevin Bos",
            Relationship.COACH,
            false,
            "06 34343434",
            Channel.CALL,
            Language.NL,
            false,
            EVENINGS,
            false,
            "Voetbaltrainer, ziet mij drie keer per week.",
            now);
    decide(em, mehmet, coach, Topic.ATTENDANCE, true, today.minusDays(90), now);
    decide(em, mehmet, coach, Topic.ATTENDANCE, false, today.minusDays(20), now);

    Person olha = people.get("demo-student-09");
    born(em, olha, today.minusYears(16).minusDays(3), now);
    Buddy mother =
        buddy(
            em,
            olha,
            "Iryna Kovalenko",
            Relationship.PARENT,
            true,
            "+380 67 123 4567",
            Channel.SMS_WHATSAPP,
            Language.UK,
            true,
            EVENINGS,
            false,
            null,
            now);
    decide(em, olha, mother, Topic.MEETING_INVITATIONS, true, today.minusDays(2), now);

    Person ravi = people.get("demo-student-22");
    buddy(
        em,
        ravi,
        "Sita Ramdin",
        Relationship.GRANDPARENT,
        false,
        "020 123 45 67",
        Channel.CALL,
        Language.NL,
        true,
        MORNINGS,
        false,
        null,
        now);

    Person kacper = people.get("demo-student-16");
    born(em, kacper, today.minusYears(20).minusDays(90), now);
    Buddy partner =
        buddy(
            em,
            kacper,
            "Julia Wiśniewska",
            Relationship.PARTNER,
            false,
            "06 38787878",
            Channel.EMAIL,
            Language.PL,
            false,
            Availability.none(),
            true,
            null,
            now);
    decide(em, kacper, partner, Topic.PROGRESS, true, today.minusDays(15), now);
  }

  private static void born(EntityManager em, Person student, LocalDate date, Instant now) {
    StudentProfile profile = new StudentProfile(student.id());
    profile.enterBirthDate(date, StudentProfile.Source.ADMIN, now);
    em.persist(profile);
  }

  private static Buddy buddy(
      EntityManager em,
      Person student,
      String name,
      Relationship relationship,
      boolean legal,
      String phone,
      Channel channel,
      Language language,
      boolean plain,
      Availability times,
      boolean shiftWork,
      String note,
      Instant now) {
    Buddy buddy =
        new Buddy(
            student,
            new BuddyDetails(
                name,
                relationship,
                legal,
                nl.samenaanwezig.buddies.PhoneNumbers.normalise(phone).orElseThrow(),
                channel == Channel.EMAIL
                    ? name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "")
                        + "@demo.samenaanwezig.invalid"
                    : null,
                channel,
                language,
                plain,
                times,
                shiftWork,
                note),
            now);
    em.persist(buddy);
    em.flush();
    return buddy;
  }

  private static void decide(
      EntityManager em,
      Person student,
      Buddy buddy,
      Topic topic,
      boolean given,
      LocalDate day,
      Instant now) {
    Instant at = day.atTime(12, 0).atZone(java.time.ZoneId.of("Europe/Amsterdam")).toInstant();
    em.persist(
        new Consent(
            buddy,
            topic,
            given,
            day,
            at.isAfter(now) ? now : at,
            ConsentTexts.CURRENT,
            "nl",
            student));
  }

  /** The demo students this seeds buddies for (for tests). */
  static Set<String> students() {
    return Set.of(
        "demo-student-01",
        "demo-student-02",
        "demo-student-03",
        "demo-student-04",
        "demo-student-09",
        "demo-student-16",
        "demo-student-22");
  }
}
