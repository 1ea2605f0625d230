package nl.samenaanwezig.meetings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import nl.samenaanwezig.buddies.Buddy;

/**
 * A buddy's personal link to one meeting (no account needed): it only shows and changes that
 * meeting, it expires, and the mentor can revoke it. The token is signed, never stored ({@link
 * LinkSigner}).
 */
@Entity
@Table(name = "meeting_link")
public class BuddyLink {
  /** How long a link works; a mentor sends a new one when needed. */
  public static final Duration LIFETIME = Duration.ofDays(30);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "meeting_id")
  private Meeting meeting;

  @ManyToOne(optional = false)
  @JoinColumn(name = "buddy_id")
  private Buddy buddy;

  @Column(name = "base_url")
  private String baseUrl;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "opened_at")
  private Instant openedAt;

  protected BuddyLink() {}

  public BuddyLink(Meeting meeting, Buddy buddy, String baseUrl, Instant now) {
    this.meeting = Objects.requireNonNull(meeting);
    this.buddy = Objects.requireNonNull(buddy);
    this.baseUrl = Objects.requireNonNull(baseUrl, "a link is on the tool's address");
    this.createdAt = now;
    // Whole seconds: the expiry travels inside the signed token.
    this.expiresAt = now.plus(LIFETIME).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  /** The state of the link at a moment. */
  public enum State {
    ACTIVE,
    EXPIRED,
    REVOKED
  }

  public State stateAt(Instant now) {
    if (revokedAt != null) {
      return State.REVOKED;
    }
    return now.isBefore(expiresAt) ? State.ACTIVE : State.EXPIRED;
  }

  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  public void opened(Instant now) {
    openedAt = now;
  }

  /** The full address to give the buddy. */
  public String url(LinkSigner signer) {
    return baseUrl + "/m/" + signer.token(id, expiresAt);
  }

  public Long id() {
    return id;
  }

  public Meeting meeting() {
    return meeting;
  }

  public Buddy buddy() {
    return buddy;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant openedAt() {
    return openedAt;
  }
}
