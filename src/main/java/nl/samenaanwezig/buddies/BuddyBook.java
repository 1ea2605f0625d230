package nl.samenaanwezig.buddies;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.privacy.Actor;
import nl.samenaanwezig.privacy.AuditEvent.DataKind;
import nl.samenaanwezig.privacy.AuditEvent.Operation;
import nl.samenaanwezig.privacy.AuditLog;
import nl.samenaanwezig.web.Pages;

/**
 * A student's buddies, consents and date of birth: reading them, and every change with its audit
 * line in the same transaction. Whether a contact is allowed comes from {@link ContactRule}.
 */
public final class BuddyBook {
  public static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");

  private final Database db;
  private final AuditLog audit;
  private final Clock clock;

  public BuddyBook(Database db, AuditLog audit, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
  }

  /** One buddy with the student's decisions and the rule's answer per topic on a day. */
  public record BuddyState(Buddy buddy, ConsentHistory consents, Map<Topic, Decision> decisions) {

    /** True when the school may contact this buddy about at least one topic. */
    public boolean reachable() {
      return decisions.values().stream().anyMatch(Decision::allowed);
    }

    /** True when a contact stopped because the student turned 18 and has not decided yet. */
    public boolean needsConsentAfterEighteen() {
      return decisions.values().stream().anyMatch(Decision::needsConsentAfterEighteen);
    }
  }

  /** A student's date of birth (if known) and their buddies as the rule sees them on a day. */
  public record Overview(Optional<BirthDate> birth, LocalDate day, List<BuddyState> buddies) {
    public Optional<AgeCategory> age() {
      return birth.map(b -> b.categoryOn(day));
    }

    /** The student turned 18 and must be asked about their legal representatives. */
    public boolean needsConsentAfterEighteen() {
      return buddies.stream().anyMatch(BuddyState::needsConsentAfterEighteen);
    }
  }

  /** What the class page shows per student: how many buddies, how many reachable. */
  public record Summary(int buddies, int reachable, boolean needsConsentAfterEighteen) {}

  /** Today at school (Europe/Amsterdam): the day the rule is asked about. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(SCHOOL_ZONE));
  }

  public Overview overview(long studentId, LocalDate day) {
    return db.read(em -> overview(em, studentId, day));
  }

  private Overview overview(EntityManager em, long studentId, LocalDate day) {
    Optional<BirthDate> birth =
        Optional.ofNullable(em.find(StudentProfile.class, studentId))
            .flatMap(StudentProfile::birthDate);
    List<Buddy> buddies =
        em.createQuery(
                "select b from Buddy b where b.student.id = :s and b.removedAt is null"
                    + " order by b.createdAt, b.id",
                Buddy.class)
            .setParameter("s", studentId)
            .getResultList();
    Map<Long, List<ConsentHistory.Entry>> entries = new HashMap<>();
    em.createQuery(
            "select c from Consent c where c.buddy.student.id = :s and c.buddy.removedAt is null",
            Consent.class)
        .setParameter("s", studentId)
        .getResultList()
        .forEach(
            c -> entries.computeIfAbsent(c.buddy().id(), k -> new ArrayList<>()).add(c.entry()));
    return overview(birth, buddies, entries, day);
  }

  private static Overview overview(
      Optional<BirthDate> birth,
      List<Buddy> buddies,
      Map<Long, List<ConsentHistory.Entry>> entries,
      LocalDate day) {
    List<BuddyState> states = new ArrayList<>();
    for (Buddy b : buddies) {
      states.add(state(b, new ConsentHistory(entries.getOrDefault(b.id(), List.of())), birth, day));
    }
    return new Overview(birth, day, states);
  }

  private static BuddyState state(
      Buddy buddy, ConsentHistory consents, Optional<BirthDate> birth, LocalDate day) {
    Map<Topic, Decision> decisions = new EnumMap<>(Topic.class);
    for (Topic t : Topic.values()) {
      decisions.put(t, ContactRule.decide(birth, buddy.legalRepresentative(), consents, t, day));
    }
    return new BuddyState(buddy, consents, decisions);
  }

  /**
   * The rule's answer for one of the student's buddies, inside the caller's transaction (so that
   * what is checked is what gets written); empty when the buddy is not theirs or removed.
   */
  public Optional<Decision> decide(
      EntityManager em, long studentId, long buddyId, Topic topic, LocalDate day) {
    return overview(em, studentId, day).buddies().stream()
        .filter(s -> s.buddy().id() == buddyId)
        .findFirst()
        .map(s -> s.decisions().get(topic));
  }

