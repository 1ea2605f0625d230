package nl.samenaanwezig;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.io.IOException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.samenaanwezig.admin.PlatformImport;
import nl.samenaanwezig.config.AppConfig;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.meetings.MailSettings;
import nl.samenaanwezig.web.RequestBodyDrain;
import nl.samenaanwezig.web.SecurityHeadersFilter;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.servlet.ServletProperties;

/**
 * Starts one instance: settings, database (migrated), the application's parts, and the two filters
 * that serve every request. Tests hand in their own {@link AppConfig} as a context attribute.
 */
public final class Startup implements ServletContextListener {
  private static final Logger LOG = Logger.getLogger(Startup.class.getName());

  private Database db;
  private SamenApplication app;
  private ScheduledExecutorService housekeeping;

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

    housekeeping =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "samen-housekeeping");
              t.setDaemon(true);
              return t;
            });
    housekeeping.scheduleWithFixedDelay(
        () -> {
          try {
            app.sessions().purgeExpired();
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "housekeeping failed", e);
          }
          try {
            app.meetingMails().remindDue();
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "meeting reminders failed", e);
          }
        },
        1,
        10,
        TimeUnit.MINUTES);
    // The institutions' signal lists (protocol.SignalSnapshots): new marks show within this delay.
    housekeeping.scheduleWithFixedDelay(
        () -> {
          try {
            app.signalSnapshots().refreshAll();
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "signal list refresh failed", e);
          }
        },
        2,
        config.signalRefreshMinutes(),
        TimeUnit.MINUTES);
    // The retention limit (docs/privacy.md): once a day, first run a few minutes after start.
    housekeeping.scheduleWithFixedDelay(
        () -> {
          try {
            app.retention().run();
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "retention job failed", e);
          }
        },
        5,
        24 * 60,
        TimeUnit.MINUTES);
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
    if (housekeeping != null) {
      housekeeping.shutdownNow();
    }
    if (app != null) {
      app.close();
    }
    if (db != null) {
      db.close();
    }
  }
}
