package nl.samenaanwezig.attendance.calendar;

import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import nl.samenaanwezig.attendance.SchoolCalendar;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.db.Sql;

/**
 * An institution's holidays and days off (table {@code school_holiday}): prefilled from a region,
 * added, changed and removed one by one. No two may share a day; a write that would make them is
 * refused whole and names the holidays in the way.
 */
public final class SchoolHolidays {
  private final Database db;

  private LongConsumer changed = institution -> {};

  /**
   * Who hears that an institution's holidays changed (the signal list, which counts school weeks).
   */
  public void whenChanged(LongConsumer listener) {
    this.changed = listener;
  }

  private <T> T changing(long institutionId, T outcome) {
    changed.accept(institutionId);
    return outcome;
  }

  public SchoolHolidays(Database db) {
    this.db = db;
  }

  /** A stored holiday; {@code region} is null for the school's own. */
  public record Row(long id, SchoolCalendar.Holiday holiday, Region region) {}

  /** What a write did: how many holidays it stored, or the holidays in the way. */
  public record Outcome(int stored, List<SchoolCalendar.Holiday> clashes) {
    public boolean ok() {
      return clashes.isEmpty();
    }
  }

  public List<Row> of(long institutionId) {
    return db.read(em -> rows(em, institutionId, ""));
  }

  public Optional<Row> find(long institutionId, long id) {
    return of(institutionId).stream().filter(r -> r.id() == id).findFirst();
  }

  /** The region the official holidays came from, while any of them is left. */
  public Optional<Region> region(long institutionId) {
    return of(institutionId).stream().map(Row::region).filter(r -> r != null).findFirst();
  }

  public Outcome add(long institutionId, SchoolCalendar.Holiday holiday) {
    return changing(
        institutionId,
        db.tx(
            em -> {
              List<SchoolCalendar.Holiday> clashes =
                  clashes(rows(em, institutionId, ""), holiday, -1);
              if (clashes.isEmpty()) {
                insert(em, institutionId, holiday, null);
              }
              return new Outcome(clashes.isEmpty() ? 1 : 0, clashes);
            }));
  }

  /** Changes a holiday; a changed official holiday becomes the school's own. */
  public Outcome change(long institutionId, long id, SchoolCalendar.Holiday holiday) {
    return changing(
        institutionId,
        db.tx(
            em -> {
              List<SchoolCalendar.Holiday> clashes =
                  clashes(rows(em, institutionId, ""), holiday, id);
              if (!clashes.isEmpty()) {
                return new Outcome(0, clashes);
              }
              int updated =
                  em.createNativeQuery(
                          "UPDATE school_holiday SET first_day = ?, last_day = ?, name = ?,"
                              + " region = NULL WHERE id = ? AND institution_id = ?")
                      .setParameter(1, Date.valueOf(holiday.firstDay()))
                      .setParameter(2, Date.valueOf(holiday.lastDay()))
                      .setParameter(3, holiday.name())
                      .setParameter(4, id)
                      .setParameter(5, institutionId)
                      .executeUpdate();
              return new Outcome(updated, List.of());
            }));
  }

  public boolean remove(long institutionId, long id) {
    return changing(
        institutionId,
        db.tx(
                em ->
                    em.createNativeQuery(
                            "DELETE FROM school_holiday WHERE id = ? AND institution_id = ?")
                        .setParameter(1, id)
                        .setParameter(2, institutionId)
                        .executeUpdate())
            > 0);
  }

  /**
   * Replaces the holidays an earlier region choice stored by the official ones of {@code region}.
   * The school's own days stay; when one of them shares a day with an official holiday, nothing is
   * stored and the clashes are named.
   */
  public Outcome prefill(long institutionId, Region region) {
    return changing(
        institutionId,
        db.tx(
            em -> {
              List<Row> own = rows(em, institutionId, " AND region IS NULL");
              List<SchoolCalendar.Holiday> clashes = new ArrayList<>();
              for (SchoolCalendar.Holiday h : OfficialHolidays.of(region)) {
                clashes(own, h, -1).stream()
                    .filter(c -> !clashes.contains(c))
                    .forEach(clashes::add);
              }
              if (!clashes.isEmpty()) {
                return new Outcome(0, clashes);
              }
              em.createNativeQuery(
                      "DELETE FROM school_holiday WHERE institution_id = ? AND region IS NOT NULL")
                  .setParameter(1, institutionId)
                  .executeUpdate();
              List<SchoolCalendar.Holiday> official = OfficialHolidays.of(region);
              official.forEach(h -> insert(em, institutionId, h, region));
              return new Outcome(official.size(), List.of());
            }));
  }

  private static List<SchoolCalendar.Holiday> clashes(
      List<Row> existing, SchoolCalendar.Holiday holiday, long except) {
    return existing.stream()
        .filter(r -> r.id() != except && r.holiday().overlaps(holiday))
        .map(Row::holiday)
        .toList();
  }

  private static List<Row> rows(EntityManager em, long institutionId, String condition) {
    List<Row> rows = new ArrayList<>();
    for (Object[] r :
        Sql.rows(
            em,
            "SELECT id, first_day, last_day, name, region FROM school_holiday"
                + " WHERE institution_id = ?"
                + condition
                + " ORDER BY first_day, id",
            List.of(institutionId))) {
      rows.add(
          new Row(
              Sql.number(r[0]),
              new SchoolCalendar.Holiday(
                  ((Date) r[1]).toLocalDate(), ((Date) r[2]).toLocalDate(), String.valueOf(r[3])),
              r[4] == null ? null : Region.parse(String.valueOf(r[4])).orElse(null)));
    }
    return rows;
  }

  private static void insert(
      EntityManager em, long institutionId, SchoolCalendar.Holiday h, Region region) {
    em.createNativeQuery(
            "INSERT INTO school_holiday (institution_id, first_day, last_day, name, region)"
                + " VALUES (?, ?, ?, ?, CAST(? AS VARCHAR(8)))")
        .setParameter(1, institutionId)
        .setParameter(2, Date.valueOf(h.firstDay()))
        .setParameter(3, Date.valueOf(h.lastDay()))
        .setParameter(4, h.name())
        .setParameter(5, region == null ? null : region.code())
        .executeUpdate();
  }
}
