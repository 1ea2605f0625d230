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
import java.util.Objects;
import nl.samenaanwezig.lti.Person;

/**
 * A trusted adult a student names (buddy: ouder/verzorger, broer, tante, sportcoach, ...). Buddies
 * have no account; the school reaches them by phone, mail, letter or a visit, and only as {@link
 * ContactRule} allows.
 */
@Entity
public class Buddy {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "student_id")
  private Person student;

  private String name;

  @Enumerated(EnumType.STRING)
  private Relationship relationship;

  @Column(name = "legal_representative")
  private boolean legalRepresentative;

  private String phone;

  private String email;

  @Enumerated(EnumType.STRING)
  private Channel channel;

  @Column(name = "language_code")
  private String languageCode;

  @Column(name = "plain_language")
  private boolean plainLanguage;

  private String availability;

  @Column(name = "shift_work")
  private boolean shiftWork;

  private String note;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Column(name = "removed_at")
  private Instant removedAt;

  protected Buddy() {}

  public Buddy(Person student, BuddyDetails details, Instant now) {
    this.student = Objects.requireNonNull(student, "a buddy belongs to a student");
    this.createdAt = now;
    update(details, now);
  }

  /** The student changed what they told about this buddy. */
  public void update(BuddyDetails d, Instant now) {
    if (removed()) {
      throw new IllegalStateException("a removed buddy cannot be changed");
    }
    this.name = d.name();
    this.relationship = d.relationship();
    this.legalRepresentative = d.legalRepresentative();
    this.phone = d.phone();
    this.email = d.email();
    this.channel = d.channel();
    this.languageCode = d.language().code();
    this.plainLanguage = d.plainLanguage();
    this.availability = d.availability().encode();
    this.shiftWork = d.shiftWork();
    this.note = d.note();
    this.updatedAt = now;
  }

  /**
   * The student removed this buddy: the ways to reach them go at once (least data); name and
   * relationship stay, so that the consent history and past contacts remain readable until the
   * retention period ends.
   */
  public void remove(Instant now) {
    this.phone = null;
    this.email = null;
    this.note = null;
    this.availability = "";
    this.shiftWork = false;
    this.removedAt = now;
    this.updatedAt = now;
  }

  public boolean removed() {
    return removedAt != null;
  }

  public BuddyDetails details() {
    return new BuddyDetails(
        name,
        relationship,
        legalRepresentative,
        phone == null ? "" : phone,
        email,
        channel,
        Language.of(languageCode).orElse(Language.NL),
        plainLanguage,
        Availability.decode(availability),
        shiftWork,
        note);
  }

  public Long id() {
    return id;
  }

  public Person student() {
    return student;
  }

  public String name() {
    return name;
  }

  public Relationship relationship() {
    return relationship;
  }

  /** Ouder met gezag or voogd: the person the law gives rights while the student is a minor. */
  public boolean legalRepresentative() {
    return legalRepresentative;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant removedAt() {
    return removedAt;
  }
}
