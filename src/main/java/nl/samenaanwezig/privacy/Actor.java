package nl.samenaanwezig.privacy;

import java.util.Objects;

/** Who did something to a student's data: a person in a role, or the system itself. */
public record Actor(Long personId, Role role) {

  /** The role the person acted in. */
  public enum Role {
    STUDENT,
    MENTOR,
    ADMIN,
    /** A scheduled job (retention), no person. */
    SYSTEM
  }

  public Actor {
    Objects.requireNonNull(role, "an actor acts in a role");
    if ((personId == null) != (role == Role.SYSTEM)) {
      throw new IllegalArgumentException("only the system acts without a person");
    }
  }

  public static Actor student(long personId) {
    return new Actor(personId, Role.STUDENT);
  }

  public static Actor mentor(long personId) {
    return new Actor(personId, Role.MENTOR);
  }

  public static Actor admin(long personId) {
    return new Actor(personId, Role.ADMIN);
  }

  public static Actor system() {
    return new Actor(null, Role.SYSTEM);
  }
}
