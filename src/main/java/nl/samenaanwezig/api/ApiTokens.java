package nl.samenaanwezig.api;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Institution;
import nl.samenaanwezig.lti.Tokens;

/** Makes, lists, revokes and checks API tokens; an institution only ever sees its own. */
public final class ApiTokens {
  /** Prefix of every token, so secret scanners and people recognise one. */
  static final String PREFIX = "sa_";

  // last_used_at is a hint for administrators, not an audit log: one write per minute is enough.
  private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

  private final Database db;
  private final Clock clock;

  public ApiTokens(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** A new token and its secret, which exists only in this answer. */
  public record Created(ApiToken token, String secret) {}

  public Created create(long institutionId, String name) {
    String secret = PREFIX + Tokens.random();
    ApiToken token =
        db.tx(
            em -> {
              ApiToken t =
                  new ApiToken(
                      em.find(Institution.class, institutionId),
                      name,
                      Tokens.hash(secret),
                      clock.instant());
              em.persist(t);
              return t;
            });
    return new Created(token, secret);
  }

  /** The institution's tokens, newest first (revoked ones too). */
  public List<ApiToken> of(long institutionId) {
    return db.read(
        em ->
            em.createQuery(
                    "select t from ApiToken t where t.institution.id = :i"
                        + " order by t.createdAt desc, t.id desc",
                    ApiToken.class)
                .setParameter("i", institutionId)
                .getResultList());
  }

  /** The institution's tokens as the settings page shows them. */
  public List<ApiTokenRow> rows(long institutionId, Locale locale) {
    return of(institutionId).stream().map(t -> ApiTokenRow.of(t, locale)).toList();
  }

  /** Revokes one of the institution's tokens; false when it has no such token. */
  public boolean revoke(long institutionId, long tokenId) {
    return db.tx(
        em -> {
          ApiToken t = em.find(ApiToken.class, tokenId);
          if (t == null || !t.institution().id().equals(institutionId)) {
            return false;
          }
          t.revoke(clock.instant());
          return true;
        });
  }

  /** The institution a presented token belongs to, if the token exists and is not revoked. */
  public Optional<Long> institutionFor(String secret) {
    if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
      return Optional.empty();
    }
    String hash = Tokens.hash(secret);
    Instant now = clock.instant();
    return db.tx(
        em -> {
          Optional<ApiToken> found =
              em
                  .createQuery(
                      "select t from ApiToken t where t.tokenHash = :h and t.revokedAt is null",
                      ApiToken.class)
                  .setParameter("h", hash)
                  .getResultList()
                  .stream()
                  .findFirst();
          found.ifPresent(
              t ->
                  em.createNativeQuery(
                          "UPDATE api_token SET last_used_at = ? WHERE id = ?"
                              + " AND (last_used_at IS NULL OR last_used_at < ?)")
                      .setParameter(1, Timestamp.from(now))
                      .setParameter(2, t.id())
                      .setParameter(3, Timestamp.from(now.minus(USE_RESOLUTION)))
                      .executeUpdate());
          return found.map(t -> t.institution().id());
        });
  }
}
