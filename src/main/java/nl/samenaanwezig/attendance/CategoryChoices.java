package nl.samenaanwezig.attendance;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.db.Sql;

/**
 * The institution's choice per mark category: does it count as excused (geoorloofd) or not. A
 * change is stored and the unexcused minutes of every day that holds such a mark are recomputed, in
 * one transaction, so the class pages, signals and exports follow at once.
 */
public final class CategoryChoices {
  private final Database db;

  private LongConsumer changed = institution -> {};

  /** Who hears that an institution's choices changed (the signal list, which counts hours). */
  public void whenChanged(LongConsumer listener) {
    this.changed = listener;
  }

  public CategoryChoices(Database db) {
    this.db = db;
  }

  /** One category as the settings page shows it. */
  public record Choice(MarkCategory category, boolean excused, boolean choosable) {}

  public List<Choice> of(long institutionId) {
    CategoryPolicy policy = db.read(em -> Policies.of(em, institutionId));
    List<Choice> choices = new ArrayList<>();
    for (MarkCategory c : MarkCategory.values()) {
      choices.add(new Choice(c, policy.isExcused(c), c.choosable()));
    }
    return choices;
  }

  /**
   * Saves the choices for the choosable categories; returns the categories that changed. The caller
   * has checked that only choosable categories are given.
   */
  public List<MarkCategory> save(long institutionId, Map<MarkCategory, Boolean> excused) {
    List<MarkCategory> changedCategories = store(institutionId, excused);
    if (!changedCategories.isEmpty()) {
      changed.accept(institutionId);
    }
    return changedCategories;
  }

  private List<MarkCategory> store(long institutionId, Map<MarkCategory, Boolean> excused) {
    return db.tx(
        em -> {
          CategoryPolicy before = Policies.of(em, institutionId);
          List<MarkCategory> changed = new ArrayList<>();
          excused.forEach(
              (category, value) -> {
                if (!category.choosable()) {
                  throw new IllegalArgumentException(category + " is fixed");
                }
                if (before.isExcused(category) != value) {
                  store(em, institutionId, category, value);
                  changed.add(category);
                }
              });
          if (changed.isEmpty()) {
            return changed;
          }
          CategoryPolicy after = Policies.of(em, institutionId);
          // One statement per course and category: each touches only that course's day rows.
          List<?> courses =
              em.createNativeQuery(
                      "SELECT c.id FROM course c JOIN platform p ON p.id = c.platform_id"
                          + " WHERE p.institution_id = ?")
                  .setParameter(1, institutionId)
                  .getResultList();
          for (Object course : courses) {
            for (MarkCategory category : changed) {
              PresenceDays.recomputeUnexcused(em, Sql.number(course), category, after);
            }
          }
          return changed;
        });
  }

  private static void store(
      EntityManager em, long institutionId, MarkCategory category, boolean excused) {
    int updated =
        em.createNativeQuery(
                "UPDATE attendance_category SET excused = ? WHERE institution_id = ?"
                    + " AND category = ?")
            .setParameter(1, excused)
            .setParameter(2, institutionId)
            .setParameter(3, category.name())
            .executeUpdate();
    if (updated == 0) {
      em.createNativeQuery(
              "INSERT INTO attendance_category (institution_id, category, excused) VALUES (?, ?, ?)")
          .setParameter(1, institutionId)
          .setParameter(2, category.name())
          .setParameter(3, excused)
          .executeUpdate();
    }
  }
}
