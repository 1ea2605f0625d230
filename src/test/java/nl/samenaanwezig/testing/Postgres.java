package nl.samenaanwezig.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for the tests that run on PostgreSQL ({@code -Dsamen.test.db=
 * postgres}): started once per test JVM from the machine's own binaries (Debian's {@code
 * postgresql} package, which {@code .ci/run} installs when missing), in a temporary folder, on a
 * free port of 127.0.0.1 only, without fsync; each {@link ToolServer} gets a database of its own.
 * Stopped and removed when the JVM ends. As root, the server runs as the {@code postgres} user,
 * because PostgreSQL refuses to run as root.
 */
public final class Postgres {
  /** The system property that moves the tests' {@link ToolServer}s to PostgreSQL. */
  public static final String SWITCH = "samen.test.db";

  private static final String USER = "samen";
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static Postgres server;

  private final Path bin;
  private final Path data;
  private final int port;

  private Postgres(Path bin, Path data, int port) {
    this.bin = bin;
    this.data = data;
    this.port = port;
  }

  /** True when this test run asked for PostgreSQL instead of Derby. */
  public static boolean wanted() {
    return "postgres".equals(System.getProperty(SWITCH));
  }

  /** The JDBC URL of a new, empty database on the shared server (started on first use). */
  public static synchronized String freshDatabaseUrl() {
    if (server == null) {
      server = start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop test PostgreSQL"));
    }
    String name = "sa_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(server.url("postgres"));
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("no test database " + name, e);
    }
    return server.url(name);
  }

  private String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER;
  }

  private static Postgres start() {
    Path bin = binaries();
    try {
      Path data = Files.createTempDirectory("sa-pg-");
      if (root()) {
        UserPrincipal owner =
            data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        Files.setOwner(data, owner);
      }
      Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
      Path cluster = data.resolve("cluster");
      run(
          bin,
          "initdb",
          "-D",
          cluster.toString(),
          "-U",
          USER,
          "--auth=trust",
          "-E",
          "UTF8",
          "--locale=C",
          "--no-sync");
      int port = freePort();
      run(
          bin,
          "pg_ctl",
          "-D",
          cluster.toString(),
          "-l",
          data.resolve("server.log").toString(),
          "-w",
          "-t",
          "60",
          "-o",
          String.join(
              " ",
              "-p " + port,
              "-k " + data,
              "-c listen_addresses=127.0.0.1",
              "-c max_connections=400",
              "-c fsync=off",
              "-c synchronous_commit=off",
              "-c full_page_writes=off"),
          "start");
      return new Postgres(bin, data, port);
    } catch (IOException e) {
      throw new UncheckedIOException("test PostgreSQL did not start", e);
    }
  }

  private void stop() {
    try {
      run(bin, "pg_ctl", "-D", data.resolve("cluster").toString(), "-m", "immediate", "stop");
    } finally {
      try (Stream<Path> all = Files.walk(data)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // The folder is in the temporary directory; the machine clears it in time.
      }
    }
  }

  /** The folder of initdb and pg_ctl: on the PATH, else the newest Debian cluster version. */
  private static Path binaries() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path initdb = Path.of(dir.isEmpty() ? "." : dir, "initdb");
      if (!dir.isEmpty() && Files.isExecutable(initdb)) {
        try {
          return initdb.toRealPath().getParent();
        } catch (IOException e) {
          return initdb.getParent();
        }
      }
    }
    Path debian = Path.of("/usr/lib/postgresql");
    try (Stream<Path> versions = Files.list(debian)) {
      Optional<Path> newest =
          versions
              .map(v -> v.resolve("bin"))
              .filter(b -> Files.isExecutable(b.resolve("initdb")))
              .max(
                  Comparator.comparing(
                      b -> Integer.parseInt(b.getParent().getFileName().toString())));
      if (newest.isPresent()) {
        return newest.get();
      }
    } catch (IOException | NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalStateException(
        "The tests on PostgreSQL need its server programs (initdb, pg_ctl): apt-get install"
            + " postgresql, or run them on Derby without -D"
            + SWITCH
            + "=postgres.");
  }

  private static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void run(Path bin, String program, String... args) {
    List<String> command = new ArrayList<>();
    if (root()) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(Arrays.asList(args));
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .directory(Path.of("/").toFile())
              .start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(String.join(" ", command), e);
    }
  }
}