  /**
   * Per student of a course (active members) who has buddies, what the class page shows; the
   * reader's view is written to the audit log (one line per student, naming the course).
   */
  public Map<Long, Summary> summaries(long courseId, LocalDate day, Actor reader) {
    return db.tx(
        em -> {
          // Three queries for the whole class (buddies, consents, birth dates), not three per
          // student: the page shows this on every view.
          Map<Long, List<Buddy>> buddies = new LinkedHashMap<>();
          em.createQuery(
                  "select b from Buddy b, Member m"
                      + " where m.person = b.student and m.course.id = :c and m.active = true"
                      + " and b.removedAt is null order by b.createdAt, b.id",
                  Buddy.class)
              .setParameter("c", courseId)
              .getResultList()
              .forEach(
                  b -> buddies.computeIfAbsent(b.student().id(), k -> new ArrayList<>()).add(b));
          List<Long> ids = new ArrayList<>(buddies.keySet());
          Map<Long, List<ConsentHistory.Entry>> entries = new HashMap<>();
          em.createQuery(
                  "select c from Consent c, Member m"
                      + " where m.person = c.buddy.student and m.course.id = :c"
                      + " and m.active = true and c.buddy.removedAt is null",
                  Consent.class)
              .setParameter("c", courseId)
              .getResultList()
              .forEach(
                  c ->
                      entries
                          .computeIfAbsent(c.buddy().id(), k -> new ArrayList<>())
                          .add(c.entry()));
          Map<Long, Optional<BirthDate>> births = new HashMap<>();
          if (!ids.isEmpty()) {
            em.createQuery(
                    "select p from StudentProfile p where p.personId in :ids", StudentProfile.class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(p -> births.put(p.personId(), p.birthDate()));
          }
          Map<Long, Summary> result = new HashMap<>();
          for (long id : ids) {
            Overview o =
                overview(births.getOrDefault(id, Optional.empty()), buddies.get(id), entries, day);
            int reachable = (int) o.buddies().stream().filter(BuddyState::reachable).count();
            result.put(
                id, new Summary(o.buddies().size(), reachable, o.needsConsentAfterEighteen()));
          }
          audit.recordEach(em, reader, ids, Operation.READ, DataKind.BUDDY_SUMMARY, courseId);
          return result;
        });
  }

  /**
   * The class page's buddy column per student who has buddies: how many, and whether contact is
   * allowed today ("toestemming nodig" after an 18th birthday). Students without are left out. The
   * reader's view is audited.
   */
  public Map<Long, String> classLabels(long courseId, LocalDate day, Locale locale, Actor reader) {
    Map<Long, String> labels = new HashMap<>();
    summaries(courseId, day, reader)
        .forEach(
            (student, s) -> {
              String state =
                  s.needsConsentAfterEighteen()
                      ? "class.buddy.needsConsent"
                      : s.reachable() > 0 ? "class.buddy.reachable" : "class.buddy.noConsent";
              labels.put(student, Pages.text(locale, state, s.buddies(), s.reachable()));
            });
    return labels;
  }

  /**
   * The language of each student's first registered buddy, for the students of a course who have
   * one: the language the printed information card goes home in. Nobody is contacted by it, so no
   * consent is asked.
   */
  public Map<Long, Language> firstBuddyLanguages(long courseId) {
    return db.read(
        em -> {
          Map<Long, Language> languages = new HashMap<>();
          em.createQuery(
                  "select b from Buddy b, Member m"
                      + " where m.person = b.student and m.course.id = :c and m.active = true"
                      + " and b.removedAt is null order by b.createdAt, b.id",
                  Buddy.class)
              .setParameter("c", courseId)
              .getResultList()
              .forEach(b -> languages.putIfAbsent(b.student().id(), b.details().language()));
          return languages;
        });
  }

  /** One of the student's own buddies (not removed). */
  public Optional<Buddy> buddyOf(long studentId, long buddyId) {
    return db.read(em -> find(em, studentId, buddyId));
  }

  private static Optional<Buddy> find(EntityManager em, long studentId, long buddyId) {
    return Optional.ofNullable(em.find(Buddy.class, buddyId))
        .filter(b -> b.student().id() == studentId && !b.removed());
  }

  public Optional<StudentProfile> profile(long studentId) {
    return db.read(em -> Optional.ofNullable(em.find(StudentProfile.class, studentId)));
  }

  /** The student registers a buddy. */
  public Buddy add(Person student, BuddyDetails details) {
    return db.tx(
        em -> {
          Buddy buddy = new Buddy(em.find(Person.class, student.id()), details, clock.instant());
          em.persist(buddy);
          em.flush();
          audit.record(
              em,
              Actor.student(student.id()),
              student.id(),
              Operation.CREATE,
              DataKind.BUDDY,
              buddy.id());
          return buddy;
        });
  }

  /** The student changes one of their buddies; false when it is not theirs. */
  public boolean update(long studentId, long buddyId, BuddyDetails details) {
    return db.tx(
        em ->
            find(em, studentId, buddyId)
                .map(
                    b -> {
                      b.update(details, clock.instant());
                      audit.record(
                          em,
                          Actor.student(studentId),
                          studentId,
                          Operation.UPDATE,
                          DataKind.BUDDY,
                          buddyId);
                      return true;
                    })
                .orElse(false));
  }

  /** The student removes one of their buddies; false when it is not theirs. */
  public boolean remove(long studentId, long buddyId) {
    return db.tx(
        em ->
            find(em, studentId, buddyId)
                .map(
                    b -> {
                      b.remove(clock.instant());
                      audit.record(
                          em,
                          Actor.student(studentId),
                          studentId,
                          Operation.DELETE,
                          DataKind.BUDDY,
                          buddyId);
                      return true;
                    })
                .orElse(false));
  }

  /**
   * The student gives or withdraws consent for one topic after reading the text of {@code version};
   * false when the buddy is not theirs.
   */
  public boolean recordConsent(
      long studentId, long buddyId, Topic topic, boolean given, String version, Locale locale) {
    Instant now = clock.instant();
    LocalDate day = LocalDate.ofInstant(now, SCHOOL_ZONE);
    return db.tx(
        em ->
            find(em, studentId, buddyId)
                .map(
                    b -> {
                      Consent consent =
                          new Consent(
                              b,
                              topic,
                              given,
                              day,
                              now,
                              version,
                              locale.getLanguage(),
                              em.find(Person.class, studentId));
                      em.persist(consent);
                      em.flush();
                      audit.record(
                          em,
                          Actor.student(studentId),
                          studentId,
                          Operation.CREATE,
                          DataKind.CONSENT,
                          consent.id());
                      return true;
                    })
                .orElse(false));
  }

  /** Every consent decision about the student's buddies, also removed ones, oldest first. */
  public List<Consent> consentHistory(long studentId) {
    return db.read(
        em ->
            em.createQuery(
                    "select c from Consent c where c.buddy.student.id = :s"
                        + " order by c.decidedAt, c.id",
                    Consent.class)
                .setParameter("s", studentId)
                .getResultList());
  }

  /**
   * Records a date of birth, by the student or an administrator; false when a student tries to
   * change a date the administration entered.
   */
  public boolean enterBirthDate(
      long studentId, LocalDate date, StudentProfile.Source source, Actor actor) {
    return db.tx(
        em -> {
          StudentProfile profile = em.find(StudentProfile.class, studentId);
          boolean created = profile == null;
          if (created) {
            profile = new StudentProfile(studentId);
          }
          if (!profile.enterBirthDate(date, source, clock.instant())) {
            return false;
          }
          if (created) {
            em.persist(profile);
          }
          audit.record(
              em,
              actor,
              studentId,
              created ? Operation.CREATE : Operation.UPDATE,
              DataKind.PROFILE,
              studentId);
          return true;
        });
  }
}
