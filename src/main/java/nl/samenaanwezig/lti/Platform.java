package nl.samenaanwezig.lti;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.persistence.annotations.JoinFetch;
import org.eclipse.persistence.annotations.JoinFetchType;

/**
 * A learning platform registered with the tool (one Moodle site), keyed by issuer + client_id. A
 * launch is accepted only from a deployment id listed here.
 */
@Entity
public class Platform {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  // Read with the platform in one SELECT: every login and launch loads its platform.
  @ManyToOne(optional = false)
  @JoinColumn(name = "institution_id")
  @JoinFetch(JoinFetchType.INNER)
  private Institution institution;

  private String issuer;

  @Column(name = "client_id")
  private String clientId;

  private String name;

  @Column(name = "auth_login_url")
  private String authLoginUrl;

  @Column(name = "token_url")
  private String tokenUrl;

  @Column(name = "jwks_url")
  private String jwksUrl;

  private boolean demo;

  @Column(name = "created_at")
  private Instant createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @JoinFetch(JoinFetchType.OUTER)
  @CollectionTable(name = "platform_deployment", joinColumns = @JoinColumn(name = "platform_id"))
  @Column(name = "deployment_id")
  private Set<String> deploymentIds = new TreeSet<>();

  protected Platform() {}

  public Platform(Institution institution, PlatformSettings settings, boolean demo) {
    this.institution = Objects.requireNonNull(institution, "a platform belongs to an institution");
    this.issuer = settings.issuer();
    this.clientId = settings.clientId();
    this.demo = demo;
    this.createdAt = Instant.now();
    update(settings);
  }

  /** Replaces the endpoints and adds the deployments of newer settings for the same platform. */
  public void update(PlatformSettings settings) {
    if (!settings.issuer().equals(issuer) || !settings.clientId().equals(clientId)) {
      throw new IllegalArgumentException("settings belong to another registration");
    }
    this.name = settings.name();
    this.authLoginUrl = settings.authLoginUrl();
    this.tokenUrl = settings.tokenUrl();
    this.jwksUrl = settings.jwksUrl();
    this.deploymentIds.addAll(settings.deploymentIds());
  }

  public void addDeployment(String deploymentId) {
    if (deploymentId == null || deploymentId.isBlank()) {
      throw new IllegalArgumentException("a deployment id may not be empty");
    }
    deploymentIds.add(deploymentId.strip());
  }

  /** IMS LTI Core 1.3 section 3.1.3: a tool accepts launches only from deployments it knows. */
  public boolean knowsDeployment(String deploymentId) {
    return deploymentId != null && deploymentIds.contains(deploymentId);
  }

  /** The origins a browser may frame the tool from for this platform (CSP frame-ancestors). */
  public Set<String> origins() {
    Set<String> origins = new TreeSet<>();
    for (String url : new String[] {issuer, authLoginUrl}) {
      originOf(url).ifPresent(origins::add);
    }
    return origins;
  }

  private static java.util.Optional<String> originOf(String url) {
    try {
      URI uri = URI.create(url);
      if (uri.getScheme() == null || uri.getHost() == null) {
        return java.util.Optional.empty();
      }
      String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
      return java.util.Optional.of(uri.getScheme() + "://" + uri.getHost() + port);
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  public Long id() {
    return id;
  }

  public Institution institution() {
    return institution;
  }

  public String issuer() {
    return issuer;
  }

  public String clientId() {
    return clientId;
  }

  public String name() {
    return name;
  }

  public String authLoginUrl() {
    return authLoginUrl;
  }

  public String tokenUrl() {
    return tokenUrl;
  }

  public String jwksUrl() {
    return jwksUrl;
  }

  public boolean demo() {
    return demo;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Set<String> deploymentIds() {
    return Collections.unmodifiableSet(deploymentIds);
  }
}
