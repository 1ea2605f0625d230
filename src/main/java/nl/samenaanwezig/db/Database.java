package nl.samenaanwezig.db;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import nl.samenaanwezig.config.AppConfig;
import org.eclipse.persistence.jpa.JpaHelper;
import org.eclipse.persistence.sessions.server.ConnectionPool;
import org.eclipse.persistence.sessions.server.ServerSession;
import org.flywaydb.core.Flyway;

/**
 * The one database of an instance: schema through Flyway migrations only, entities through
 * EclipseLink (RESOURCE_LOCAL). Work runs in short transactions via {@link #tx} and {@link #read}.
 */
public final class Database implements AutoCloseable {

  private static final int CONFLICT_ATTEMPTS = 3;

  private final EntityManagerFactory emf;
  private final SchemaCheck schema;

  private Database(EntityManagerFactory emf, SchemaCheck schema) {
    this.emf = emf;
    this.schema = schema;
  }

  /** Migrates the schema to the newest version, then opens the persistence unit. */
  public static Database open(AppConfig config) {
    if (config.embeddedDerby()) {
      tuneEmbeddedDerby();
    }
    // Nodes starting at once: Flyway's lock on the schema history lets one migrate at a time.
    Flyway flyway =
        Flyway.configure()
            .dataSource(config.dbUrl(), config.dbUser(), config.dbPassword())
            .locations("classpath:db/migration")
            .load();
    flyway.migrate();
    SchemaCheck schema = SchemaCheck.of(flyway);
    Map<String, Object> props = new HashMap<>();
    props.put("jakarta.persistence.jdbc.url", config.dbUrl());
    props.put("jakarta.persistence.jdbc.user", config.dbUser());
    props.put("jakarta.persistence.jdbc.password", config.dbPassword());
    props.put("jakarta.persistence.jdbc.driver", driverFor(config.dbUrl()));
    return new Database(Persistence.createEntityManagerFactory("samen", props), schema);
  }

  /**
   * True when the database answers and holds every migration this build knows, applied
   * successfully: one indexed read of the schema history. False (never an exception) otherwise.
   */
  public boolean ready() {
    try {
      return read(schema::holds);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The persistence unit's own connection pools, for the metrics. */
  public List<Pool> pools() {
    ServerSession session = (ServerSession) JpaHelper.getServerSession(emf);
    List<Pool> pools = new ArrayList<>();
    session.getConnectionPools().forEach((name, pool) -> pools.add(Pool.of(name, pool)));
    if (session.getReadConnectionPool() != null
        && !session.getConnectionPools().containsValue(session.getReadConnectionPool())) {
      pools.add(Pool.of("read", session.getReadConnectionPool()));
    }
    return pools;
  }

  /** One connection pool: its name, the most it opens, and live counts. */
  public record Pool(String name, int max, IntSupplier open, IntSupplier idle) {
    static Pool of(String name, ConnectionPool pool) {
      return new Pool(
          name,
          pool.getMaxNumberOfConnections(),
          pool::getTotalNumberOfConnections,
          () -> pool.getConnectionsAvailable().size());
    }
  }

  /**
   * Engine settings for embedded Derby, read when the engine boots; a value the operator set with
   * -D wins. Identity values come from Derby's sequence generators, which refill their preallocated
   * range in a nested transaction: with the default range of 100, concurrent inserts (a class that
   * opens the tool at once) made Derby give up on that lock (40XL1, DERBY-6934/DERBY-6999). A
   * restart without a clean Derby shutdown skips at most this many ids per table.
   *
   * <p>Derby writes its log synchronously each time a log buffer is full, in the writing thread:
   * with the default 32 KiB buffers a bulk import (a log record for every row and index entry)
   * waited on a disk write every few dozen marks. 1 MiB buffers (three of them) and 16 MiB log
   * files make those waits rare; a commit still forces the log to disk as before, and recovery
   * still starts at the last checkpoint (every 10 MB of log, Derby's default).
   */
  private static void tuneEmbeddedDerby() {
    System.getProperties().putIfAbsent("derby.language.sequence.preallocator", "1000");
    System.getProperties().putIfAbsent("derby.storage.logBufferSize", String.valueOf(1 << 20));
    System.getProperties().putIfAbsent("derby.storage.logSwitchInterval", String.valueOf(16 << 20));
  }

  private static String driverFor(String url) {
    if (url.startsWith("jdbc:postgresql:")) {
      return "org.postgresql.Driver";
    }
    if (url.startsWith("jdbc:derby://")) {
      return "org.apache.derby.client.ClientAutoloadedDriver";
    }
    return "org.apache.derby.iapi.jdbc.AutoloadedDriver";
  }

  /** Runs work in one transaction and returns its result; rolls back on any exception. */
  public <T> T tx(Function<EntityManager, T> work) {
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      T result = work.apply(em);
      tx.commit();
      return result;
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
      em.close();
    }
  }

  /**
   * Like {@link #tx}, for find-or-create work that may lose a race: when a concurrent transaction
   * inserted the same unique key first, or the database gave up waiting for a lock or chose this
   * transaction as a deadlock victim, the work runs again (at most three times in all) in a new
   * transaction, which then finds what the other one made.
   */
  public <T> T txRetryingConflicts(Function<EntityManager, T> work) {
    return retryingConflicts(() -> tx(work));
  }

  /**
   * Runs work that opens its own transactions (e.g. a find-or-create followed by a save) and runs
   * it again, at most three times in all, when it lost a race as in {@link #txRetryingConflicts}.
   * The work must be safe to repeat: each attempt reads again what the others committed.
   */
  public <T> T retryingConflicts(Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (RuntimeException e) {
        // EclipseLink reports a failed commit as RollbackException, a failed flush as
        // PersistenceException; either way the SQLException is in the cause chain.
        if (attempt == CONFLICT_ATTEMPTS || !lostRace(e)) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  /**
   * Waits a few milliseconds, a random time for each thread: two transactions that collided and
   * start again at the same moment would otherwise collide again, and again (seen with Derby's
   * identity generator, 40XL1, when two first writes of a table run at once).
   */
  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 20L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** SQLState 23505 (unique key taken) or class 40 (rolled back: deadlock, lock timeout). */
  public static boolean lostRace(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.equals("23505") || state.startsWith("40")) {
          return true;
        }
      }
    }
    return false;
  }

  /** Runs work in one transaction without a result. */
  public void run(Consumer<EntityManager> work) {
    tx(
        em -> {
          work.accept(em);
          return null;
        });
  }

  /** Reads without a transaction of its own. */
  public <T> T read(Function<EntityManager, T> work) {
    EntityManager em = emf.createEntityManager();
    try {
      return work.apply(em);
    } finally {
      em.close();
    }
  }

  @Override
  public void close() {
    emf.close();
  }
}
