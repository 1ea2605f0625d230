package nl.samenaanwezig.lti;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.samenaanwezig.db.Database;

/** Finds and registers platforms; caches the origins allowed to frame the tool. */
public final class Platforms {
  private static final Duration ORIGINS_TTL = Duration.ofSeconds(30);

  private final Database db;
  private final Clock clock;
  private volatile Set<String> origins = Set.of();
  private volatile Instant originsReadAt = Instant.EPOCH;

  public Platforms(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * The registration a login initiation is for. Moodle always sends client_id; a platform that
   * omits it is accepted only when the issuer has exactly one registration.
   */
  public Optional<Platform> find(String issuer, String clientId) {
    return db.read(em -> find(em, issuer, clientId));
  }

  static Optional<Platform> find(EntityManager em, String issuer, String clientId) {
    List<Platform> found =
        em.createQuery("select p from Platform p where p.issuer = :iss", Platform.class)
            .setParameter("iss", issuer)
            .getResultList();
    if (clientId == null || clientId.isBlank()) {
      return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }
    return found.stream().filter(p -> p.clientId().equals(clientId)).findFirst();
  }

  /** The registrations of one institution, oldest first. */
  public List<Platform> ofInstitution(Long institutionId) {
    return db.read(
        em ->
            em.createQuery(
                    "select p from Platform p where p.institution.id = :i order by p.createdAt",
                    Platform.class)
                .setParameter("i", institutionId)
                .getResultList());
  }

  public List<Platform> all() {
    return db.read(
        em ->
            em.createQuery("select p from Platform p order by p.createdAt", Platform.class)
                .getResultList());
  }

  /**
   * Registers a platform or updates the registration with the same issuer + client_id. Without an
   * institution (dynamic registration, CLI) a new registration gets a new institution named in the
   * settings; an administrator's import always lands in their own institution and may not touch
   * another institution's registration.
   */
  public Platform register(PlatformSettings settings, Optional<Long> institutionId, boolean demo) {
    if (!settings.problems().isEmpty()) {
      throw new IllegalArgumentException("invalid platform settings: " + settings.problems());
    }
    Platform saved =
        db.tx(
            em -> {
              Optional<Platform> existing = find(em, settings.issuer(), settings.clientId());
              if (existing.isPresent()) {
                if (institutionId.isPresent()
                    && !existing.get().institution().id().equals(institutionId.get())) {
                  throw new PlatformOwnedElsewhereException(settings.issuer());
                }
                existing.get().update(settings);
                return existing.get();
              }
              Institution institution =
                  institutionId
                      .map(id -> em.find(Institution.class, id))
                      .orElseGet(
                          () -> {
                            Institution fresh = new Institution(settings.institution());
                            em.persist(fresh);
                            return fresh;
                          });
              Platform platform = new Platform(institution, settings, demo);
              em.persist(platform);
              return platform;
            });
    originsReadAt = Instant.EPOCH;
    return saved;
  }

  /** Adds a deployment id to a platform of the administrator's own institution. */
  public void addDeployment(Long platformId, Long institutionId, String deploymentId) {
    db.run(
        em -> {
          Platform platform = em.find(Platform.class, platformId);
          if (platform == null || !platform.institution().id().equals(institutionId)) {
            throw new IllegalArgumentException("no such platform in this institution");
          }
          platform.addDeployment(deploymentId);
        });
  }

  /** Origins of every registered platform, for CSP frame-ancestors; re-read every 30 s. */
  public Set<String> frameOrigins() {
    Instant now = clock.instant();
    if (now.isAfter(originsReadAt.plus(ORIGINS_TTL))) {
      Set<String> fresh = new TreeSet<>();
      all().forEach(p -> fresh.addAll(p.origins()));
      origins = Set.copyOf(fresh);
      originsReadAt = now;
    }
    return origins;
  }
}
