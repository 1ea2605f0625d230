package nl.samenaanwezig.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Settings read once at start-up from system properties ({@code samen.*}) or environment variables
 * ({@code SA_*}); a system property wins.
 */
public record AppConfig(
    String dbUrl,
    String dbUser,
    String dbPassword,
    Optional<String> publicBaseUrl,
    boolean demoRequested,
    Duration sessionLifetime) {

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
            Long.parseLong(setting("samen.session.hours", "SA_SESSION_HOURS").orElse("8"))));
  }

  /** True when the database is embedded Derby (the only kind the demo may run on). */
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
