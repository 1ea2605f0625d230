package nl.samenaanwezig.lti;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.samenaanwezig.web.Locales;

/**
 * A browser's session after a valid launch, stored in the database (any node can serve it) under
 * the SHA-256 of the cookie value. It holds who launched and from where; what a person may see in a
 * course is decided by their {@link Member} roles there, not by the last launch.
 */
@Entity
@Table(name = "user_session")
public class Session {
  @Id
  @Column(name = "token_hash")
  private String tokenHash;

  @ManyToOne(optional = false)
  @JoinColumn(name = "person_id")
  private Person person;

  @ManyToOne
  @JoinColumn(name = "course_id")
  private Course course;

  private String roles;

  private String locale;

  @Column(name = "csrf_token")
  private String csrfToken;

  @Column(name = "message_type")
  private String messageType;

  @Column(name = "deployment_id")
  private String deploymentId;

  @Column(name = "resource_link_id")
  private String resourceLinkId;

  private String placement;

  @Column(name = "services_json")
  private String servicesJson;

  // Written only by Sessions.answerDeepLinking (one conditional UPDATE), never by a merge.
  @Column(name = "deep_link_answered_at", insertable = false, updatable = false)
  private Instant deepLinkAnsweredAt;

  @Column(name = "handoff_hash")
  private String handoffHash;

  @Column(name = "handoff_expires_at")
  private Instant handoffExpiresAt;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  // Moved on only by Sessions.touch (a conditional UPDATE at most once a minute), never by a merge.
  @Column(name = "last_seen", updatable = false)
  private Instant lastSeen;

  protected Session() {}

  Session(
      String tokenHash,
      Person person,
      Course course,
      Set<Role> roles,
      Launch launch,
      String csrfToken,
      Instant now,
      Instant expiresAt) {
    this.tokenHash = Objects.requireNonNull(tokenHash);
    this.person = Objects.requireNonNull(person, "a session belongs to a person");
    this.course = course;
    this.roles = Role.encode(roles);
    this.locale = Locales.fromLti(launch.locale()).toLanguageTag();
    this.csrfToken = csrfToken;
    this.messageType = launch.messageType();
    this.deploymentId = launch.deploymentId();
    this.resourceLinkId = launch.resourceLinkId().orElse(null);
    this.placement = launch.custom().get("placement");
    this.servicesJson = launch.servicesJson();
    this.createdAt = now;
    this.expiresAt = expiresAt;
    this.lastSeen = now;
  }

  void offerHandoff(String hash, Instant until) {
    this.handoffHash = hash;
    this.handoffExpiresAt = until;
  }

  boolean hasHandoff() {
    return handoffHash != null;
  }

  String tokenHash() {
    return tokenHash;
  }

  /** Switches the page language (the launch's locale is only the default). */
  public void useLocale(Locale chosen) {
    this.locale = Locales.supported(chosen).toLanguageTag();
  }

  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** When the session was last used (to a minute); its start for sessions from before V24. */
  Instant lastSeen() {
    return lastSeen == null ? createdAt : lastSeen;
  }

  /** True when nobody used this session for {@code idle} (a shared computer left signed in). */
  public boolean idleAt(Instant now, java.time.Duration idle) {
    return !now.isBefore(lastSeen().plus(idle));
  }

  /** Roles of the last launch; institution roles (ADMIN) only come from here. */
  public boolean has(Role role) {
    return Role.decode(roles).contains(role);
  }

  public Set<Role> roles() {
    return Role.decode(roles);
  }

  public Person person() {
    return person;
  }

  public Platform platform() {
    return person.platform();
  }

  public Optional<Course> course() {
    return Optional.ofNullable(course);
  }

  public Locale locale() {
    return Locale.forLanguageTag(locale);
  }

  public String csrfToken() {
    return csrfToken;
  }

  public String messageType() {
    return messageType;
  }

  public String deploymentId() {
    return deploymentId;
  }

  public Optional<String> resourceLinkId() {
    return Optional.ofNullable(resourceLinkId);
  }

  public Optional<String> placement() {
    return Optional.ofNullable(placement);
  }

  public String servicesJson() {
    return servicesJson;
  }

  /** True for a session opened by an LtiDeepLinkingRequest ("inhoud selecteren" in Moodle). */
  public boolean isDeepLinking() {
    return LtiClaims.DEEP_LINKING_REQUEST.equals(messageType);
  }

  /** True once this deep linking session sent its one response to the platform. */
  public boolean deepLinkAnswered() {
    return deepLinkAnsweredAt != null;
  }
}
