package nl.samenaanwezig.attendance;

import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;

/** Reads an institution's school holidays into a {@link SchoolCalendar}. */
public final class Holidays {
  private Holidays() {}

  public static SchoolCalendar of(EntityManager em, long institutionId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT first_day, last_day, name FROM school_holiday WHERE institution_id = ?"
                    + " ORDER BY first_day")
            .setParameter(1, institutionId)
            .getResultList();
    List<SchoolCalendar.Holiday> holidays = new ArrayList<>();
    for (Object[] r : rows) {
      holidays.add(
          new SchoolCalendar.Holiday(
              ((Date) r[0]).toLocalDate(), ((Date) r[1]).toLocalDate(), String.valueOf(r[2])));
    }
    return new SchoolCalendar(holidays);
  }
}
