package nl.samenaanwezig.lti.nrps;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Launches;
import nl.samenaanwezig.lti.Member;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.lti.Platform;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.services.ServiceUnavailableException;

/**
 * Keeps each course's members in step with the platform roster, so a mentor sees every student
 * before any of them opened the tool. Syncs run in the background (after a mentor's launch when the
 * roster is older than the configured age, on the mentor's "vernieuwen", and as timed retries after
 * a failure); a failed sync keeps the last good roster and backs off.
 */
public final class RosterSync implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(RosterSync.class.getName());

  /** Failures in a row retried on a timer; after that only launches and the button retry. */
  static final int MAX_TIMED_RETRIES = 6;

  private static final int LOOKUP_CHUNK = 500;

  private final Database db;
  private final NrpsClient nrps;
  private final Clock clock;
  private final Duration maxAge;
  private final MeterRegistry metrics;
  private final ScheduledThreadPoolExecutor executor;
  private final ConcurrentMap<Long, CompletableFuture<Outcome>> running = new ConcurrentHashMap<>();

  public RosterSync(
      Database db, NrpsClient nrps, Clock clock, Duration maxAge, MeterRegistry metrics) {
    this.db = db;
    this.nrps = nrps;
    this.clock = clock;
    this.maxAge = maxAge;
    this.metrics = metrics;
    for (Outcome.Kind kind : Outcome.Kind.values()) {
      syncs(kind);
    }
    this.executor =
        new ScheduledThreadPoolExecutor(
            2,
            r -> {
              Thread t = new Thread(r, "samen-roster");
              t.setDaemon(true);
              return t;
            });
    executor.setKeepAliveTime(30, TimeUnit.SECONDS);
    executor.allowCoreThreadTimeOut(true);
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /** What one sync did. */
  public record Outcome(Kind kind, boolean full, int active, int pages, String error) {
    /** Synced, failed (roster kept), or nothing to do (the course has no roster service). */
    public enum Kind {
      SYNCED,
      FAILED,
      NOT_OFFERED
    }

    public boolean ok() {
      return kind == Kind.SYNCED;
    }
  }

  /** The roster state of a course, for its page. */
  public record Status(
      boolean offered, Optional<Instant> updatedAt, boolean failing, boolean running) {}

  /** Launch listener: a mentor's launch refreshes a stale roster without waiting for it. */
  public void launched(Launches.Result result) {
    if (result.courseId().isPresent()
        && Role.fromLti(result.launch().ltiRoles()).contains(Role.MENTOR)) {
      startIfDue(result.courseId().get());
    }
  }

  /** Starts a sync when the roster is stale and no backoff is pending. */
  public Optional<CompletableFuture<Outcome>> startIfDue(long courseId) {
    Instant now = clock.instant();
    boolean due =
        db.read(
            em -> {
              Course course = em.find(Course.class, courseId);
              if (course == null || course.membershipsUrl().isEmpty()) {
                return false;
              }
              RosterState state = em.find(RosterState.class, courseId);
              return state == null || state.due(now, maxAge);
            });
    return due ? Optional.of(start(courseId)) : Optional.empty();
  }

  /** The mentor asked for a fresh roster: sync now, backoff or not (joins a running sync). */
  public CompletableFuture<Outcome> refresh(long courseId) {
    return start(courseId);
  }

  /** Waits up to {@code wait} for a sync of the course that is already running. */
  public void awaitRunning(long courseId, Duration wait) {
    CompletableFuture<Outcome> pending = running.get(courseId);
    if (pending == null) {
      return;
    }
    try {
      pending.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // The page shows the sync as running or failed; nothing to report here.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public Status status(long courseId) {
    boolean busy = running.containsKey(courseId);
    return db.read(
        em -> {
          Course course = em.find(Course.class, courseId);
          RosterState state = em.find(RosterState.class, courseId);
          return new Status(
              course != null && course.membershipsUrl().isPresent(),
              state == null ? Optional.empty() : state.lastSuccessAt(),
              state != null && state.failing(),
              busy);
        });
  }

  /**
   * One sync of a course, in the calling thread; never throws for platform faults. Counted in the
   * metrics by outcome ({@code samen_roster_syncs_total}).
   */
  public Outcome sync(long courseId) {
    Outcome outcome = attempt(courseId);
    syncs(outcome.kind()).increment();
    return outcome;
  }

  private Counter syncs(Outcome.Kind kind) {
    return metrics.counter("samen.roster.syncs", "outcome", kind.name().toLowerCase(Locale.ROOT));
  }

  private Outcome attempt(long courseId) {
    Instant now = clock.instant();
    Plan plan =
        db.tx(
            em -> {
              Course course = em.find(Course.class, courseId);
              if (course == null || course.membershipsUrl().isEmpty()) {
                return null;
              }
              RosterState state = stateOf(em, courseId);
              return new Plan(
                  course.platform(),
                  course.contextId(),
                  course.membershipsUrl().get(),
                  state.differencesToRead(now));
            });
    if (plan == null) {
      return new Outcome(Outcome.Kind.NOT_OFFERED, false, 0, 0, null);
    }
    try {
      boolean full = plan.differences().isEmpty();
      Roster roster;
      try {
        roster = nrps.fetch(plan.platform(), plan.differences().orElse(plan.membershipsUrl()));
      } catch (ServiceUnavailableException e) {
        if (full || e.reason() != ServiceUnavailableException.Reason.REJECTED) {
          throw e;
        }
        // The platform no longer knows this differences link: read the whole roster again.
        full = true;
        roster = nrps.fetch(plan.platform(), plan.membershipsUrl());
      }
      if (roster.contextId().isPresent() && !roster.contextId().get().equals(plan.contextId())) {
        throw new ServiceUnavailableException(
            ServiceUnavailableException.Reason.MALFORMED,
            "roster of context " + roster.contextId().get() + ", not " + plan.contextId());
      }
      boolean fullRead = full;
      Roster read = roster;
      int active;
      try {
        active = db.tx(em -> store(em, courseId, read, fullRead, clock.instant()));
      } catch (PersistenceException e) {
        // Most likely a launch recorded the same person at this moment: once more, afresh.
        active = db.tx(em -> store(em, courseId, read, fullRead, clock.instant()));
      }
      return new Outcome(Outcome.Kind.SYNCED, full, active, roster.pages(), null);
    } catch (ServiceUnavailableException e) {
      return failed(courseId, e.getMessage(), e);
    } catch (PersistenceException e) {
      return failed(courseId, "STORE: " + e.getMessage(), e);
    }
  }

  private record Plan(
      Platform platform, String contextId, URI membershipsUrl, Optional<URI> differences) {}

  private CompletableFuture<Outcome> start(long courseId) {
    CompletableFuture<Outcome> fresh = new CompletableFuture<>();
    CompletableFuture<Outcome> existing = running.putIfAbsent(courseId, fresh);
    if (existing != null) {
      return existing;
    }
    try {
      executor.execute(
          () -> {
            try {
              Outcome outcome = sync(courseId);
              running.remove(courseId, fresh);
              fresh.complete(outcome);
              if (outcome.kind() == Outcome.Kind.FAILED) {
                scheduleRetry(courseId);
              }
            } catch (RuntimeException e) {
              running.remove(courseId, fresh);
              fresh.completeExceptionally(e);
              LOG.log(Level.WARNING, "roster sync of course " + courseId + " broke", e);
            }
          });
    } catch (RejectedExecutionException e) {
      running.remove(courseId, fresh);
      fresh.completeExceptionally(e);
    }
    return fresh;
  }

  private void scheduleRetry(long courseId) {
    RosterState state = db.read(em -> em.find(RosterState.class, courseId));
    if (state == null
        || state.failures() > MAX_TIMED_RETRIES
        || state.nextAttemptAt().isEmpty()
        || executor.isShutdown()) {
      return;
    }
    long delay = Duration.between(clock.instant(), state.nextAttemptAt().get()).toMillis() + 1_000;
    try {
      executor.schedule(
          () -> {
            try {
              startIfDue(courseId);
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "roster retry of course " + courseId + " broke", e);
            }
          },
          Math.max(delay, 0),
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Shutting down: the next launch retries.
    }
  }

  private Outcome failed(long courseId, String error, Exception cause) {
    Instant now = clock.instant();
    LOG.log(Level.WARNING, "roster sync of course " + courseId + " failed: " + error);
    LOG.log(Level.FINE, "roster sync failure", cause);
    db.run(em -> stateOf(em, courseId).failed(now, error));
    return new Outcome(Outcome.Kind.FAILED, false, 0, 0, error);
  }

  private static RosterState stateOf(EntityManager em, long courseId) {
    RosterState state = em.find(RosterState.class, courseId);
    if (state == null) {
      state = new RosterState(courseId);
      em.persist(state);
    }
    return state;
  }

  /**
   * Writes a read roster in one transaction: listed active members with a role we use become (or
   * stay) active members; inactive, deleted or role-less ones lose access; after a full read,
   * members the roster listed before but no longer lists lose access too.
   */
  private int store(EntityManager em, long courseId, Roster roster, boolean full, Instant now) {
    Course course = em.find(Course.class, courseId);
    course.learn(roster.contextTitle(), roster.contextLabel());
    List<String> subjects = roster.members().stream().map(RosterMember::userId).toList();
    Map<String, Member> bySubject = members(em, courseId, full ? null : subjects);
    List<String> unknown = new ArrayList<>();
    for (RosterMember entry : roster.members()) {
      if (!bySubject.containsKey(entry.userId())
          && entry.status() == RosterMember.Status.ACTIVE
          && !entry.courseRoles().isEmpty()) {
        unknown.add(entry.userId());
      }
    }
    Map<String, Person> persons = persons(em, course.platform(), unknown);
    Set<String> listed = new HashSet<>();
    int active = 0;
    for (RosterMember entry : roster.members()) {
      listed.add(entry.userId());
      Member member = bySubject.get(entry.userId());
      Set<Role> roles = entry.courseRoles();
      if (entry.status() == RosterMember.Status.ACTIVE && !roles.isEmpty()) {
        Person person = member != null ? member.person() : persons.get(entry.userId());
        if (person == null) {
          person = new Person(course.platform(), entry.userId());
          em.persist(person);
        }
        person.learn(entry.name(), entry.givenName(), entry.familyName(), entry.email());
        if (member == null) {
          member = new Member(course, person, roles, Member.Source.ROSTER, now);
          em.persist(member);
          bySubject.put(entry.userId(), member);
        } else if (!member.confirmedBy(roles, Member.Source.ROSTER)) {
          member.seen(roles, Member.Source.ROSTER, now);
        }
        active++;
      } else if (member != null) {
        member.deactivate();
      }
    }
    if (full) {
      for (Map.Entry<String, Member> known : bySubject.entrySet()) {
        Member m = known.getValue();
        if (m.active() && m.knownFromRoster() && !listed.contains(known.getKey())) {
          m.deactivate();
        }
      }
    }
    stateOf(em, courseId).succeeded(now, full, roster.differences());
    return active;
  }

  /** The course's members by subject: all of them, or only those with the given subjects. */
  private static Map<String, Member> members(
      EntityManager em, long courseId, List<String> onlySubjects) {
    Map<String, Member> bySubject = new HashMap<>();
    if (onlySubjects == null) {
      for (Member m :
          em.createQuery(
                  "select m from Member m join fetch m.person where m.course.id = :c", Member.class)
              .setParameter("c", courseId)
              .getResultList()) {
        bySubject.put(m.person().subject(), m);
      }
      return bySubject;
    }
    for (int i = 0; i < onlySubjects.size(); i += LOOKUP_CHUNK) {
      for (Member m :
          em.createQuery(
                  "select m from Member m join fetch m.person"
                      + " where m.course.id = :c and m.person.subject in :subs",
                  Member.class)
              .setParameter("c", courseId)
              .setParameter(
                  "subs", onlySubjects.subList(i, Math.min(i + LOOKUP_CHUNK, onlySubjects.size())))
              .getResultList()) {
        bySubject.put(m.person().subject(), m);
      }
    }
    return bySubject;
  }

  private static Map<String, Person> persons(
      EntityManager em, Platform platform, List<String> subjects) {
    Map<String, Person> found = new HashMap<>();
    for (int i = 0; i < subjects.size(); i += LOOKUP_CHUNK) {
      List<String> chunk = subjects.subList(i, Math.min(i + LOOKUP_CHUNK, subjects.size()));
      for (Person p :
          em.createQuery(
                  "select p from Person p where p.platform.id = :pf and p.subject in :subs",
                  Person.class)
              .setParameter("pf", platform.id())
              .setParameter("subs", chunk)
              .getResultList()) {
        found.put(p.subject(), p);
      }
    }
    return found;
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
