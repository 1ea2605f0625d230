package nl.samenaanwezig.attendance;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;

/** Lets benchmarks rebuild day figures after writing marks with plain JDBC. */
public final class BenchAccess {
  private BenchAccess() {}

  public static void rebuild(EntityManager em, long courseId, LocalDate from, LocalDate to) {
    PresenceDays.rebuild(em, courseId, from, to, CategoryPolicy.defaults());
  }
}
