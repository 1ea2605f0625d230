package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On Apache Derby only: drops the foreign keys of the two tables a bulk import fills, {@code mark}
 * (to {@code lesson} and {@code person}) and {@code presence_day} (to {@code course} and {@code
 * person}).
 *
 * <p>Derby checks a foreign key with a lookup in the parent's index for every row written and backs
 * it with an index of its own, so each key cost an index insert and a lookup per row; for a first
 * import of a school year (1,000,000 marks) that was about half of the CPU (docs/benchmarks.md).
 * The indexes the queries use stay: {@code mark_unique (lesson_id, person_id)} for every read of
 * marks, which goes by course and lesson, also for one student (a student's marks across courses
 * are read through their memberships); the primary key and the course and student indexes of {@code
 * presence_day}. V5's {@code mark_person} was never made on Derby: a duplicate of the key's own
 * index is only a warning there.
 *
 * <p>What the keys guarded still holds: lessons, courses and persons are never deleted (erasure
 * anonymises a person and keeps the marks), every writer takes a mark's lesson and student from
 * rows it read or created (the lesson it registers or imports, a member of the lesson's course),
 * and {@code presence_day} is computed from the marks.
 *
 * <p>PostgreSQL keeps the keys: there a foreign key needs no index of its own and its check is
 * cheap next to the insert.
 */
public class V17__Bulk_writes_without_key_lookups_on_derby extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    if (!ForeignKeys.derby(c)) {
      return;
    }
    ForeignKeys.drop(c, "mark", "lesson_id");
    ForeignKeys.drop(c, "mark", "person_id");
    ForeignKeys.drop(c, "presence_day", "course_id");
    ForeignKeys.drop(c, "presence_day", "person_id");
  }
}
