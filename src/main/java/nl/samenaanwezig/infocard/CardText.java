package nl.samenaanwezig.infocard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One text of a card in one language, written by the school: for the whole institution, or for one
 * course when {@code courseId} is set. Who changed it last and when is kept for the card's date.
 */
@Entity
@Table(name = "infocard_text")
public class CardText {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "institution_id")
  private Long institutionId;

  @Column(name = "course_id")
  private Long courseId;

  private String language;

  private String section;

  private String text;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Column(name = "updated_by")
  private Long updatedBy;

  protected CardText() {}

  CardText(
      long institutionId,
      Long courseId,
      CardLanguage language,
      String section,
      String text,
      long by,
      Instant at) {
    this.institutionId = institutionId;
    this.courseId = courseId;
    this.language = language.tag();
    this.section = Objects.requireNonNull(section, "a text belongs to a part of the card");
    change(text, by, at);
  }

  /** Replaces the text; an unchanged text keeps its date, so the card's date stays honest. */
  boolean change(String newText, long by, Instant at) {
    Objects.requireNonNull(newText, "an empty text is removed, not stored");
    if (newText.equals(text)) {
      return false;
    }
    this.text = newText;
    this.updatedBy = by;
    this.updatedAt = Objects.requireNonNull(at, "a text records when it changed");
    return true;
  }

  public String section() {
    return section;
  }

  public String text() {
    return text;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Long courseId() {
    return courseId;
  }

  public CardLanguage language() {
    return CardLanguage.of(language).orElseThrow();
  }
}
