package nl.samenaanwezig.lti;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.Objects;

/** A platform user (mentor, student, administrator) as the platform names them; key: sub. */
@Entity
public class Person {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "platform_id")
  private Platform platform;

  private String subject;

  private String name;

  @Column(name = "given_name")
  private String givenName;

  @Column(name = "family_name")
  private String familyName;

  private String email;

  private String locale;

  @Column(name = "last_launch_at")
  private Instant lastLaunchAt;

  protected Person() {}

  public Person(Platform platform, String subject) {
    this.platform = Objects.requireNonNull(platform, "a person belongs to a platform");
    this.subject = Objects.requireNonNull(subject, "a person needs the platform's sub");
  }

  /**
   * Takes the personal data a platform sent; a missing value keeps what we knew (platforms may
   * withhold names or e-mail per launch).
   */
  public void learn(String name, String givenName, String familyName, String email) {
    if (name != null && !name.isBlank()) {
      this.name = name.strip();
    }
    if (givenName != null && !givenName.isBlank()) {
      this.givenName = givenName.strip();
    }
    if (familyName != null && !familyName.isBlank()) {
      this.familyName = familyName.strip();
    }
    if (email != null && !email.isBlank()) {
      this.email = email.strip();
    }
  }

  void launched(String locale, Instant at) {
    this.locale = locale;
    this.lastLaunchAt = at;
  }

  /** The best name we have: full name, else given + family, else e-mail, else empty. */
  public String displayName() {
    if (name != null) {
      return name;
    }
    String joined =
        ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName))
            .strip();
    if (!joined.isEmpty()) {
      return joined;
    }
    return email == null ? "" : email;
  }

  public Long id() {
    return id;
  }

  public Platform platform() {
    return platform;
  }

  public String subject() {
    return subject;
  }

  public String name() {
    return name;
  }

  public String givenName() {
    return givenName;
  }

  public String familyName() {
    return familyName;
  }

  public String email() {
    return email;
  }

  /** The locale of the person's last launch as the platform sent it (e.g. "tr-TR"), or null. */
  public String locale() {
    return locale;
  }

  public Instant lastLaunchAt() {
    return lastLaunchAt;
  }
}
