package nl.samenaanwezig.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The mapping of LIS role URIs (LTI Core 1.3 Appendix A) to the tool's own roles. */
class RoleTest {
  /** The expected role per LIS URI, written out so that a new URI needs a decision here. */
  private static final Map<Role.Lis, Role> EXPECTED = new EnumMap<>(Role.Lis.class);

  static {
    EXPECTED.put(Role.Lis.INSTRUCTOR, Role.MENTOR);
    EXPECTED.put(Role.Lis.TEACHING_ASSISTANT, Role.MENTOR);
    EXPECTED.put(Role.Lis.MENTOR_ROLE, Role.MENTOR);
    EXPECTED.put(Role.Lis.LEARNER, Role.STUDENT);
    EXPECTED.put(Role.Lis.INSTITUTION_ADMIN, Role.ADMIN);
    EXPECTED.put(Role.Lis.SYSTEM_ADMIN, Role.ADMIN);
    EXPECTED.put(Role.Lis.SHORT_INSTRUCTOR, Role.MENTOR);
    EXPECTED.put(Role.Lis.SHORT_TEACHING_ASSISTANT, Role.MENTOR);
    EXPECTED.put(Role.Lis.SHORT_MENTOR, Role.MENTOR);
    EXPECTED.put(Role.Lis.SHORT_LEARNER, Role.STUDENT);
  }

  @Test
  void everyLisRoleHasAnExpectedMapping() {
    assertEquals(EnumSet.allOf(Role.Lis.class), EXPECTED.keySet());
  }

  @ParameterizedTest
  @EnumSource(Role.Lis.class)
  void lisRoleMapsToItsOwnRole(Role.Lis lis) {
    assertEquals(Set.of(EXPECTED.get(lis)), Role.fromLti(List.of(lis.uri())));
  }

  @Test
  void lisUrisAreTheSpecsLiterals() {
    assertEquals(
        "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor", Role.Lis.INSTRUCTOR.uri());
    assertEquals(
        "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant",
        Role.Lis.TEACHING_ASSISTANT.uri());
    assertEquals(
        "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor", Role.Lis.MENTOR_ROLE.uri());
    assertEquals(
        "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner", Role.Lis.LEARNER.uri());
    assertEquals(
        "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator",
        Role.Lis.INSTITUTION_ADMIN.uri());
    assertEquals(
        "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator",
        Role.Lis.SYSTEM_ADMIN.uri());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://purl.imsglobal.org/vocab/lis/v2/membership#Unknown",
        "http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper",
        "http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator",
        "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor",
        "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student",
        "http://purl.imsglobal.org/vocab/lis/v2/system/person#User",
        "urn:lti:role:ims/lis/Instructor",
        "instructor",
        "Instructor ",
        ""
      })
  void unknownRoleGrantsNothing(String uri) {
    assertTrue(Role.fromLti(List.of(uri)).isEmpty(), uri);
  }

  @Test
  void noRolesGrantNothing() {
    assertTrue(Role.fromLti(List.of()).isEmpty());
  }

  @Test
  void severalRolesAddUp() {
    assertEquals(
        EnumSet.of(Role.MENTOR, Role.STUDENT, Role.ADMIN),
        Role.fromLti(
            List.of(
                Role.Lis.INSTRUCTOR.uri(),
                "http://purl.imsglobal.org/vocab/lis/v2/membership#Unknown",
                Role.Lis.LEARNER.uri(),
                Role.Lis.SYSTEM_ADMIN.uri())));
  }

  @Test
  void rolesSurviveTheSessionColumn() {
    Set<Role> all = EnumSet.allOf(Role.class);
    assertEquals("ADMIN,MENTOR,STUDENT", Role.encode(all));
    assertEquals(all, Role.decode(Role.encode(all)));
    assertEquals(Set.of(), Role.decode(Role.encode(Set.of())));
    assertEquals(Set.of(), Role.decode(null));
  }
}
