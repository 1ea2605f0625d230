package nl.samenaanwezig.db;

import jakarta.persistence.EntityManager;
import java.util.List;

/** Small helpers for the native SQL that aggregates figures in the database. */
public final class Sql {
  private Sql() {}

  /** The rows of a native query with positional parameters, each row its columns in order. */
  public static List<Object[]> rows(EntityManager em, String sql, List<?> params) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < params.size(); i++) {
      query.setParameter(i + 1, params.get(i));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    return rows;
  }

  /** A numeric column as a long; SQL NULL (the sum of no rows) as 0. */
  public static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
