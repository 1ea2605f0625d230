package nl.samenaanwezig.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Two ways to load the tool with launches. Closed loop: each worker repeats login, signing and
 * launch, so the driver's signing competes with the tool for the CPU as a real platform on the same
 * machine would. Phased: all workers log in for a while, then sign untimed, then launch, so the
 * throughput is the tool's alone. Each worker launches its own users, never one another's.
 */
final class LoadRun {
  /** The phased run keeps at most this many logins per worker for its signing step. */
  private static final int MAX_PENDING_PER_WORKER = 20_000;

  static final String WORKER_PREFIX = "bench-worker-";

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private LoadRun() {}

  /** One measured run: launches, wall time, and the latencies of each step. */
  record Result(
      String name,
      int launches,
      long wallNanos,
      Latencies.Summary tool,
      Latencies.Summary login,
      Latencies.Summary launch,
      Latencies.Summary signing,
      CpuUse.Spent cpu,
      double signingCpuMsPerLaunch,
      int failures,
      String firstFailure) {

    double launchesPerSecond() {
      return launches / (wallNanos / 1e9);
    }

    /** Milliseconds of CPU per launch: of the tool, the driver, and the JVM's own threads. */
    String cpuPerLaunch() {
      double n = Math.max(1, launches) * 1e6;
      return String.format(
          Locale.ROOT, "%.2f / %.2f / %.2f", cpu.tool() / n, cpu.driver() / n, cpu.rest() / n);
    }
  }

