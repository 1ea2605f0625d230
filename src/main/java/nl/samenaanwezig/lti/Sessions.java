package nl.samenaanwezig.lti;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import nl.samenaanwezig.db.Database;

/**
 * Opens sessions after launches and finds them again from the cookie. Inside an LMS iframe on
 * another site the cookie needs {@code SameSite=None; Secure; Partitioned}; when a browser still
 * drops it, a one-time handoff token lets the user continue in a new window.
 */
public final class Sessions {
  public static final String COOKIE = "sa_session";
  static final Duration HANDOFF_LIFETIME = Duration.ofMinutes(2);

  /** How stale a session's last_seen may get before a request writes it again. */
  static final Duration SEEN_PRECISION = Duration.ofMinutes(1);

  private final Database db;
  private final Clock clock;
  private final Duration lifetime;
  private final Duration idle;

  public Sessions(Database db, Clock clock, Duration lifetime, Duration idle) {
    this.db = db;
    this.clock = clock;
    this.lifetime = lifetime;
    this.idle = idle;
  }

  /** The tokens handed to the browser for a fresh session. */
  public record Opened(String token, String handoff) {}

  /** Creates a session inside the launch's transaction. */
  Opened open(
      jakarta.persistence.EntityManager em,
      Person person,
      Course course,
      Set<Role> roles,
      Launch launch) {
    Instant now = clock.instant();
    String token = Tokens.random();
    String handoff = Tokens.random();
    Session session =
        new Session(
            Tokens.hash(token),
            person,
            course,
            roles,
            launch,
            Tokens.random(),
            now,
            now.plus(lifetime));
    session.offerHandoff(Tokens.hash(handoff), now.plus(HANDOFF_LIFETIME));
    em.persist(session);
    return new Opened(token, handoff);
  }

  /** The live session whose cookie the request carries. */
  public Optional<Session> find(HttpServletRequest request) {
    return cookieValue(request).flatMap(this::byToken);
  }

  /** The live session of the request, or {@link SessionRequiredException}. */
  public Session require(HttpServletRequest request) {
    return find(request).orElseThrow(SessionRequiredException::new);
  }

  Optional<Session> byToken(String token) {
    Instant now = clock.instant();
    Optional<Session> live =
        db.read(
            em ->
                Optional.ofNullable(em.find(Session.class, Tokens.hash(token)))
                    .filter(s -> !s.expiredAt(now) && !s.idleAt(now, idle)));
    live.filter(s -> s.lastSeen().isBefore(now.minus(SEEN_PRECISION)))
        .ifPresent(s -> touch(s, now));
    return live;
  }

  /**
   * Moves a session's last use on. Only when it is older than {@link #SEEN_PRECISION}, so a page
   * and its requests cost no write; the condition lets one of several requests at once write it.
   */
  private void touch(Session session, Instant now) {
    db.run(
        em ->
            em.createNativeQuery(
                    "UPDATE user_session SET last_seen = ?"
                        + " WHERE token_hash = ? AND (last_seen IS NULL OR last_seen < ?)")
                .setParameter(1, java.sql.Timestamp.from(now))
                .setParameter(2, session.tokenHash())
                .setParameter(3, java.sql.Timestamp.from(now.minus(SEEN_PRECISION)))
                .executeUpdate());
  }

  /** Ends the session whose cookie the request carries (logout); false when there was none. */
  public boolean end(HttpServletRequest request) {
    return cookieValue(request)
        .map(
            token ->
                db.tx(
                        em ->
                            em.createQuery("delete from Session s where s.tokenHash = :t")
                                .setParameter("t", Tokens.hash(token))
                                .executeUpdate())
                    > 0)
        .orElse(false);
  }

  /**
   * Trades a handoff token (from a launch whose cookie did not come back) for a new session of the
   * same launch, once; the old session row is replaced so the token cannot be used twice.
   */
  public Optional<String> redeemHandoff(String handoff) {
    if (handoff == null || handoff.isBlank()) {
      return Optional.empty();
    }
    String token = Tokens.random();
    // One UPDATE both checks and spends the handoff, so two windows cannot both redeem it.
    int updated =
        db.tx(
            em ->
                em.createNativeQuery(
                        "UPDATE user_session SET token_hash = ?, handoff_hash = NULL,"
                            + " handoff_expires_at = NULL"
                            + " WHERE handoff_hash = ? AND handoff_expires_at > ?")
                    .setParameter(1, Tokens.hash(token))
                    .setParameter(2, Tokens.hash(handoff))
                    .setParameter(3, java.sql.Timestamp.from(clock.instant()))
                    .executeUpdate());
    return updated == 1 ? Optional.of(token) : Optional.empty();
  }

