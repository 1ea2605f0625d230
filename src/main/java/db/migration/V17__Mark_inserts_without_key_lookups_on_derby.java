package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On Apache Derby only: drops the foreign keys from {@code mark.lesson_id} to {@code lesson} and
 * from {@code mark.person_id} to {@code person}.
 *
 * <p>Derby checks a foreign key with a lookup in the parent's index for every row written and backs
 * it with an index of its own; the one on {@code lesson_id} duplicates the leading column of {@code
 * mark_unique (lesson_id, person_id)}, which serves every query by lesson. The one on {@code
 * person_id} is the index by student: V5's {@code CREATE INDEX mark_person} on the same column was
 * only a warning on Derby (a duplicate index is not made), so {@code mark_person} is made here, as
 * it is on PostgreSQL. What the keys guarded still holds: lessons, courses and persons are never
 * deleted (erasure anonymises a person and keeps the marks), and every writer takes both ids from
 * rows it read or created in the same transaction: the lesson it registers or imports, a student
 * from the course's roster.
 *
 * <p>PostgreSQL keeps both keys: there a foreign key needs no index of its own and its check is
 * cheap next to the insert.
 */
public class V17__Mark_inserts_without_key_lookups_on_derby extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    if (!ForeignKeys.derby(c)) {
      return;
    }
    ForeignKeys.drop(c, "mark", "lesson_id");
    ForeignKeys.drop(c, "mark", "person_id");
    try (Statement s = c.createStatement()) {
      s.execute("CREATE INDEX mark_person ON mark (person_id)");
    }
  }
}
