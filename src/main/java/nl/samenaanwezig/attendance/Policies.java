package nl.samenaanwezig.attendance;

import jakarta.persistence.EntityManager;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads an institution's category policy (table {@code attendance_category}). */
public final class Policies {
  private Policies() {}

  public static CategoryPolicy of(EntityManager em, long institutionId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT category, excused FROM attendance_category WHERE institution_id = ?")
            .setParameter(1, institutionId)
            .getResultList();
    Map<MarkCategory, Boolean> excused = new EnumMap<>(MarkCategory.class);
    for (Object[] row : rows) {
      MarkCategory.parse(String.valueOf(row[0]))
          .ifPresent(c -> excused.put(c, Boolean.TRUE.equals(row[1])));
    }
    return new CategoryPolicy(excused);
  }
}
