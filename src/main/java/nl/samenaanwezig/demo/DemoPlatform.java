package nl.samenaanwezig.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import nl.samenaanwezig.attendance.Lesson;
import nl.samenaanwezig.attendance.LessonRegister;
import nl.samenaanwezig.config.AppConfig;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.LtiClaims;
import nl.samenaanwezig.lti.Member;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.lti.Platform;
import nl.samenaanwezig.lti.PlatformSettings;
import nl.samenaanwezig.lti.Platforms;
import nl.samenaanwezig.lti.Role;

/**
 * A built-in LTI platform for the demo: it signs real id_tokens with its own key so a newcomer goes
 * through the real /lti/login and /lti/launch path. It exists only when explicitly switched on, on
 * embedded Derby, and answers only on localhost.
 */
public final class DemoPlatform {
  private static final Logger LOG = Logger.getLogger(DemoPlatform.class.getName());
  private static final java.time.ZoneId SCHOOL_ZONE = java.time.ZoneId.of("Europe/Amsterdam");

  private final boolean enabled;
  private final Platforms platforms;
  private final Database db;
  private final LessonRegister lessons;
  private final Clock clock;
  private final RSAKey key;
  private final Set<String> seededIssuers = ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicInteger seedingRuns =
      new java.util.concurrent.atomic.AtomicInteger();
  // A school year of marks takes seconds to write: the demo page must not wait for it.
  private final java.util.concurrent.ExecutorService seeding =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "demo-seeding");
            t.setDaemon(true);
            return t;
          });

  public DemoPlatform(
      AppConfig config, Platforms platforms, Database db, LessonRegister lessons, Clock clock) {
    this.enabled = allowed(config);
    this.lessons = lessons;
    this.platforms = platforms;
    this.db = db;
    this.clock = clock;
    this.key = enabled ? generateKey() : null;
  }

  /** Demo only when asked for and only on embedded Derby, never on a production database. */
  static boolean allowed(AppConfig config) {
    if (!config.demoRequested()) {
      return false;
    }
    if (!config.embeddedDerby()) {
      LOG.severe("demo mode refused: it runs only on the embedded Derby database");
      return false;
    }
    LOG.warning("DEMO MODE is on: a built-in demo platform answers on localhost");
    return true;
  }

  public boolean enabled() {
    return enabled;
  }

  /** The demo platform as seen from this base URL, registered and seeded on first use. */
  Platform platformFor(String base) {
    String issuer = base + "/demo";
    Optional<Platform> known = platforms.find(issuer, DemoSchool.CLIENT_ID);
    if (known.isPresent() && seededIssuers.contains(issuer)) {
      return known.get();
    }
    Platform platform =
        known.orElseGet(
            () ->
                platforms.register(
                    new PlatformSettings(
                        issuer,
                        DemoSchool.CLIENT_ID,
                        Set.of(DemoSchool.DEPLOYMENT_ID),
                        base + "/demo/auth",
                        base + "/demo/token",
                        base + "/demo/jwks.json",
                        "Demo-leeromgeving",
                        DemoSchool.INSTITUTION),
                    Optional.empty(),
                    true));
    seed(platform, base);
    seededIssuers.add(issuer);
    return platform;
  }

  JWKSet publicKeys() {
    return new JWKSet(key.toPublicJWK());
  }

  /** A signed id_token for a demo user, as a platform's OIDC auth endpoint would issue it. */
  String idToken(Platform platform, DemoSchool.User user, String nonce, String targetLinkUri) {
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(platform.issuer())
            .audience(platform.clientId())
            .subject(user.sub())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(60)))
            .claim("nonce", nonce)
            .claim("azp", platform.clientId())
            .claim("name", user.name())
            .claim("given_name", user.givenName())
            .claim("family_name", user.familyName())
            .claim("email", user.email())
            .claim("locale", "nl-NL")
            .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.RESOURCE_LINK_REQUEST)
            .claim(LtiClaims.VERSION, LtiClaims.VERSION_1_3_0)
            .claim(LtiClaims.DEPLOYMENT_ID, DemoSchool.DEPLOYMENT_ID)
            .claim(LtiClaims.TARGET_LINK_URI, targetLinkUri)
            .claim(
                LtiClaims.RESOURCE_LINK,
                Map.of("id", DemoSchool.RESOURCE_LINK_ID, "title", "Samen Aanwezig"))
            .claim(LtiClaims.ROLES, rolesOf(user))
            .claim(
                LtiClaims.LAUNCH_PRESENTATION,
                Map.of("document_target", "iframe", "locale", "nl-NL"))
            .claim(
                LtiClaims.TOOL_PLATFORM,
                Map.of(
                    "guid", platform.issuer(),
                    "name", "Demo-leeromgeving",
                    "product_family_code", "demo"));
    if (!"admin".equals(user.role())) {
      claims.claim(
          LtiClaims.CONTEXT,
          Map.of(
              "id", DemoSchool.CONTEXT_ID,
              "label", DemoSchool.CONTEXT_LABEL,
              "title", DemoSchool.CONTEXT_TITLE,
              "type", List.of("http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering")));
    }
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims.build());
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("demo platform cannot sign", e);
    }
    return jwt.serialize();
  }

  private static List<String> rolesOf(DemoSchool.User user) {
    return switch (user.role()) {
      case "mentor" -> List.of(Role.Lis.INSTRUCTOR.uri());
      case "admin" -> List.of(Role.Lis.INSTITUTION_ADMIN.uri(), Role.Lis.SYSTEM_ADMIN.uri());
      default -> List.of(Role.Lis.LEARNER.uri());
    };
  }

  /**
   * The demo class as the platform's roster would show it, before anyone launched, with its buddies
   * and a campaign of talks in progress; once per database (a restart finds the class and writes
   * nothing). The school year of marks follows in the background: it touches no table the first
   * transaction writes but the class's own rows, which are committed by then.
   */
  private void seed(Platform platform, String base) {
    Long courseId =
        db.tx(
            em -> {
              Platform managed = em.find(Platform.class, platform.id());
              Course course =
                  em
                      .createQuery(
                          "select c from Course c where c.platform = :p and c.contextId = :c",
                          Course.class)
                      .setParameter("p", managed)
                      .setParameter("c", DemoSchool.CONTEXT_ID)
                      .getResultList()
                      .stream()
                      .findFirst()
                      .orElse(null);
              if (course != null) {
                return null;
              }
              course = new Course(managed, DemoSchool.CONTEXT_ID);
              course.learn(DemoSchool.CONTEXT_TITLE, DemoSchool.CONTEXT_LABEL);
              em.persist(course);
              Instant now = clock.instant();
              Map<String, Person> people = new java.util.HashMap<>();
              for (DemoSchool.User user : concat(List.of(DemoSchool.MENTOR), DemoSchool.STUDENTS)) {
                Person person = new Person(managed, user.sub());
                person.learn(user.name(), user.givenName(), user.familyName(), user.email());
                em.persist(person);
                people.put(user.sub(), person);
                Set<Role> roles =
                    "mentor".equals(user.role()) ? Set.of(Role.MENTOR) : Set.of(Role.STUDENT);
                em.persist(new Member(course, person, roles, Member.Source.DEMO, now));
              }
              LocalDate today = LocalDate.now(clock.withZone(SCHOOL_ZONE));
              DemoBuddies.seed(em, people, course, today, now);
              DemoMeetings.seed(em, people, course, base, today, now);
              LocalDate[] holiday =
                  DemoAttendance.autumnHoliday(
                      DemoAttendance.firstSchoolDay(LocalDate.now(clock.withZone(SCHOOL_ZONE))));
              em.createNativeQuery(
                      "INSERT INTO school_holiday (institution_id, first_day, last_day, name)"
                          + " VALUES (?, ?, ?, 'Herfstvakantie')")
                  .setParameter(1, managed.institution().id())
                  .setParameter(2, java.sql.Date.valueOf(holiday[0]))
                  .setParameter(3, java.sql.Date.valueOf(holiday[1]))
                  .executeUpdate();
              return course.id();
            });
    if (courseId != null) {
      seedingRuns.incrementAndGet();
      seeding.submit(
          () -> {
            try {
              seedAttendance(platform, courseId);
            } catch (RuntimeException e) {
              LOG.log(java.util.logging.Level.SEVERE, "demo attendance not seeded", e);
            } finally {
              seedingRuns.decrementAndGet();
            }
          });
    }
  }

  /** Stops seeding before the database closes (a write in flight would otherwise race it). */
  public void close() {
    seeding.shutdownNow();
    try {
      if (!seeding.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
        LOG.warning("demo seeding did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** True while the demo school year is still being written. */
  public boolean seeding() {
    return seedingRuns.get() > 0;
  }

  private void seedAttendance(Platform platform, long courseId) {
    Map<String, Long> students = new java.util.TreeMap<>();
    db
        .read(
            em ->
                em.createQuery("select p from Person p where p.platform.id = :pf", Person.class)
                    .setParameter("pf", platform.id())
                    .getResultList())
        .stream()
        .filter(p -> p.subject().startsWith("demo-student-"))
        .forEach(p -> students.put(p.subject(), p.id()));
    List<LessonRegister.LessonMarks> year =
        DemoAttendance.year(LocalDate.now(clock.withZone(SCHOOL_ZONE)), students);
    // Short transactions (a few days each): pages read the class while this runs, and one long
    // transaction would hold its locks on the marks and day figures until the very end.
    for (int from = 0; from < year.size() && !Thread.currentThread().isInterrupted(); from += 20) {
      lessons.saveAll(
          courseId, year.subList(from, Math.min(year.size(), from + 20)), null, Lesson.Source.DEMO);
    }
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  private static RSAKey generateKey() {
    try {
      return new RSAKeyGenerator(2048)
          .keyID("demo-" + UUID.randomUUID())
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate the demo key", e);
    }
  }
}
