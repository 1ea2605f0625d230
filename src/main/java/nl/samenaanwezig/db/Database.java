package nl.samenaanwezig.db;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import nl.samenaanwezig.config.AppConfig;
import org.flywaydb.core.Flyway;

/**
 * The one database of an instance: schema through Flyway migrations only, entities through
 * EclipseLink (RESOURCE_LOCAL). Work runs in short transactions via {@link #tx} and {@link #read}.
 */
public final class Database implements AutoCloseable {

  private final EntityManagerFactory emf;

  private Database(EntityManagerFactory emf) {
    this.emf = emf;
  }

  /** Migrates the schema to the newest version, then opens the persistence unit. */
  public static Database open(AppConfig config) {
    Flyway.configure()
        .dataSource(config.dbUrl(), config.dbUser(), config.dbPassword())
        .locations("classpath:db/migration")
        .load()
        .migrate();
    Map<String, Object> props = new HashMap<>();
    props.put("jakarta.persistence.jdbc.url", config.dbUrl());
    props.put("jakarta.persistence.jdbc.user", config.dbUser());
    props.put("jakarta.persistence.jdbc.password", config.dbPassword());
    props.put("jakarta.persistence.jdbc.driver", driverFor(config.dbUrl()));
    return new Database(Persistence.createEntityManagerFactory("samen", props));
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
