package nl.samenaanwezig.attendance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import nl.samenaanwezig.lti.Person;

/**
 * One change of a mark: what it was and who registered that (how, when), what it became and who
 * changed it (how, when). A new mark has no change row: its first registration is on the mark until
 * it changes, and then in the first change row. Rows written before V19 may be a first registration
 * of their own ({@code old_category} null, no previous registration).
 */
@Entity
@Table(name = "mark_change")
public class MarkChange {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "mark_id")
  private Mark mark;

  @Column(name = "old_category")
  private String oldCategory;

  @Column(name = "old_late_minutes")
  private Integer oldLateMinutes;

  @Column(name = "new_category")
  private String newCategory;

  @Column(name = "new_late_minutes")
  private int newLateMinutes;

  @ManyToOne
  @JoinColumn(name = "old_by")
  private Person oldBy;

  @Column(name = "old_via")
  private String oldVia;

  @Column(name = "old_at")
  private Instant oldAt;

  @ManyToOne
  @JoinColumn(name = "changed_by")
  private Person changedBy;

  @Column(name = "changed_via")
  private String changedVia;

  @Column(name = "changed_at")
  private Instant changedAt;

  protected MarkChange() {}

  /** The change of {@code mark} to {@code after}; call it before the mark takes the new value. */
  MarkChange(Mark mark, Mark.Entry after, Person by, Lesson.Source via, Instant at) {
    this.mark = mark;
    Mark.Entry before = mark.entry();
    this.oldCategory = before.category().name();
    this.oldLateMinutes = before.lateMinutes();
    this.oldBy = mark.registeredBy();
    this.oldVia = mark.registeredVia();
    this.oldAt = mark.registeredAt();
    this.newCategory = after.category().name();
    this.newLateMinutes = after.lateMinutes();
    this.changedBy = by;
    this.changedVia = via.name();
    this.changedAt = at;
  }

  public String oldCategory() {
    return oldCategory;
  }

  public String newCategory() {
    return newCategory;
  }

  public Person changedBy() {
    return changedBy;
  }

  public Instant changedAt() {
    return changedAt;
  }
}
