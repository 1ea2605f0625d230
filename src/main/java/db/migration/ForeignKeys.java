package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Drops a foreign key that an early migration left unnamed: the generated name differs per database
 * (Derby {@code SQL…}, PostgreSQL {@code mark_registered_by_fkey}), so it is read from the JDBC
 * metadata; the statement itself is standard SQL.
 */
final class ForeignKeys {
  private ForeignKeys() {}

  static void drop(Connection c, String table, String column) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    boolean upper = meta.storesUpperCaseIdentifiers();
    String tableName = upper ? table.toUpperCase(Locale.ROOT) : table;
    List<String> names = new ArrayList<>();
    try (ResultSet keys = meta.getImportedKeys(null, c.getSchema(), tableName)) {
      while (keys.next()) {
        if (keys.getString("FKCOLUMN_NAME").equalsIgnoreCase(column)) {
          names.add(keys.getString("FK_NAME"));
        }
      }
    }
    if (names.isEmpty()) {
      throw new IllegalStateException("no foreign key on " + table + "." + column);
    }
    try (Statement s = c.createStatement()) {
      for (String name : names) {
        s.execute(
            "ALTER TABLE " + table + " DROP CONSTRAINT \"" + name.replace("\"", "\"\"") + "\"");
      }
    }
  }

  /** Whether this is embedded or networked Apache Derby. */
  static boolean derby(Connection c) throws SQLException {
    return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("derby");
  }
}
