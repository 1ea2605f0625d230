package nl.samenaanwezig.attendance.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Collections;
import nl.samenaanwezig.attendance.MarkCategory;

/**
 * New marks of one import transaction, inserted {@value #ROWS} rows per {@code INSERT … VALUES}:
 * Derby opens the table, its indexes and the foreign-key checks once per statement, which in a JDBC
 * batch of single-row inserts it does for every row. The rest goes in one batch.
 */
final class NewMarks implements AutoCloseable {
  static final int ROWS = 100;
  private static final String INSERT =
      "INSERT INTO mark (lesson_id, person_id, category, late_minutes, registered_by,"
          + " registered_via, registered_at) VALUES ";
  private static final String ROW = "(?, ?, ?, ?, ?, ?, ?)";

  private final Connection c;
  private final String via;
  private final Long by;
  private final Timestamp at;
  private final long[] lessons = new long[ROWS];
  private final long[] persons = new long[ROWS];
  private final String[] categories = new String[ROWS];
  private final int[] lates = new int[ROWS];
  private int pending;
  private PreparedStatement many;

  NewMarks(Connection c, String via, Long by, Timestamp at) {
    this.c = c;
    this.via = via;
    this.by = by;
    this.at = at;
  }

  void add(long lessonId, long personId, MarkCategory category, int lateMinutes)
      throws SQLException {
    lessons[pending] = lessonId;
    persons[pending] = personId;
    categories[pending] = category.name();
    lates[pending] = lateMinutes;
    if (++pending == ROWS) {
      if (many == null) {
        many = c.prepareStatement(INSERT + String.join(", ", Collections.nCopies(ROWS, ROW)));
      }
      for (int i = 0; i < ROWS; i++) {
        bind(many, i * 7, i);
      }
      many.executeUpdate();
      pending = 0;
    }
  }

  /** Writes the marks that did not fill a whole statement. */
  void flush() throws SQLException {
    if (pending == 0) {
      return;
    }
    try (PreparedStatement one = c.prepareStatement(INSERT + ROW)) {
      for (int i = 0; i < pending; i++) {
        bind(one, 0, i);
        one.addBatch();
      }
      one.executeBatch();
    }
    pending = 0;
  }

  private void bind(PreparedStatement ps, int offset, int row) throws SQLException {
    ps.setLong(offset + 1, lessons[row]);
    ps.setLong(offset + 2, persons[row]);
    ps.setString(offset + 3, categories[row]);
    ps.setInt(offset + 4, lates[row]);
    if (by == null) {
      ps.setNull(offset + 5, Types.BIGINT);
    } else {
      ps.setLong(offset + 5, by);
    }
    ps.setString(offset + 6, via);
    ps.setTimestamp(offset + 7, at);
  }

  @Override
  public void close() throws SQLException {
    if (many != null) {
      many.close();
    }
  }
}
