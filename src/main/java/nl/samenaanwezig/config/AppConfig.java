package nl.samenaanwezig.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Settings read once at start-up from system properties ({@code samen.*}) or environment variables
 * ({@code SA_*}); a system property wins.
 *
 * @param rosterMaxAge a mentor's launch refreshes a course roster older than this
 * @param serviceTimeout deadline of one call to a platform service (token, NRPS page)
 * @param importMaxBytes the largest attendance import (CSV upload) the tool accepts
 * @param idleTimeout a session not used for this long ends, well before its {@code sessionLifetime}
 *     (shared school computers)
 * @param metricsToken the bearer secret that opens {@code /metrics}; none: no metrics page
 * @param jobTick how often a node looks whether a scheduled job is due (and not taken by another)
 */
public record AppConfig(
    String dbUrl,
    String dbUser,
    String dbPassword,
    Optional<String> publicBaseUrl,
    boolean demoRequested,
    Duration sessionLifetime,
    Duration rosterMaxAge,
    Duration serviceTimeout,
    long importMaxBytes,
    Duration idleTimeout,
    Optional<String> metricsToken,
    Duration jobTick) {

  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);
  public static final Duration DEFAULT_ROSTER_MAX_AGE = Duration.ofMinutes(15);
  public static final Duration DEFAULT_SERVICE_TIMEOUT = Duration.ofSeconds(20);
  public static final long DEFAULT_IMPORT_MAX_MB = 64;
  public static final Duration DEFAULT_JOB_TICK = Duration.ofMinutes(1);

  /** A shorter bearer secret is too easy to guess; such a token is refused at start-up. */
  public static final int MIN_METRICS_TOKEN_LENGTH = 16;

  private static final long MB = 1024 * 1024;

  public AppConfig {
    if (importMaxBytes < 1) {
      throw new IllegalArgumentException("the import size limit must be positive");
    }
    // A session's last use is written at most once a minute, so the timeout is a minute coarse.
    if (idleTimeout.compareTo(Duration.ofMinutes(2)) < 0) {
      throw new IllegalArgumentException("the idle timeout must be at least two minutes");
    }
    if (metricsToken.isPresent() && metricsToken.get().length() < MIN_METRICS_TOKEN_LENGTH) {
      throw new IllegalArgumentException(
          "SA_METRICS_TOKEN must be at least " + MIN_METRICS_TOKEN_LENGTH + " characters");
    }
    if (jobTick.isNegative() || jobTick.isZero()) {
      throw new IllegalArgumentException("the job tick must be positive");
    }
  }

  /** Settings with the default roster age and service timeout. */
  public AppConfig(
      String dbUrl,
      String dbUser,
      String dbPassword,
      Optional<String> publicBaseUrl,
      boolean demoRequested,
      Duration sessionLifetime) {
    this(
        dbUrl,
        dbUser,
        dbPassword,
        publicBaseUrl,
        demoRequested,
        sessionLifetime,
        DEFAULT_ROSTER_MAX_AGE,
        DEFAULT_SERVICE_TIMEOUT,
        DEFAULT_IMPORT_MAX_MB * MB,
        DEFAULT_IDLE_TIMEOUT,
        Optional.empty(),
        DEFAULT_JOB_TICK);
  }

  /** The same settings with other roster and service timings (tests, benchmarks). */
  public AppConfig withServices(Duration rosterMaxAge, Duration serviceTimeout) {
    return new AppConfig(
        dbUrl,
        dbUser,
        dbPassword,
        publicBaseUrl,
        demoRequested,
        sessionLifetime,
        rosterMaxAge,
        serviceTimeout,
        importMaxBytes,
        idleTimeout,
        metricsToken,
        jobTick);
  }

  /** The same settings with another import size limit (tests). */
  public AppConfig withImportMaxBytes(long bytes) {
    return new AppConfig(
        dbUrl,
        dbUser,
        dbPassword,
        publicBaseUrl,
        demoRequested,
        sessionLifetime,
        rosterMaxAge,
        serviceTimeout,
        bytes,
        idleTimeout,
        metricsToken,
        jobTick);
  }

  /** The same settings with another idle timeout (tests). */
  public AppConfig withIdleTimeout(Duration idle) {
    return new AppConfig(
        dbUrl,
        dbUser,
        dbPassword,
        publicBaseUrl,
        demoRequested,
        sessionLifetime,
        rosterMaxAge,
        serviceTimeout,
        importMaxBytes,
        idle,
        metricsToken,
        jobTick);
  }

  /** The same settings with this metrics token (tests). */
  public AppConfig withMetricsToken(String token) {
    return new AppConfig(
        dbUrl,
        dbUser,
        dbPassword,
        publicBaseUrl,
        demoRequested,
        sessionLifetime,
        rosterMaxAge,
        serviceTimeout,
        importMaxBytes,
        idleTimeout,
        Optional.of(token),
        jobTick);
  }

  /** The same settings with another job tick (tests). */
  public AppConfig withJobTick(Duration tick) {
    return new AppConfig(
        dbUrl,
        dbUser,
        dbPassword,
        publicBaseUrl,
        demoRequested,
        sessionLifetime,
        rosterMaxAge,
        serviceTimeout,
        importMaxBytes,
        idleTimeout,
        metricsToken,
        tick);
  }

  /** Reads the running process's settings. */
  public static AppConfig fromEnvironment() {
    Path dataDir = Path.of(setting("samen.data.dir", "SA_DATA_DIR").orElse("data"));
    String defaultUrl = "jdbc:derby:" + dataDir.toAbsolutePath().resolve("db") + ";create=true";
    return new AppConfig(
        setting("samen.db.url", "SA_DB_URL").orElse(defaultUrl),
        setting("samen.db.user", "SA_DB_USER").orElse(""),
        setting("samen.db.password", "SA_DB_PASSWORD").orElse(""),
        setting("samen.base.url", "SA_BASE_URL").map(AppConfig::stripTrailingSlash),
        setting("samen.demo", "SA_DEMO").map(v -> v.trim().equalsIgnoreCase("true")).orElse(false),
        Duration.ofHours(
            Long.parseLong(setting("samen.session.hours", "SA_SESSION_HOURS").orElse("8"))),
        Duration.ofMinutes(
            Long.parseLong(
                setting("samen.roster.maxAgeMinutes", "SA_ROSTER_MAX_AGE_MINUTES")
                    .orElse(String.valueOf(DEFAULT_ROSTER_MAX_AGE.toMinutes())))),
        Duration.ofSeconds(
            Long.parseLong(
                setting("samen.services.timeoutSeconds", "SA_SERVICES_TIMEOUT_SECONDS")
                    .orElse(String.valueOf(DEFAULT_SERVICE_TIMEOUT.toSeconds())))),
        MB
            * Long.parseLong(
                setting("samen.import.maxMb", "SA_IMPORT_MAX_MB")
                    .orElse(String.valueOf(DEFAULT_IMPORT_MAX_MB))),
        Duration.ofMinutes(
            Long.parseLong(
                setting("samen.idle.minutes", "SA_IDLE_MINUTES")
                    .orElse(String.valueOf(DEFAULT_IDLE_TIMEOUT.toMinutes())))),
        setting("samen.metrics.token", "SA_METRICS_TOKEN"),
        Duration.ofSeconds(
            Long.parseLong(
                setting("samen.jobs.tickSeconds", "SA_JOB_TICK_SECONDS")
                    .orElse(String.valueOf(DEFAULT_JOB_TICK.toSeconds())))));
  }

  /** True when the database is embedded Derby (the only kind the demo may run on). */
  /**
   * How often, in minutes, the institutions' signal lists are evaluated again ({@code
   * SA_SIGNAL_REFRESH_MINUTES}, default 10; a value that is not a positive number counts as 10).
   */
  public long signalRefreshMinutes() {
    try {
      long minutes =
          Long.parseLong(
              setting("samen.signals.refreshMinutes", "SA_SIGNAL_REFRESH_MINUTES")
                  .orElse("10")
                  .strip());
      return minutes > 0 ? minutes : 10;
    } catch (NumberFormatException e) {
      return 10;
    }
  }

  public boolean embeddedDerby() {
    return dbUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:derby:")
        && !dbUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:derby://");
  }

  private static Optional<String> setting(String property, String env) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(env);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
