package nl.samenaanwezig.lti.nrps;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.samenaanwezig.lti.Role;

/** One member of a NRPS membership container (LTI NRPS 2.0 section 2.2). */
public record RosterMember(
    String userId,
    String name,
    String givenName,
    String familyName,
    String email,
    List<String> roles,
    Status status) {

  /** Membership status; a platform that omits it means Active. */
  public enum Status {
    ACTIVE,
    INACTIVE,
    DELETED;

    /** Spec values are Active, Inactive, Deleted; anything else counts as not active. */
    static Status parse(Object value) {
      if (value == null) {
        return ACTIVE;
      }
      return switch (String.valueOf(value).strip().toLowerCase(Locale.ROOT)) {
        case "active" -> ACTIVE;
        case "deleted" -> DELETED;
        default -> INACTIVE;
      };
    }
  }

  /** Our roles in the course; institution roles never grant anything inside a course. */
  public Set<Role> courseRoles() {
    Set<Role> mapped = EnumSet.noneOf(Role.class);
    mapped.addAll(Role.fromLti(roles));
    mapped.remove(Role.ADMIN);
    return mapped;
  }
}
