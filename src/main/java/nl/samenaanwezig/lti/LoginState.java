package nl.samenaanwezig.lti;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The state and nonce of one OIDC login initiation, kept in the database so that any node can
 * finish the launch; consumed (deleted) by the first launch that presents it.
 */
@Entity
@Table(name = "login_state")
public class LoginState {
  @Id private String state;

  private String nonce;

  @Column(name = "platform_id")
  private Long platformId;

  @Column(name = "target_link_uri")
  private String targetLinkUri;

  @Column(name = "expires_at")
  private Instant expiresAt;

  protected LoginState() {}

  LoginState(String state, String nonce, Long platformId, String targetLinkUri, Instant expiresAt) {
    this.state = state;
    this.nonce = nonce;
    this.platformId = platformId;
    this.targetLinkUri = targetLinkUri;
    this.expiresAt = expiresAt;
  }

  public String state() {
    return state;
  }

  public String nonce() {
    return nonce;
  }

  public Long platformId() {
    return platformId;
  }

  public String targetLinkUri() {
    return targetLinkUri;
  }

  public boolean expiredAt(Instant now) {
    return now.isAfter(expiresAt);
  }
}
