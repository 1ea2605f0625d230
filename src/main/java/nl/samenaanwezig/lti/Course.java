package nl.samenaanwezig.lti;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

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
    if (url == null || url.isBlank() || url.length() > 2000) {
      return;
    }
    try {
      URI uri = URI.create(url.strip());
      if (uri.getHost() != null
          && ("https".equalsIgnoreCase(uri.getScheme())
              || "http".equalsIgnoreCase(uri.getScheme()))) {
        this.membershipsUrl = uri.toString();
      }
    } catch (IllegalArgumentException e) {
      // A malformed URL leaves the course without a roster service, as if none was offered.
    }
  }

  /** The platform's membership service for this course, if a launch offered one. */
  public Optional<URI> membershipsUrl() {
    return Optional.ofNullable(membershipsUrl).map(URI::create);
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
}