  /** Workers that run the load; their threads are named so their CPU time can be told apart. */
  static ExecutorService pool(int workers) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(
        workers, r -> new Thread(r, WORKER_PREFIX + n.incrementAndGet()));
  }

  /** Launches until {@code length} has passed or {@code limit} launches were made. */
  static Result closedLoop(
      String name,
      LaunchDriver driver,
      ExecutorService pool,
      int workers,
      Duration length,
      int limit)
      throws Exception {
    CpuUse cpu = CpuUse.now();
    long start = System.nanoTime();
    long deadline = start + length.toNanos();
    AtomicInteger started = new AtomicInteger();
    List<Worker> done =
        onEach(
            pool,
            workers,
            w ->
                () -> {
                  Worker worker = new Worker(w, workers);
                  while (System.nanoTime() < deadline && started.incrementAndGet() <= limit) {
                    worker.fullLaunch(driver);
                  }
                  return worker;
                });
    long wall = System.nanoTime() - start;
    return result(name, done, wall, CpuUse.now().since(cpu), true);
  }

  static Result phased(LaunchDriver driver, ExecutorService pool, int workers, Duration loginPhase)
      throws Exception {
    CpuUse cpu = CpuUse.now();
    long start = System.nanoTime();
    long deadline = start + loginPhase.toNanos();
    List<Worker> loggedIn =
        onEach(
            pool,
            workers,
            w ->
                () -> {
                  Worker worker = new Worker(w, workers);
                  while (System.nanoTime() < deadline
                      && worker.pending() < MAX_PENDING_PER_WORKER) {
                    worker.loginOnly(driver);
                  }
                  return worker;
                });
    long loginWall = System.nanoTime() - start;
    CpuUse.Spent loginCpu = CpuUse.now().since(cpu);
    onEach(pool, workers, w -> () -> loggedIn.get(w).signPending(driver));
    CpuUse launchCpu = CpuUse.now();
    long launchStart = System.nanoTime();
    onEach(pool, workers, w -> () -> loggedIn.get(w).launchPending(driver));
    long launchWall = System.nanoTime() - launchStart;
    return result(
        "Tool only: logins, then signing (untimed), then launches",
        loggedIn,
        loginWall + launchWall,
        loginCpu.plus(CpuUse.now().since(launchCpu)),
        false);
  }

  private static Result result(
      String name, List<Worker> workers, long wall, CpuUse.Spent cpu, boolean signed) {
    List<Latencies> tool = new ArrayList<>();
    List<Latencies> login = new ArrayList<>();
    List<Latencies> launch = new ArrayList<>();
    List<Latencies> signing = new ArrayList<>();
    int failures = 0;
    String firstFailure = null;
    long signingCpu = 0;
    for (Worker w : workers) {
      signingCpu += w.signingCpu;
      tool.add(w.tool);
      login.add(w.login);
      launch.add(w.launch);
      if (signed) {
        signing.add(w.signing);
      }
      failures += w.failures;
      if (firstFailure == null) {
        firstFailure = w.firstFailure;
      }
    }
    Latencies all = Latencies.merge(tool);
    return new Result(
        name,
        all.size(),
        wall,
        all.summary(),
        Latencies.merge(login).summary(),
        Latencies.merge(launch).summary(),
        Latencies.merge(signing).summary(),
        cpu,
        signingCpu / 1e6 / Math.max(1, all.size()),
        failures,
        firstFailure);
  }

  private static <T> List<T> onEach(
      ExecutorService pool, int workers, IntFunction<Callable<T>> task)
      throws InterruptedException, ExecutionException {
    List<Future<T>> futures = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      futures.add(pool.submit(task.apply(w)));
    }
    List<T> done = new ArrayList<>();
    for (Future<T> f : futures) {
      done.add(f.get());
    }
    return done;
  }

  /** One worker's users (every {@code workers}th one) and what it measured. */
  private static final class Worker {
    final Latencies tool = new Latencies();
    final Latencies login = new Latencies();
    final Latencies launch = new Latencies();
    final Latencies signing = new Latencies();
    private final int first;
    private final int step;
    private final int users;
    private int next;
    private final List<LaunchDriver.Login> pending = new ArrayList<>();
    private final List<Long> pendingLoginNanos = new ArrayList<>();
    private final List<String> pendingTokens = new ArrayList<>();
    long signingCpu;
    int failures;
    String firstFailure;

    Worker(int first, int step) {
      this.first = first;
      this.step = step;
      this.users = LaunchDriver.USERS / step;
    }

    private int nextUser() {
      return first + step * (next++ % users);
    }

    void fullLaunch(LaunchDriver driver) {
      try {
        long t0 = System.nanoTime();
        LaunchDriver.Login l = driver.login(nextUser());
        long t1 = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        String idToken = driver.sign(l);
        signingCpu += THREADS.getCurrentThreadCpuTime() - cpu;
        long t2 = System.nanoTime();
        driver.launch(l, idToken);
        long t3 = System.nanoTime();
        login.add(t1 - t0);
        signing.add(t2 - t1);
        launch.add(t3 - t2);
        tool.add((t1 - t0) + (t3 - t2));
      } catch (LaunchDriver.StepFailed e) {
        failed(e);
      }
    }

    void loginOnly(LaunchDriver driver) {
      try {
        long t0 = System.nanoTime();
        LaunchDriver.Login l = driver.login(nextUser());
        pendingLoginNanos.add(System.nanoTime() - t0);
        pending.add(l);
      } catch (LaunchDriver.StepFailed e) {
        failed(e);
      }
    }

    int pending() {
      return pending.size();
    }

    Worker signPending(LaunchDriver driver) {
      pending.forEach(l -> pendingTokens.add(driver.sign(l)));
      return this;
    }

    Worker launchPending(LaunchDriver driver) {
      for (int i = 0; i < pending.size(); i++) {
        try {
          long t0 = System.nanoTime();
          driver.launch(pending.get(i), pendingTokens.get(i));
          long took = System.nanoTime() - t0;
          login.add(pendingLoginNanos.get(i));
          launch.add(took);
          tool.add(pendingLoginNanos.get(i) + took);
        } catch (LaunchDriver.StepFailed e) {
          failed(e);
        }
      }
      return this;
    }

    private void failed(LaunchDriver.StepFailed e) {
      failures++;
      if (firstFailure == null) {
        firstFailure = e.getMessage();
      }
    }
  }
}
