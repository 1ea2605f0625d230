package nl.samenaanwezig.meetings;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Tokens;

/**
 * Signs and checks the tokens of buddy links: {@code <link id>-<expiry in epoch seconds>-<HMAC>}
 * with HMAC-SHA256 under a random secret kept in the database (created once). A changed character
 * anywhere makes the token unknown; nothing usable is stored, yet the mentor can show the link
 * again.
 */
public final class LinkSigner {
  private static final Pattern TOKEN =
      Pattern.compile("^(\\d{1,18})-(\\d{1,12})-([A-Za-z0-9_-]{43})$");
  private static final String PURPOSE = "samen-aanwezig meeting link v1";

  private final byte[] secret;

  LinkSigner(byte[] secret) {
    if (secret.length < 32) {
      throw new IllegalArgumentException("a link secret has at least 256 bits");
    }
    this.secret = secret.clone();
  }

  /** The instance's signer: its secret from the database, made on first start. */
  public static LinkSigner of(Database db, java.time.Clock clock) {
    String stored;
    try {
      stored = db.tx(em -> stored(em).orElseGet(() -> create(em, clock)));
    } catch (RuntimeException e) {
      // Another node made the secret at the same moment: use theirs.
      stored = db.read(em -> stored(em)).orElseThrow(() -> e);
    }
    return new LinkSigner(Base64.getUrlDecoder().decode(stored));
  }

  private static Optional<String> stored(EntityManager em) {
    List<?> rows =
        em.createNativeQuery("SELECT secret FROM meeting_secret WHERE id = 1").getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
  }

  private static String create(EntityManager em, java.time.Clock clock) {
    String fresh = Tokens.random();
    em.createNativeQuery("INSERT INTO meeting_secret (id, secret, created_at) VALUES (1, ?, ?)")
        .setParameter(1, fresh)
        .setParameter(2, Timestamp.from(clock.instant()))
        .executeUpdate();
    return fresh;
  }

  /** What a token claims, once its signature checked out. */
  public record Claim(long linkId, Instant expiresAt) {}

  public String token(long linkId, Instant expiresAt) {
    long expiry = expiresAt.getEpochSecond();
    return linkId + "-" + expiry + "-" + mac(linkId, expiry);
  }

  /** The claim of a well-formed token with a valid signature; empty for anything else. */
  public Optional<Claim> verify(String token) {
    Matcher m = TOKEN.matcher(token == null ? "" : token);
    if (!m.matches()) {
      return Optional.empty();
    }
    long linkId = Long.parseLong(m.group(1));
    long expiry = Long.parseLong(m.group(2));
    byte[] expected = mac(linkId, expiry).getBytes(StandardCharsets.US_ASCII);
    byte[] presented = m.group(3).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, presented)) {
      return Optional.empty();
    }
    return Optional.of(new Claim(linkId, Instant.ofEpochSecond(expiry)));
  }

  private String mac(long linkId, long expiry) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] sig =
          hmac.doFinal((PURPOSE + "|" + linkId + "|" + expiry).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
    }
  }
}
