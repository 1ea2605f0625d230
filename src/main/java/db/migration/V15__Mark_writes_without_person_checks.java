package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the foreign keys from {@code mark.registered_by} and {@code mark_change.changed_by} to
 * {@code person}. Embedded Derby backs every foreign key with an index of its own, so each one cost
 * an index insert and a lookup for every mark written; a bulk import of a school year writes a
 * million. No query reads these columns by value, a person row is never deleted (erasure anonymises
 * it), and every writer takes the id from a signed-in person. The keys that carry the model (a
 * mark's lesson and student, a change's mark) stay.
 *
 * <p>In Java because V5 left these constraints unnamed: the generated names differ per database
 * (Derby {@code SQL…}, PostgreSQL {@code mark_registered_by_fkey}) and are read from the JDBC
 * metadata; the statement itself is standard SQL.
 */
public class V15__Mark_writes_without_person_checks extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    dropForeignKey(c, "mark", "registered_by");
    dropForeignKey(c, "mark_change", "changed_by");
  }

  private static void dropForeignKey(Connection c, String table, String column)
      throws SQLException {
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
}
