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
import java.util.Set;

/** A person's membership of a course with the roles the platform gave them there. */
@Entity
public class Member {

  /** Where we learned of the membership. */
  public enum Source {
    LAUNCH,
    ROSTER,
    DEMO
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "course_id")
  private Course course;

  @ManyToOne(optional = false)
  @JoinColumn(name = "person_id")
  private Person person;

  private String roles;

  private boolean active;

  private String source;

  @Column(name = "last_seen_at")
  private Instant lastSeenAt;

  @Column(name = "roster_seen_at")
  private Instant rosterSeenAt;

  protected Member() {}

  public Member(Course course, Person person, Set<Role> roles, Source source, Instant seenAt) {
    this.course = Objects.requireNonNull(course, "a membership needs a course");
    this.person = Objects.requireNonNull(person, "a membership needs a person");
    seen(roles, source, seenAt);
  }

  /** The platform confirmed the membership with these roles at this moment. */
  public void seen(Set<Role> roles, Source source, Instant at) {
    this.roles = Role.encode(roles);
    this.source = source.name();
    this.lastSeenAt = at;
    this.active = true;
    if (source == Source.ROSTER) {
      this.rosterSeenAt = at;
    }
  }

  /**
   * True when the platform says nothing new: the membership is already active with exactly these
   * roles from this source, so nothing needs writing.
   */
  public boolean confirmedBy(Set<Role> roles, Source source) {
    return active && this.source.equals(source.name()) && Role.encode(roles).equals(this.roles);
  }

  public void deactivate() {
    this.active = false;
  }

  public Long id() {
    return id;
  }

  public Course course() {
    return course;
  }

  public Person person() {
    return person;
  }

  public Set<Role> roles() {
    return Role.decode(roles);
  }

  public boolean active() {
    return active;
  }

  public Source source() {
    return Source.valueOf(source);
  }

  public Instant lastSeenAt() {
    return lastSeenAt;
  }

  /**
   * True when the platform's roster ever listed this membership: a full roster that no longer lists
   * it ends it. Memberships known only from launches are left alone.
   */
  public boolean knownFromRoster() {
    return rosterSeenAt != null;
  }

  /**
   * When a roster read last changed this membership; an unchanged one was also listed by the
   * course's last good roster read.
   */
  public Instant rosterSeenAt() {
    return rosterSeenAt;
  }
}
