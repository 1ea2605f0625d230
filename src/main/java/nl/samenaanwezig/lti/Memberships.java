package nl.samenaanwezig.lti;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.samenaanwezig.db.Database;

/**
 * Who may see which course: the roles the platform gave a person there (by launch or roster). Every
 * course page asks this first.
 */
public final class Memberships {
  private final Database db;

  public Memberships(Database db) {
    this.db = db;
  }

  /** The course, if the person is an active member of it with this role; empty otherwise. */
  public Optional<Course> courseWhere(Person person, long courseId, Role role) {
    return db.read(
        em ->
            em
                .createQuery(
                    "select m from Member m where m.course.id = :c and m.person.id = :p"
                        + " and m.active = true",
                    Member.class)
                .setParameter("c", courseId)
                .setParameter("p", person.id())
                .getResultList()
                .stream()
                .filter(m -> m.roles().contains(role))
                .map(Member::course)
                .findFirst());
  }

  /**
   * Active members of a course with a role, ordered by name. Their persons come in the same query
   * (a fetch join): otherwise each member's person was one more query (a class page: 35).
   */
  public List<Member> members(Course course, Role role) {
    return db.read(
        em ->
            em.createQuery(
                    "select m from Member m join fetch m.person"
                        + " where m.course.id = :c and m.active = true"
                        + " and m.roles like :role order by m.person.familyName, m.person.name",
                    Member.class)
                .setParameter("c", course.id())
                .setParameter("role", "%" + role.name() + "%")
                .getResultList());
  }

  /** The roles a person holds in a course (empty when not a member). */
  public Set<Role> rolesIn(Person person, Course course) {
    return db.read(
        em ->
            em
                .createQuery(
                    "select m from Member m where m.course.id = :c and m.person.id = :p"
                        + " and m.active = true",
                    Member.class)
                .setParameter("c", course.id())
                .setParameter("p", person.id())
                .getResultList()
                .stream()
                .findFirst()
                .map(Member::roles)
                .orElse(Set.of()));
  }
}
