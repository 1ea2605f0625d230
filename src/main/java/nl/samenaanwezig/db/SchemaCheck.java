package nl.samenaanwezig.db;

import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.Comparator;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Whether the database holds this build's schema: the newest migration the build ships is in
 * Flyway's schema history, applied successfully. A database restored from an older backup, or
 * emptied, fails the check, while one already migrated further by a newer node passes.
 */
record SchemaCheck(String table, String newestVersion) {

  static SchemaCheck of(Flyway flyway) {
    String newest =
        Arrays.stream(flyway.info().all())
            .filter(m -> m.getVersion() != null && m.getState().isResolved())
            .map(MigrationInfo::getVersion)
            .max(Comparator.naturalOrder())
            .map(MigrationVersion::getVersion)
            .orElseThrow(() -> new IllegalStateException("no migrations in db/migration"));
    return new SchemaCheck(flyway.getConfiguration().getTable(), newest);
  }

  /** One read of the schema history by its version; a short query timeout keeps probes fast. */
  boolean holds(EntityManager em) {
    Number rows =
        (Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM \""
                        + table
                        + "\" WHERE \"version\" = ? AND \"success\" = ?")
                .setParameter(1, newestVersion)
                .setParameter(2, true)
                .setHint("jakarta.persistence.query.timeout", 3000)
                .getSingleResult();
    return rows.longValue() > 0;
  }
}
