package nl.samenaanwezig.lti;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.web.BaseUrl;

/**
 * Finishes a launch: spends its login state, validates the id_token, then records who launched from
 * which course and opens a session, all or nothing.
 */
public final class Launches {
  /** The login_state.state column; the tool issues 43 characters. */
  private static final int MAX_STATE_LENGTH = 64;

  /** The largest id_token read; Moodle's are a few kilobytes. */
  public static final int MAX_ID_TOKEN_CHARS = 64 * 1024;

  /** The launch's form body: the id_token, the state and the field names. */
  public static final long MAX_BODY_BYTES = MAX_ID_TOKEN_CHARS + 1024;

  private static final Logger LOG = Logger.getLogger(Launches.class.getName());

  private final Database db;
  private final LaunchValidator validator;
  private final Sessions sessions;
  private final Clock clock;
  private final List<Consumer<Result>> listeners = new CopyOnWriteArrayList<>();

  public Launches(Database db, LaunchValidator validator, Sessions sessions, Clock clock) {
    this.db = db;
    this.validator = validator;
    this.sessions = sessions;
    this.clock = clock;
  }

  /** The validated launch and the tokens of its new session. */
  public record Result(Launch launch, Sessions.Opened session, Optional<Long> courseId) {}

  /**
   * Finishes the launch posted to the tool at {@code toolBaseUrl} (a resource link launch must be
   * for one of its URLs); {@code startedHere} says whether the posting browser may be the one that
   * started the login ({@link LoginCookie}).
   */
  public Result finish(String idToken, String stateValue, boolean startedHere, String toolBaseUrl) {
    // Both parameters are checked before the state is spent: a malformed post changes nothing.
    if (idToken == null || idToken.isBlank()) {
      throw new LaunchException(LaunchException.Reason.MISSING_ID_TOKEN, "no id_token");
    }
    if (idToken.length() > MAX_ID_TOKEN_CHARS) {
      throw new LaunchException(
          LaunchException.Reason.TOKEN_TOO_LARGE, idToken.length() + " characters");
    }
    if (stateValue == null || stateValue.isBlank()) {
      throw new LaunchException(LaunchException.Reason.MISSING_STATE, "no state");
    }
    Spent spent = consume(stateValue);
    if (!startedHere) {
      throw new LaunchException(
          LaunchException.Reason.STATE_MISMATCH, "the login was started in another browser");
    }
    LoginState state = spent.state();
    if (spent.platform() == null) {
      throw new LaunchException(LaunchException.Reason.UNKNOWN_PLATFORM, "platform removed");
    }
    Launch launch = validator.validate(idToken, state, spent.platform());
    // LTI Core 1.3 5.4.1: the platform launches the URL the link was made for. A link of another
    // tool whose launch reaches us (a shared registration, a copied activity) must not sign in.
    if (LtiClaims.RESOURCE_LINK_REQUEST.equals(launch.messageType())
        && !BaseUrl.covers(toolBaseUrl, launch.targetLinkUri())) {
      throw new LaunchException(
          LaunchException.Reason.TARGET_LINK_URI_ELSEWHERE,
          "target_link_uri " + launch.targetLinkUri() + " is not under " + toolBaseUrl);
    }
    // Students of one class launching at once race to create their course: the loser retries.
    Result result = db.txRetryingConflicts(em -> record(em, launch));
    for (Consumer<Result> listener : listeners) {
      try {
        listener.accept(result);
      } catch (RuntimeException e) {
        // Follow-up work (e.g. a roster sync) must never fail the launch itself.
        LOG.log(Level.WARNING, "launch listener failed", e);
      }
    }
    return result;
  }

  /**
   * Runs after every recorded launch; lets features outside {@code lti} (the roster) react without
   * this package knowing them.
   */
  public void whenLaunched(Consumer<Result> listener) {
    listeners.add(listener);
  }

  /** A spent login state and the platform it was made for (null when since removed). */
  private record Spent(LoginState state, Platform platform) {}

  /**
   * Deletes the state row; only the request whose DELETE removed it may continue, so a replayed
   * launch (same state) is refused even when two arrive at once. An expired state is spent too. The
   * platform is read in the same transaction, to spare the launch a second one.
   */
  private Spent consume(String stateValue) {
    if (stateValue.length() > MAX_STATE_LENGTH) {
      throw new LaunchException(LaunchException.Reason.STATE_UNKNOWN, "state longer than issued");
    }
    Spent spent =
        db.tx(
            em -> {
              LoginState found = em.find(LoginState.class, stateValue);
              if (found == null) {
                return null;
              }
              int removed =
                  em.createQuery("delete from LoginState s where s.state = :s")
                      .setParameter("s", stateValue)
                      .executeUpdate();
              return removed == 1
                  ? new Spent(found, em.find(Platform.class, found.platformId()))
                  : null;
            });
    if (spent == null) {
      throw new LaunchException(
          LaunchException.Reason.STATE_UNKNOWN, "unknown state, or used already");
    }
    if (spent.state().expiredAt(clock.instant())) {
      throw new LaunchException(LaunchException.Reason.STATE_EXPIRED, "state expired");
    }
    return spent;
  }

  private Result record(EntityManager em, Launch launch) {
    Instant now = clock.instant();
    Platform platform = em.find(Platform.class, launch.platform().id());
    Person person =
        em
            .createQuery(
                "select p from Person p where p.platform = :pf and p.subject = :sub", Person.class)
            .setParameter("pf", platform)
            .setParameter("sub", launch.subject())
            .getResultList()
            .stream()
            .findFirst()
            .orElseGet(
                () -> {
                  Person fresh = new Person(platform, launch.subject());
                  em.persist(fresh);
                  return fresh;
                });
    person.learn(launch.name(), launch.givenName(), launch.familyName(), launch.email());
    person.launched(launch.locale(), now);

    Set<Role> roles = Role.fromLti(launch.ltiRoles());
    Course course = null;
    if (launch.context().isPresent()) {
      Launch.ContextClaim claim = launch.context().get();
      course =
          em
              .createQuery(
                  "select c from Course c where c.platform = :pf and c.contextId = :cid",
                  Course.class)
              .setParameter("pf", platform)
              .setParameter("cid", claim.id())
              .getResultList()
              .stream()
              .findFirst()
              .orElse(null);
      if (course == null) {
        course = new Course(platform, claim.id());
        em.persist(course);
      }
      course.learn(claim.title(), claim.label());
      launch.membershipsUrl().ifPresent(course::offerMemberships);
      Course graded = course;
      launch.grades().ifPresent(g -> graded.offerGrades(g.lineItems(), g.scopes()));
      Set<Role> courseRoles = EnumSet.noneOf(Role.class);
      courseRoles.addAll(roles);
      courseRoles.remove(Role.ADMIN);
      if (!courseRoles.isEmpty()) {
        recordMembership(em, course, person, courseRoles, now);
      }
    }
    Sessions.Opened opened = sessions.open(em, person, course, roles, launch);
    return new Result(launch, opened, Optional.ofNullable(course).map(Course::id));
  }

  private static void recordMembership(
      EntityManager em, Course course, Person person, Set<Role> roles, Instant now) {
    Optional<Member> existing =
        em
            .createQuery(
                "select m from Member m where m.course = :c and m.person = :p", Member.class)
            .setParameter("c", course)
            .setParameter("p", person)
            .getResultList()
            .stream()
            .findFirst();
    if (existing.isPresent()) {
      existing.get().seen(roles, Member.Source.LAUNCH, now);
    } else {
      em.persist(new Member(course, person, roles, Member.Source.LAUNCH, now));
    }
  }
}
