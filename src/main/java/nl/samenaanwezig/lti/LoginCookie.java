package nl.samenaanwezig.lti;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;

/**
 * Binds a login's state to the browser that started it (RFC 6749 10.12, OIDC Core 3.1.2.1): {@code
 * /lti/login} sets a cookie named after the state, {@code /lti/launch} looks for it. Each login has
 * a cookie of its own, so two tool frames on one page do not overwrite each other's.
 *
 * <p>Where a browser keeps no cookie for the tool (Moodle's iframe with third-party cookies blocked
 * and no support for partitioned cookies) none comes back at all; then the one-time state and nonce
 * alone protect the launch. A browser that sends any cookie of the tool but not this login's did
 * not start this login, and is refused. See docs/security.md.
 */
final class LoginCookie {
  static final String PREFIX = "sa_state_";

  private LoginCookie() {}

  /** The Set-Cookie header for a new login, living as long as its state. */
  static String set(String state, HttpServletRequest request, Duration lifetime) {
    return Sessions.cookie(name(state), state, request, lifetime);
  }

  /** The Set-Cookie header that removes a spent login's cookie. */
  static String clear(String state, HttpServletRequest request) {
    return Sessions.cookie(name(state), "", request, Duration.ZERO);
  }

  /**
   * False when the browser keeps the tool's cookies (it sent one) but not this login's: it did not
   * start this login. True when it sent this login's cookie, or no cookie of the tool at all.
   */
  static boolean startedHere(HttpServletRequest request, String state) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null || state == null) {
      return true;
    }
    String name = name(state);
    boolean keepsOurCookies = false;
    for (Cookie c : cookies) {
      if (c.getName().equals(name)) {
        return MessageDigest.isEqual(bytes(c.getValue()), bytes(state));
      }
      keepsOurCookies |= c.getName().startsWith(PREFIX) || c.getName().equals(Sessions.COOKIE);
    }
    return !keepsOurCookies;
  }

  /** A short name from the state's hash: a cookie name stays short and needs no escaping. */
  private static String name(String state) {
    return PREFIX + Tokens.hash(state).substring(0, 16);
  }

  private static byte[] bytes(String value) {
    return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
  }
}
