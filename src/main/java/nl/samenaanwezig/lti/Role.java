package nl.samenaanwezig.lti;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The tool's own roles, mapped from the platform's LIS role URIs in each launch. */
public enum Role {
  /** Mentor, SLB-er, coach: Instructor, TeachingAssistant or Mentor in the context. */
  MENTOR,
  /** Student (leerling / student): Learner in the context. */
  STUDENT,
  /** Institution or system administrator of the platform. */
  ADMIN;

  /** LIS v2 role vocabulary, IMS LTI Core 1.3 Appendix A. */
  public enum Lis {
    INSTRUCTOR("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor", MENTOR),
    TEACHING_ASSISTANT(
        "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant", MENTOR),
    MENTOR_ROLE("http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor", MENTOR),
    LEARNER("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner", STUDENT),
    INSTITUTION_ADMIN(
        "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator", ADMIN),
    SYSTEM_ADMIN("http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator", ADMIN),
    // LTI Core 1.3 section A.2.2 allows simple names for context roles.
    SHORT_INSTRUCTOR("Instructor", MENTOR),
    SHORT_TEACHING_ASSISTANT("TeachingAssistant", MENTOR),
    SHORT_MENTOR("Mentor", MENTOR),
    SHORT_LEARNER("Learner", STUDENT);

    private final String uri;
    private final Role role;

    Lis(String uri, Role role) {
      this.uri = uri;
      this.role = role;
    }

    public String uri() {
      return uri;
    }
  }

  /** Our roles for the platform's role URIs; unknown URIs grant nothing. */
  public static Set<Role> fromLti(Collection<String> uris) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Lis lis : Lis.values()) {
      if (uris.contains(lis.uri)) {
        roles.add(lis.role);
      }
    }
    return roles;
  }

  static String encode(Set<Role> roles) {
    return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
  }

  static Set<Role> decode(String encoded) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (encoded != null && !encoded.isBlank()) {
      Arrays.stream(encoded.split(",")).map(Role::valueOf).forEach(roles::add);
    }
    return roles;
  }
}
