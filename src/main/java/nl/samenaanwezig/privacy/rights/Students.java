package nl.samenaanwezig.privacy.rights;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Person;

/** Finding students of one institution, for its administrators' privacy tasks. */
public final class Students {
  private static final int LIMIT = 25;

  private final Database db;

  public Students(Database db) {
    this.db = db;
  }

  /** A student with a membership as student in a course of one of the institution's platforms. */
  public Optional<Person> of(long institutionId, long personId) {
    return db.read(
        em ->
            em
                .createQuery(
                    "select m.person from Member m where m.person.id = :p"
                        + " and m.person.platform.institution.id = :i"
                        + " and m.roles like '%STUDENT%'",
                    Person.class)
                .setParameter("p", personId)
                .setParameter("i", institutionId)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst());
  }

  /** Students whose name or e-mail contains the text, or whose platform user id is the text. */
  public List<Person> search(long institutionId, String text) {
    String q = "%" + text.strip().toLowerCase(Locale.ROOT) + "%";
    return db.read(
        em ->
            em.createQuery(
                    "select distinct p from Person p, Member m where m.person = p"
                        + " and p.platform.institution.id = :i and m.roles like '%STUDENT%'"
                        + " and (lower(p.name) like :q or lower(p.email) like :q"
                        + " or p.subject = :exact) order by p.id",
                    Person.class)
                .setParameter("i", institutionId)
                .setParameter("q", q)
                .setParameter("exact", text.strip())
                .setMaxResults(LIMIT)
                .getResultList());
  }

  /** The one student with this platform user id or e-mail address in the institution. */
  public Optional<Person> byIdentifier(long institutionId, String identifier) {
    List<Person> found =
        db.read(
            em ->
                em.createQuery(
                        "select distinct p from Person p, Member m where m.person = p"
                            + " and p.platform.institution.id = :i and m.roles like '%STUDENT%'"
                            + " and (p.subject = :x or lower(p.email) = :lower)",
                        Person.class)
                    .setParameter("i", institutionId)
                    .setParameter("x", identifier)
                    .setParameter("lower", identifier.toLowerCase(Locale.ROOT))
                    .getResultList());
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }
}
