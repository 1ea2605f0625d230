package nl.samenaanwezig;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.samenaanwezig.admin.PlatformImport;
import nl.samenaanwezig.config.AppConfig;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.meetings.MailSettings;
import nl.samenaanwezig.ops.Jobs;
import nl.samenaanwezig.ops.RequestTimer;
import nl.samenaanwezig.web.RequestBodyDrain;
import nl.samenaanwezig.web.SecurityHeadersFilter;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.servlet.ServletProperties;

/**
 * Starts one instance: settings, database (migrated), the application's parts, the filters that
 * serve every request, and the scheduled jobs. Tests hand in their own {@link AppConfig} as a
 * context attribute.
 */
public final class Startup implements ServletContextListener {
  private static final Logger LOG = Logger.getLogger(Startup.class.getName());

  private Database db;
  private SamenApplication app;
  private Jobs jobs;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext ctx = event.getServletContext();
    AppConfig config =
        ctx.getAttribute(AppConfig.class.getName()) instanceof AppConfig given
            ? given
            : AppConfig.fromEnvironment();
    db = Database.open(config);
    MailSettings mail =
        ctx.getAttribute(MailSettings.class.getName()) instanceof MailSettings mailGiven
            ? mailGiven
            : MailSettings.fromEnvironment();
    app = new SamenApplication(config, db, Clock.systemUTC(), mail);
    importConfiguredPlatforms(app);

    FilterRegistration.Dynamic timer =
        ctx.addFilter("request-timer", new RequestTimer(app.telemetry().registry()));
    timer.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    FilterRegistration.Dynamic drain = ctx.addFilter("drain", new RequestBodyDrain());
    drain.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    FilterRegistration.Dynamic headers =
        ctx.addFilter("security-headers", new SecurityHeadersFilter(app.platforms()::frameOrigins));
    headers.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    // A ServletContainer built from an application instance reads this from the application's
    // properties, not from the filter's init parameters.
    app.property(ServletProperties.FILTER_STATIC_CONTENT_REGEX, "/static/.*|/favicon\\.ico");
    FilterRegistration.Dynamic jersey = ctx.addFilter("jersey", new ServletContainer(app));
    jersey.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");

    // Each job runs on one node at a time across the installation (ops.Jobs, job_lease).
    jobs =
        new Jobs(db, Clock.systemUTC(), app.telemetry().registry())
            .every("sessions", Duration.ofMinutes(10), () -> app.sessions().purgeExpired())
            .every(
                "meeting-reminders", Duration.ofMinutes(10), () -> app.meetingMails().remindDue())
            // The institutions' signal lists (protocol.SignalSnapshots): new marks show within
            // this delay.
            .every(
                "signal-snapshots",
                Duration.ofMinutes(config.signalRefreshMinutes()),
                () -> app.signalSnapshots().refreshAll())
            // The retention limit (docs/privacy.md): once a day.
            .every("retention", Duration.ofDays(1), () -> app.retention().run());
    jobs.start(config.jobTick());
    LOG.info("Samen Aanwezig started on " + config.dbUrl().replaceAll(";.*", ""));
  }

  private static void importConfiguredPlatforms(SamenApplication app) {
    PlatformImport.configuredPath()
        .ifPresent(
            path -> {
              try {
                PlatformImport.importPath(path, app.platforms())
                    .forEach(
                        r ->
                            LOG.severe(
                                "platform file "
                                    + r.file()
                                    + " not imported: "
                                    + String.join(", ", r.problems())));
              } catch (IOException e) {
                LOG.log(Level.SEVERE, "cannot read platform registrations at " + path, e);
              }
            });
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    if (jobs != null) {
      jobs.close();
    }
    if (app != null) {
      app.close();
    }
    if (db != null) {
      db.close();
    }
  }
}
