package nl.samenaanwezig.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Launch load (issue 2, item 12): the full login initiation + launch path over real HTTP against
 * the WAR on an on-disk Derby database, with the platform keyset cached after its first fetch.
 * Prints launches/s, p50/p99 and CPU per launch and writes target/bench/launch.md. Run with {@code
 * mvn -B -Pbench test -Dtest=LaunchBenchmark}; {@code -Dbench.workers}, {@code
 * -Dbench.warmupLaunches}, {@code -Dbench.warmup}, {@code -Dbench.seconds} and {@code
 * -Dbench.phase} (seconds) change the load. Asserts only that every launch succeeded and that the
 * keyset was fetched once: the numbers are for docs/benchmarks.md, not for pass or fail.
 */
@Tag("benchmark")
class LaunchBenchmark {
  private static final int WORKERS = Integer.getInteger("bench.workers", 8);

  /**
   * Warm-up ends after this many launches or {@link #WARM_UP}, whichever comes first: the JIT needs
   * a few thousand launches before the tool runs at its steady cost.
   */
  private static final int WARM_UP_LAUNCHES = Integer.getInteger("bench.warmupLaunches", 10_000);

  private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup", 180));
  private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 15));
  private static final Duration LOGIN_PHASE = Duration.ofSeconds(Long.getLong("bench.phase", 5));

  @TempDir Path dataDir;

  @Test
  void launchesWithCachedPlatformKeys() throws Exception {
    String loadBefore = loadAverage();
    try (ToolServer tool = ToolServer.startOnDisk(dataDir);
        TestPlatform platform = TestPlatform.start().registerWith(tool)) {
      LaunchDriver driver = new LaunchDriver(platform);
      ExecutorService pool = LoadRun.pool(WORKERS);
      try {
        LoadRun.Result warmUp =
            LoadRun.closedLoop("Warm-up", driver, pool, WORKERS, WARM_UP, WARM_UP_LAUNCHES);
        LoadRun.Result withSigning =
            LoadRun.closedLoop(
                "Closed loop, signing in the driver",
                driver,
                pool,
                WORKERS,
                MEASURE,
                Integer.MAX_VALUE);
        LoadRun.Result toolOnly = LoadRun.phased(driver, pool, WORKERS, LOGIN_PHASE);
        String report =
            report(warmUp, List.of(withSigning, toolOnly), loadBefore, loadAverage(), platform);
        System.out.println(report);
        Path out = Path.of("target", "bench", "launch.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);

        for (LoadRun.Result run : List.of(warmUp, withSigning, toolOnly)) {
          assertEquals(0, run.failures(), run.name() + ": " + run.firstFailure());
          assertTrue(run.launches() > 0, run.name() + " made no launch");
        }
        assertEquals(1, platform.jwksFetches(), "the platform keyset is fetched once, then cached");
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static String report(
      LoadRun.Result warmUp,
      List<LoadRun.Result> runs,
      String loadBefore,
      String loadAfter,
      TestPlatform platform) {
    StringBuilder md = new StringBuilder();
    md.append("### Launch benchmark, ")
        .append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
        .append("\n\n");
    md.append("- machine: ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" processors, ")
        .append(memoryGiB())
        .append(" GiB memory, Java ")
        .append(System.getProperty("java.vm.version"))
        .append("; load average (1/5/15 min) before ")
        .append(loadBefore)
        .append(", after ")
        .append(loadAfter)
        .append("\n");
    md.append("- load: ")
        .append(WORKERS)
        .append(" workers (platform threads, one HTTP/1.1 client), warm-up ")
        .append(warmUp.launches())
        .append(" launches in ")
        .append(Math.round(warmUp.wallNanos() / 1e9))
        .append(" s, measured ")
        .append(MEASURE.toSeconds())
        .append(" s (closed loop) and a ")
        .append(LOGIN_PHASE.toSeconds())
        .append(" s login phase (tool only); ")
        .append(LaunchDriver.USERS)
        .append(" users in classes of ")
        .append(LaunchDriver.CLASS_SIZE)
        .append("; Derby on disk; platform keyset fetched ")
        .append(platform.jwksFetches())
        .append(" time(s)\n\n");
    md.append(
        "| Run | Launches | Launches/s | Tool p50 / p99 (ms) | Login p50 / p99 (ms)"
            + " | Launch p50 / p99 (ms) | Signing p50 / p99 (ms)"
            + " | CPU per launch: tool / driver / JVM (ms) |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (LoadRun.Result run : runs) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.0f | %s | %s | %s | %s | %s |%n",
              run.name(),
              run.launches(),
              run.launchesPerSecond(),
              run.tool().p50p99(),
              run.login().p50p99(),
              run.launch().p50p99(),
              run.signing().count() == 0 ? "(untimed)" : run.signing().p50p99(),
              cpu(run)));
    }
    return md.toString();
  }

  /** CPU per launch of tool / driver / JVM; in the closed loop the driver's signing part too. */
  private static String cpu(LoadRun.Result run) {
    return run.signingCpuMsPerLaunch() > 0
        ? String.format(
            Locale.ROOT, "%s (signing %.2f)", run.cpuPerLaunch(), run.signingCpuMsPerLaunch())
        : run.cpuPerLaunch();
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return fields[0] + " / " + fields[1] + " / " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static long memoryGiB() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024))
        : 0;
  }
}
