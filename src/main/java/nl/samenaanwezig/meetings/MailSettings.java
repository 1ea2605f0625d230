package nl.samenaanwezig.meetings;

import java.time.Duration;
import java.util.Optional;

/**
 * How the tool sends mail, read once at start-up from system properties ({@code samen.smtp.*}) or
 * environment variables ({@code SA_SMTP_*}); a system property wins. Without a host no mail leaves
 * the tool: the mail log says so and buddies are on the call list as always.
 *
 * @param reminderBefore how long before a talk the reminder goes out
 */
public record MailSettings(
    Optional<String> host,
    int port,
    String from,
    Optional<String> user,
    Optional<String> password,
    boolean startTls,
    Duration timeout,
    Duration reminderBefore) {

  public static final Duration DEFAULT_REMINDER = Duration.ofHours(24);

  /** No mail server: mails are logged as not sent. */
  public static MailSettings none() {
    return new MailSettings(
        Optional.empty(),
        25,
        "Samen Aanwezig <noreply@localhost>",
        Optional.empty(),
        Optional.empty(),
        false,
        Duration.ofSeconds(10),
        DEFAULT_REMINDER);
  }

  /** A plain SMTP server without login (a local relay, or GreenMail in tests). */
  public static MailSettings smtp(String host, int port, String from) {
    return new MailSettings(
        Optional.of(host),
        port,
        from,
        Optional.empty(),
        Optional.empty(),
        false,
        Duration.ofSeconds(10),
        DEFAULT_REMINDER);
  }

  public boolean configured() {
    return host.isPresent();
  }

  public static MailSettings fromEnvironment() {
    MailSettings d = none();
    return new MailSettings(
        setting("samen.smtp.host", "SA_SMTP_HOST"),
        setting("samen.smtp.port", "SA_SMTP_PORT").map(Integer::parseInt).orElse(d.port()),
        setting("samen.smtp.from", "SA_SMTP_FROM").orElse(d.from()),
        setting("samen.smtp.user", "SA_SMTP_USER"),
        setting("samen.smtp.password", "SA_SMTP_PASSWORD"),
        setting("samen.smtp.starttls", "SA_SMTP_STARTTLS")
            .map(v -> v.equalsIgnoreCase("true"))
            .orElse(false),
        d.timeout(),
        setting("samen.meetings.reminderHours", "SA_MEETING_REMINDER_HOURS")
            .map(h -> Duration.ofHours(Long.parseLong(h)))
            .orElse(DEFAULT_REMINDER));
  }

  private static Optional<String> setting(String property, String env) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(env);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
