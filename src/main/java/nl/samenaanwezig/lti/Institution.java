package nl.samenaanwezig.lti;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Objects;

/** A school (onderwijsinstelling) that installed the tool once; owns its platform registrations. */
@Entity
public class Institution {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String name;

  @Column(name = "created_at")
  private Instant createdAt;

  protected Institution() {}

  public Institution(String name) {
    this.name = Objects.requireNonNull(name, "an institution needs a name");
    this.createdAt = Instant.now();
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public void rename(String newName) {
    if (newName == null || newName.isBlank()) {
      throw new IllegalArgumentException("an institution needs a name");
    }
    this.name = newName.strip();
  }
}
