package nl.samenaanwezig.lti;

import com.nimbusds.jose.jwk.RSAKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.text.ParseException;
import java.time.Instant;

/** One RSA key pair of the tool, stored as a JWK; the tool signs with the active one. */
@Entity
@Table(name = "tool_key")
public class ToolKey {

  /** Life of a key: active (signs, published), retiring (published only), retired (gone). */
  public enum Status {
    ACTIVE,
    RETIRING,
    RETIRED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String kid;

  private String jwk;

  @Enumerated(EnumType.STRING)
  private Status status;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "retired_at")
  private Instant retiredAt;

  /**
   * 1 while active, else null: the column is unique, so the database itself keeps a second active
   * key out (two nodes starting at once on an empty database both try to make one).
   */
  @Column(name = "active_slot")
  private Short activeSlot;

  protected ToolKey() {}

  ToolKey(RSAKey key) {
    this.kid = key.getKeyID();
    this.jwk = key.toJSONString();
    this.status = Status.ACTIVE;
    this.activeSlot = 1;
    this.createdAt = Instant.now();
  }

  /** The key pair; the private part never leaves the tool. */
  public RSAKey rsaKey() {
    try {
      return RSAKey.parse(jwk);
    } catch (ParseException e) {
      throw new IllegalStateException("stored tool key " + kid + " is not a valid JWK", e);
    }
  }

  void startRetiring(Instant now) {
    status = Status.RETIRING;
    activeSlot = null;
    retiredAt = now;
  }

  void retire() {
    status = Status.RETIRED;
    activeSlot = null;
  }

  public String kid() {
    return kid;
  }

  public Status status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant retiredAt() {
    return retiredAt;
  }
}
