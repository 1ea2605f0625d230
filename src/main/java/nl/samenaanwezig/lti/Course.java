package nl.samenaanwezig.lti;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A course (LTI context) of a platform: a class with its mentors and students. */
@Entity
public class Course {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "platform_id")
  private Platform platform;

  @Column(name = "context_id")
  private String contextId;

  private String title;

  private String label;

  @Column(name = "memberships_url")
  private String membershipsUrl;

  @Column(name = "lineitems_url")
  private String lineItemsUrl;

  @Column(name = "ags_scopes")
  private String agsScopes;

  /** Marked by the institution's administrator as a mentor group (mentorgroep). */
  @Column(name = "mentor_group")
  private boolean mentorGroup;

  protected Course() {}

  public Course(Platform platform, String contextId) {
    this.platform = Objects.requireNonNull(platform, "a course belongs to a platform");
    this.contextId = Objects.requireNonNull(contextId, "a course needs the platform's context id");
  }

  /** Takes the titles the platform sent, keeping known ones when a launch omits them. */
  public void learn(String title, String label) {
    if (title != null && !title.isBlank()) {
      this.title = title.strip();
    }
    if (label != null && !label.isBlank()) {
      this.label = label.strip();
    }
  }

  /**
   * Keeps the NRPS context_memberships_url a launch offered (LTI NRPS 2.0 section 3.6); only an
   * absolute http(s) URL counts, anything else is ignored.
   */
  public void offerMemberships(String url) {
    // A malformed URL leaves the course without a roster service, as if none was offered.
    serviceUrl(url).ifPresent(u -> this.membershipsUrl = u);
  }

  /**
   * Keeps the AGS claim's line item container URL and the scopes granted with it (LTI AGS 2.0
   * section 3.1); a later launch's claim replaces both. Only an absolute http(s) URL counts, and
   * only the AGS scopes are kept.
   */
  public void offerGrades(String lineItemsUrl, Collection<String> scopes) {
    Optional<String> url = serviceUrl(lineItemsUrl);
    if (url.isEmpty()) {
      return;
    }
    Set<String> kept = new TreeSet<>();
    for (String scope : scopes) {
      if (scope != null && LtiClaims.AGS_SCOPES.contains(scope)) {
        kept.add(scope);
      }
    }
    this.lineItemsUrl = url.get();
    this.agsScopes = String.join(" ", kept);
  }

  private static Optional<String> serviceUrl(String url) {
    if (url == null || url.isBlank() || url.length() > 2000) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(url.strip());
      if (uri.getHost() != null
          && ("https".equalsIgnoreCase(uri.getScheme())
              || "http".equalsIgnoreCase(uri.getScheme()))) {
        return Optional.of(uri.toString());
      }
    } catch (IllegalArgumentException e) {
      // Not a URL: treated as not offered.
    }
    return Optional.empty();
  }

  /** The platform's membership service for this course, if a launch offered one. */
  public Optional<URI> membershipsUrl() {
    return Optional.ofNullable(membershipsUrl).map(URI::create);
  }

  /** The platform's line item container (AGS) for this course, if a launch offered one. */
  public Optional<URI> lineItemsUrl() {
    return Optional.ofNullable(lineItemsUrl).map(URI::create);
  }

  /** The AGS scopes the last launch's claim granted; empty without a grade service. */
  public Set<String> agsScopes() {
    if (agsScopes == null || agsScopes.isBlank()) {
      return Set.of();
    }
    return Set.copyOf(Arrays.asList(agsScopes.split(" ")));
  }

  /** Title, else label, else the context id: something a mentor recognises. */
  public String displayTitle() {
    if (title != null) {
      return title;
    }
    return label != null ? label : contextId;
  }

  public Long id() {
    return id;
  }

  public Platform platform() {
    return platform;
  }

  public String contextId() {
    return contextId;
  }

  public String title() {
    return title;
  }

  public String label() {
    return label;
  }

  /**
   * Whether the administrator marked this course as a mentor group (see attendance.MentorGroups).
   */
  public boolean markedMentorGroup() {
    return mentorGroup;
  }

  public void markMentorGroup(boolean marked) {
    this.mentorGroup = marked;
  }
}
