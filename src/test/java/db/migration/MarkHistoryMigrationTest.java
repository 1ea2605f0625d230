package db.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V17 and V19 on a database that already holds marks: the history written before V19 (a first
 * registration row, then change rows) reads as the history written after it, and on Derby the
 * mark's lesson and student keys are gone while its indexes stay.
 */
class MarkHistoryMigrationTest {
  private final String url = "jdbc:derby:memory:migration-" + UUID.randomUUID() + ";create=true";

  private void migrateTo(String version) {
    Flyway.configure()
        .dataSource(url, "", "")
        .locations("classpath:db/migration")
        .target(version)
        .load()
        .migrate();
  }

  @Test
  void changesWrittenBeforeV19GetTheRegistrationTheyReplaced() throws SQLException {
    migrateTo("17");
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      // V17 dropped the keys to lesson and person, so a mark needs no parent rows here.
      s.execute(
          "INSERT INTO mark (id, lesson_id, person_id, category, late_minutes, registered_by,"
              + " registered_via, registered_at)"
              + " VALUES (7, 1, 2, 'SICK', 0, 31, 'API', TIMESTAMP('2026-11-18 10:00:00'))");
      s.execute(
          "INSERT INTO mark_change (id, mark_id, old_category, old_late_minutes, new_category,"
              + " new_late_minutes, changed_by, changed_via, changed_at) VALUES"
              + " (1, 7, NULL, NULL, 'PRESENT', 0, 11, 'MANUAL', TIMESTAMP('2026-11-16 09:00:00')),"
              + " (2, 7, 'PRESENT', 0, 'LATE', 5, 21, 'CSV', TIMESTAMP('2026-11-17 12:00:00')),"
              + " (3, 7, 'LATE', 5, 'SICK', 0, 31, 'API', TIMESTAMP('2026-11-18 10:00:00'))");
    }
    migrateTo("19");
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT id, old_by, old_via, old_at FROM mark_change ORDER BY id")) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(
            rs.getLong(1) + " " + rs.getObject(2) + " " + rs.getString(3) + " " + rs.getString(4));
      }
      assertEquals(
          List.of(
              "1 null null null",
              "2 11 MANUAL 2026-11-16 09:00:00.0",
              "3 21 CSV 2026-11-17 12:00:00.0"),
          rows);
    }
  }

  @Test
  void onDerbyTheBulkTablesKeepTheirIndexesButNotTheirKeys() throws SQLException {
    migrateTo("17");
    try (Connection c = DriverManager.getConnection(url)) {
      assertEquals(List.of(), keys(c, "MARK"));
      assertEquals(List.of(), keys(c, "PRESENCE_DAY"));
      assertEquals(
          List.of("ID", "LESSON_ID,PERSON_ID"), indexes(c, "MARK"), "primary key, mark_unique");
      assertEquals(
          List.of(
              "COURSE_ID,DAY,PERSON_ID,LESSONS,SCHEDULED_MINUTES,ATTENDED_MINUTES,"
                  + "UNEXCUSED_MINUTES,LATE_COUNT,SICK_LESSONS,LUXURY_LESSONS",
              "COURSE_ID,PERSON_ID,DAY",
              "PERSON_ID,DAY"),
          indexes(c, "PRESENCE_DAY"));
    }
  }

  private static List<String> keys(Connection c, String table) throws SQLException {
    List<String> keys = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getImportedKeys(null, c.getSchema(), table)) {
      while (rs.next()) {
        keys.add(rs.getString("FKCOLUMN_NAME"));
      }
    }
    return keys;
  }

  /** Each index's columns, comma-separated, sorted. */
  private static List<String> indexes(Connection c, String table) throws SQLException {
    java.util.Map<String, String> columns = new java.util.TreeMap<>();
    try (ResultSet rs = c.getMetaData().getIndexInfo(null, c.getSchema(), table, false, false)) {
      while (rs.next()) {
        columns.merge(
            rs.getString("INDEX_NAME"), rs.getString("COLUMN_NAME"), (a, b) -> a + "," + b);
      }
    }
    return columns.values().stream().sorted().toList();
  }
}
