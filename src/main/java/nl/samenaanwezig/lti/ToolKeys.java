package nl.samenaanwezig.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import nl.samenaanwezig.db.Database;

/**
 * The tool's signing keys. The first start generates one; {@link #rotate} makes a new key active
 * while the old one stays published for {@link #RETIRING_PERIOD}, so platforms that cached our JWKS
 * keep verifying what we signed just before. There is one active key across all nodes: the table
 * allows only one (V23), and a node that loses the race to create it reads the winner's key.
 */
public final class ToolKeys {

  /** How long a replaced key stays in the published JWKS. */
  public static final Duration RETIRING_PERIOD = Duration.ofDays(2);

  /**
   * How long a node signs with the key it read before reading again: after a rotation on another
   * node, this node switches within this time (its old key stays published far longer).
   */
  static final Duration REREAD_AFTER = Duration.ofMinutes(1);

  private record Known(RSAKey key, Instant readAt) {}

  private final Database db;
  private final Duration rereadAfter;
  private final AtomicReference<Known> active = new AtomicReference<>();

  public ToolKeys(Database db) {
    this(db, REREAD_AFTER);
  }

  ToolKeys(Database db, Duration rereadAfter) {
    this.db = db;
    this.rereadAfter = rereadAfter;
  }

  /** The key that signs tool messages now; generated and stored at the first call. */
  public RSAKey signingKey() {
    Known known = active.get();
    Instant now = Instant.now();
    if (known == null || !now.isBefore(known.readAt().plus(rereadAfter))) {
      known = new Known(db.txRetryingConflicts(em -> activeKey(em).rsaKey()), now);
      active.set(known);
    }
    return known.key();
  }

  /** Public keys to publish: the active key and those still retiring. */
  public JWKSet publicKeys() {
    Instant cutoff = Instant.now().minus(RETIRING_PERIOD);
    List<RSAKey> keys =
        db.txRetryingConflicts(
            em -> {
              activeKey(em);
              return em
                  .createQuery(
                      "select k from ToolKey k where k.status <> :retired order by k.createdAt desc",
                      ToolKey.class)
                  .setParameter("retired", ToolKey.Status.RETIRED)
                  .getResultList()
                  .stream()
                  .filter(k -> k.status() == ToolKey.Status.ACTIVE || k.retiredAt().isAfter(cutoff))
                  .map(k -> k.rsaKey().toPublicJWK())
                  .toList();
            });
    return new JWKSet(List.copyOf(keys));
  }

  /** Makes a fresh key active; the previous one keeps being published while it retires. */
  public RSAKey rotate() {
    Instant now = Instant.now();
    RSAKey fresh =
        db.tx(
            em -> {
              for (ToolKey k :
                  em.createQuery(
                          "select k from ToolKey k where k.status <> :retired", ToolKey.class)
                      .setParameter("retired", ToolKey.Status.RETIRED)
                      .getResultList()) {
                if (k.status() == ToolKey.Status.ACTIVE) {
                  k.startRetiring(now);
                } else if (k.retiredAt().isBefore(now.minus(RETIRING_PERIOD))) {
                  k.retire();
                }
              }
              // The old key must give up its active slot before the new one takes it.
              em.flush();
              ToolKey key = new ToolKey(generate());
              em.persist(key);
              return key.rsaKey();
            });
    active.set(new Known(fresh, Instant.now()));
    return fresh;
  }

  /** All keys with their state, newest first, for the administrator. */
  public List<ToolKey> all() {
    return db.read(
        em ->
            em.createQuery("select k from ToolKey k order by k.createdAt desc", ToolKey.class)
                .getResultList());
  }

  private static ToolKey activeKey(jakarta.persistence.EntityManager em) {
    List<ToolKey> found =
        em.createQuery(
                "select k from ToolKey k where k.status = :active order by k.createdAt desc",
                ToolKey.class)
            .setParameter("active", ToolKey.Status.ACTIVE)
            .setMaxResults(1)
            .getResultList();
    if (!found.isEmpty()) {
      return found.get(0);
    }
    ToolKey key = new ToolKey(generate());
    em.persist(key);
    return key;
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048)
          .keyID(UUID.randomUUID().toString())
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an RSA key", e);
    }
  }
}
