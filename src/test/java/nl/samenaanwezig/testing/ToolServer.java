package nl.samenaanwezig.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import nl.samenaanwezig.config.AppConfig;
import nl.samenaanwezig.db.Database;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The real WAR (web.xml, webapp/, our classes) in embedded Jetty on 127.0.0.1 with its own Derby
 * database (in memory, or on disk like production), or its own database on a test PostgreSQL with
 * {@code -Dsamen.test.db=postgres} ({@link Postgres}; demo mode runs on Derby only), reached as
 * http://localhost:PORT.
 */
public final class ToolServer implements AutoCloseable {
  private final Server server;
  private final AppConfig config;
  private final int port;
  private Database db;

  private ToolServer(Server server, AppConfig config, int port) {
    this.server = server;
    this.config = config;
    this.port = port;
  }

  public static ToolServer start() {
    return start(false);
  }

  /** Starts the tool; {@code demo} switches on the built-in demo platform. */
  public static ToolServer start(boolean demo) {
    return start(demo, UnaryOperator.identity());
  }

  /**
   * Starts the tool in demo mode and opens {@code /demo} once, which seeds the demo school; on a
   * busy machine the first seeding can outlast a request, so it is asked up to five times.
   */
  public static ToolServer startSeededDemo() {
    ToolServer tool = start(true);
    for (int attempt = 1; ; attempt++) {
      try {
        new Browser().get(tool.baseUrl() + "/demo");
        return tool;
      } catch (IllegalStateException slow) {
        if (attempt == 5) {
          tool.close();
          throw slow;
        }
      }
    }
  }

  /** Starts the tool with adjusted settings, e.g. {@code c -> c.withServices(...)}. */
  public static ToolServer start(UnaryOperator<AppConfig> settings) {
    return start(false, settings);
  }

  /**
   * Starts the tool with more parts handed in as context attributes under their class name, the way
   * {@code Startup} looks for them (e.g. the meetings' {@code MailSettings} for GreenMail).
   */
  public static ToolServer startWith(Object... contextAttributes) {
    return start(false, UnaryOperator.identity(), contextAttributes);
  }

  private static ToolServer start(
      boolean demo, UnaryOperator<AppConfig> settings, Object... contextAttributes) {
    return start(settings.apply(freshConfig(demo)), contextAttributes);
  }

  /**
   * Default settings on a new, empty database (in-memory Derby, or PostgreSQL with {@code
   * -Dsamen.test.db=postgres}). Two tools started with the same settings share that database, like
   * two nodes of one installation: in-memory Derby is shared by every tool in this JVM.
   */
  public static AppConfig freshConfig(boolean demo) {
    return new AppConfig(
        Postgres.wanted() && !demo
            ? Postgres.freshDatabaseUrl()
            : "jdbc:derby:memory:sa-" + UUID.randomUUID() + ";create=true",
        "",
        "",
        Optional.empty(),
        demo,
        Duration.ofHours(8));
  }

  /**
   * Starts the tool on an embedded Derby database in {@code dataDir}, as production runs it (the
   * database folder is {@code dataDir/db}, like {@code SA_DATA_DIR}); for measurements.
   */
  public static ToolServer startOnDisk(Path dataDir) {
    return start(
        new AppConfig(
            "jdbc:derby:" + dataDir.toAbsolutePath().resolve("db") + ";create=true",
            "",
            "",
            Optional.empty(),
            false,
            Duration.ofHours(8)));
  }

  /** Starts the tool with the given settings (and parts handed in as context attributes). */
  public static ToolServer start(AppConfig config, Object... contextAttributes) {
    Server server = new Server();
    // As src/main/jetty/jetty.xml does for `mvn jetty:run`: no Server header naming the version.
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    WebAppContext webapp = new WebAppContext();
    webapp.setContextPath("/");
    webapp.setBaseResourceAsString(Path.of("webapp").toAbsolutePath().toString());
    webapp.setParentLoaderPriority(true);
    webapp.setThrowUnavailableOnStartupException(true);
    webapp.setAttribute(AppConfig.class.getName(), config);
    for (Object attribute : contextAttributes) {
      webapp.setAttribute(attribute.getClass().getName(), attribute);
    }
    server.setHandler(webapp);
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("tool did not start", e);
    }
    return new ToolServer(server, config, connector.getLocalPort());
  }

  /** The tool's base URL; "localhost" so that a platform on 127.0.0.1 is another site. */
  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public int port() {
    return port;
  }

  public AppConfig config() {
    return config;
  }

  /** A second persistence unit on the tool's database, for set-up and assertions. */
  public synchronized Database db() {
    if (db == null) {
      db = Database.open(config);
    }
    return db;
  }

  /** A single number from SQL, e.g. {@code count("SELECT COUNT(*) FROM user_session")}. */
  public long count(String sql, Object... args) {
    try (Connection c = DriverManager.getConnection(config.dbUrl());
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @Override
  public void close() {
    try {
      if (db != null) {
        db.close();
      }
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("tool did not stop", e);
    }
    if (config.embeddedDerby() && !config.dbUrl().startsWith("jdbc:derby:memory:")) {
      shutDownDerby();
    }
  }

  /** Closes an on-disk Derby database so its folder can be removed; Derby answers with 08006. */
  private void shutDownDerby() {
    String url = config.dbUrl().replace(";create=true", "") + ";shutdown=true";
    try {
      DriverManager.getConnection(url).close();
    } catch (SQLException e) {
      if (!"08006".equals(e.getSQLState())) {
        throw new IllegalStateException("database did not shut down", e);
      }
    }
  }
}
