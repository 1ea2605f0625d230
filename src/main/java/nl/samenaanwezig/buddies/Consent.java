package nl.samenaanwezig.buddies;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import nl.samenaanwezig.lti.Person;

/**
 * One decision of a student about one buddy and one topic (toestemming gegeven of ingetrokken),
 * dated and with the version of the text the student saw. Rows are only ever added: the latest
 * decision counts, the earlier ones are the history.
 */
@Entity
public class Consent {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "buddy_id")
  private Buddy buddy;

  @Enumerated(EnumType.STRING)
  private Topic topic;

  private boolean given;

  @Column(name = "decided_on")
  private LocalDate decidedOn;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "text_version")
  private String textVersion;

  @Column(name = "text_locale")
  private String textLocale;

  @ManyToOne(optional = false)
  @JoinColumn(name = "decided_by")
  private Person decidedBy;

  protected Consent() {}

  public Consent(
      Buddy buddy,
      Topic topic,
      boolean given,
      LocalDate day,
      Instant at,
      String textVersion,
      String textLocale,
      Person decidedBy) {
    this.buddy = Objects.requireNonNull(buddy, "consent is about a buddy");
    this.topic = Objects.requireNonNull(topic, "consent is about a topic");
    this.given = given;
    this.decidedOn = Objects.requireNonNull(day, "consent is dated");
    this.decidedAt = Objects.requireNonNull(at, "consent is dated");
    this.textVersion = Objects.requireNonNull(textVersion, "consent names the text shown");
    this.textLocale = Objects.requireNonNull(textLocale, "consent names the text's language");
    this.decidedBy = Objects.requireNonNull(decidedBy, "consent is given by someone");
  }

  public ConsentHistory.Entry entry() {
    return new ConsentHistory.Entry(topic, given, decidedOn, decidedAt, textVersion);
  }

  public Long id() {
    return id;
  }

  public Buddy buddy() {
    return buddy;
  }

  public Topic topic() {
    return topic;
  }

  public boolean given() {
    return given;
  }

  public LocalDate decidedOn() {
    return decidedOn;
  }

  public Instant decidedAt() {
    return decidedAt;
  }

  public String textVersion() {
    return textVersion;
  }

  public String textLocale() {
    return textLocale;
  }

  public Person decidedBy() {
    return decidedBy;
  }
}
