package nl.samenaanwezig.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import nl.samenaanwezig.db.Database;

/**
 * The instance's metrics: one registry per instance (two tools in one JVM, as in the tests, count
 * apart), the JVM's memory, garbage collection, threads and CPU, and the database connection pool.
 * Features count into {@link #registry()} with their own meters; {@link #scrape()} writes them all
 * in the Prometheus text format.
 */
public final class Telemetry implements AutoCloseable {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  public Telemetry(Database db) {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    for (Database.Pool pool : db.pools()) {
      Gauge.builder("samen.db.pool.connections.max", pool::max)
          .description("connections the pool opens at most")
          .tag("pool", pool.name())
          .register(registry);
      Gauge.builder("samen.db.pool.connections.open", () -> pool.open().getAsInt())
          .description("connections the pool holds open")
          .tag("pool", pool.name())
          .register(registry);
      Gauge.builder("samen.db.pool.connections.idle", () -> pool.idle().getAsInt())
          .description("open connections no request uses now")
          .tag("pool", pool.name())
          .register(registry);
    }
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Every meter in the Prometheus text format (version 0.0.4). */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
