package nl.samenaanwezig.api;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import nl.samenaanwezig.lti.Institution;

/**
 * A bearer token with which one institution's information system uses the API. Only its SHA-256 is
 * stored; the token itself is shown once, when it is made.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {
  public static final int MAX_NAME = 100;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "institution_id")
  private Institution institution;

  private String name;

  @Column(name = "token_hash")
  private String tokenHash;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  protected ApiToken() {}

  ApiToken(Institution institution, String name, String tokenHash, Instant now) {
    this.institution = Objects.requireNonNull(institution, "a token belongs to an institution");
    Objects.requireNonNull(name, "a token has a name");
    if (name.isBlank() || name.strip().length() > MAX_NAME) {
      throw new IllegalArgumentException("a token name has 1 to " + MAX_NAME + " characters");
    }
    this.name = name.strip();
    this.tokenHash = Objects.requireNonNull(tokenHash);
    this.createdAt = now;
  }

  /** Stops the token working; revoking twice keeps the first moment. */
  void revoke(Instant at) {
    if (revokedAt == null) {
      revokedAt = at;
    }
  }

  public boolean active() {
    return revokedAt == null;
  }

  public Long id() {
    return id;
  }

  public Institution institution() {
    return institution;
  }

  public String name() {
    return name;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }

  public Instant lastUsedAt() {
    return lastUsedAt;
  }
}
