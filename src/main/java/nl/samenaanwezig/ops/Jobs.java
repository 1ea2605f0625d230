package nl.samenaanwezig.ops;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.samenaanwezig.db.Database;

/**
 * The installation's scheduled jobs (sessions, reminders, retention), each run by one node at a
 * time: every node looks once a tick which jobs are due and runs a job only when it took the job's
 * lease ({@link Leases}). A job is next due one interval after its run started, whichever node ran
 * it; a node that stops during a run holds the job no longer than the run lease, so another node
 * runs it then.
 */
public final class Jobs implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Jobs.class.getName());

  /** The longest a run may take before other nodes think its node stopped. */
  static final Duration MAX_RUN_LEASE = Duration.ofHours(1);

  private final Leases leases;
  private final Clock clock;
  private final MeterRegistry metrics;
  private final List<Job> jobs = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "samen-jobs");
            t.setDaemon(true);
            return t;
          });

  /** A job: its name (the lease's key), how often it runs, and its work. */
  public record Job(String name, Duration interval, Runnable work) {
    /** As long as the interval, at most an hour. */
    Duration runLease() {
      return interval.compareTo(MAX_RUN_LEASE) < 0 ? interval : MAX_RUN_LEASE;
    }
  }

  public Jobs(Database db, Clock clock, MeterRegistry metrics) {
    this.leases = new Leases(db, nodeId());
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Adds a job; it first runs at the first tick on which no other node has run it. */
  public Jobs every(String name, Duration interval, Runnable work) {
    jobs.add(new Job(name, interval, work));
    for (String outcome : List.of("ok", "failed")) {
      metrics.counter("samen.jobs.runs", "job", name, "outcome", outcome);
    }
    return this;
  }

  /** Starts looking for due jobs, first after one tick. */
  public void start(Duration tick) {
    ticker.scheduleWithFixedDelay(
        this::tick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info("scheduled jobs run on node " + leases.holder());
  }

  private void tick() {
    for (Job job : jobs) {
      try {
        runIfDue(job);
      } catch (RuntimeException e) {
        // The database may be away for a moment: the next tick tries again.
        LOG.log(Level.WARNING, "job " + job.name() + " not started", e);
      }
    }
  }

  /** Runs the job in this thread when it is due and this node took its lease. */
  boolean runIfDue(Job job) {
    Instant started = clock.instant();
    if (!leases.take(job.name(), started, job.runLease())) {
      return false;
    }
    String outcome = "failed";
    try {
      job.work().run();
      outcome = "ok";
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "job " + job.name() + " failed", e);
    } finally {
      // A failed run waits for its next turn too, like a single node's schedule would.
      leases.finish(job.name(), started.plus(job.interval()), clock.instant());
      metrics.counter("samen.jobs.runs", "job", job.name(), "outcome", outcome).increment();
    }
    return true;
  }

  /** This process among the nodes: host name and a random part (two processes on one host). */
  private static String nodeId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "node";
    }
    String id = host + "/" + UUID.randomUUID().toString().substring(0, 8);
    return id.length() <= 128 ? id : id.substring(id.length() - 128);
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    try {
      ticker.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
