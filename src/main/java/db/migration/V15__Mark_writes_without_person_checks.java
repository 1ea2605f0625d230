package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
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
 * <p>In Java because V5 left these constraints unnamed (see {@link ForeignKeys}).
 */
public class V15__Mark_writes_without_person_checks extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    ForeignKeys.drop(c, "mark", "registered_by");
    ForeignKeys.drop(c, "mark_change", "changed_by");
  }
}