  /** Ends the handoff offer once the cookie proved to work. */
  public void confirmCookie(Session session) {
    if (session.hasHandoff()) {
      db.run(
          em ->
              em.createNativeQuery(
                      "UPDATE user_session SET handoff_hash = NULL, handoff_expires_at = NULL"
                          + " WHERE token_hash = ?")
                  .setParameter(1, session.tokenHash())
                  .executeUpdate());
    }
  }

  /**
   * Spends a deep linking session's one response: a deep linking request is answered once, so a
   * replayed form cannot add a second set of activities. One conditional UPDATE checks and marks
   * it, so of two posts at once only one gets {@code true}.
   */
  public boolean answerDeepLinking(Session session) {
    if (!session.isDeepLinking()) {
      return false;
    }
    int updated =
        db.tx(
            em ->
                em.createNativeQuery(
                        "UPDATE user_session SET deep_link_answered_at = ?"
                            + " WHERE token_hash = ? AND deep_link_answered_at IS NULL")
                    .setParameter(1, java.sql.Timestamp.from(clock.instant()))
                    .setParameter(2, session.tokenHash())
                    .executeUpdate());
    return updated == 1;
  }

  /** Persists a changed session (e.g. the chosen language). */
  public void save(Session session) {
    db.run(em -> em.merge(session));
  }

  /** Removes expired and idle sessions and expired login states; called on a schedule. */
  public int purgeExpired() {
    Instant now = clock.instant();
    return db.tx(
        em ->
            em.createNativeQuery(
                        "DELETE FROM user_session WHERE expires_at < ?"
                            + " OR COALESCE(last_seen, created_at) < ?")
                    .setParameter(1, java.sql.Timestamp.from(now))
                    .setParameter(2, java.sql.Timestamp.from(now.minus(idle)))
                    .executeUpdate()
                + em.createQuery("delete from LoginState s where s.expiresAt < :now")
                    .setParameter("now", now)
                    .executeUpdate());
  }

  /**
   * The Set-Cookie header value. Partitioned (CHIPS) cookies keep working in an LMS iframe where
   * third-party cookies are blocked; Secure is required for both and is honoured by browsers on
   * HTTPS and on localhost.
   */
  public static String cookieHeader(String token, HttpServletRequest request, Duration maxAge) {
    return cookie(COOKIE, token, request, maxAge);
  }

  /** A Set-Cookie header that removes the session cookie (same attributes, or it stays). */
  public static String clearedCookieHeader(HttpServletRequest request) {
    return cookie(COOKIE, "", request, Duration.ZERO);
  }

  /** A cookie of the tool with the attributes an LMS iframe needs (see {@link #cookieHeader}). */
  static String cookie(String name, String value, HttpServletRequest request, Duration maxAge) {
    StringBuilder cookie =
        new StringBuilder(name + "=" + value + "; Path=/; HttpOnly; Max-Age=" + maxAge.toSeconds());
    if (secureContext(request)) {
      cookie.append("; Secure; SameSite=None; Partitioned");
    } else {
      cookie.append("; SameSite=Lax");
    }
    return cookie.toString();
  }

  public Duration lifetime() {
    return lifetime;
  }

  /** True where browsers accept Secure cookies: HTTPS, or a loopback host during development. */
  static boolean secureContext(HttpServletRequest request) {
    if (request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))) {
      return true;
    }
    String host = request.getServerName();
    return "localhost".equals(host)
        || "127.0.0.1".equals(host)
        || "[::1]".equals(host)
        || "::1".equals(host);
  }

  private static Optional<String> cookieValue(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie c : cookies) {
      if (COOKIE.equals(c.getName()) && c.getValue() != null && !c.getValue().isBlank()) {
        return Optional.of(c.getValue());
      }
    }
    return Optional.empty();
  }
}
