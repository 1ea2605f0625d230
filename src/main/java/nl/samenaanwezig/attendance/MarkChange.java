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

/** One change of a mark: what it was, what it became, who changed it and when. */
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
  @JoinColumn(name = "changed_by")
  private Person changedBy;

  @Column(name = "changed_via")
  private String changedVia;

  @Column(name = "changed_at")
  private Instant changedAt;

  protected MarkChange() {}

  MarkChange(
      Mark mark, Mark.Entry before, Mark.Entry after, Person by, Lesson.Source via, Instant at) {
    this.mark = mark;
    this.oldCategory = before == null ? null : before.category().name();
    this.oldLateMinutes = before == null ? null : before.lateMinutes();
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
