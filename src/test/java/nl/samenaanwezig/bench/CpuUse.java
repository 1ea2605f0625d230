package nl.samenaanwezig.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of this JVM split by who spent it: the tool (Jetty request threads and Derby's daemons),
 * the driver (its workers and HTTP client) and the rest (JIT compiler, GC, others), so a run on a
 * busy machine can still say what one launch costs.
 */
final class CpuUse {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final long process;
  private final Map<Long, Long> byThread = new HashMap<>();
  private final Map<Long, String> names = new HashMap<>();

  private CpuUse() {
    process =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info != null) {
        long cpu = THREADS.getThreadCpuTime(info.getThreadId());
        if (cpu >= 0) {
          byThread.put(info.getThreadId(), cpu);
          names.put(info.getThreadId(), info.getThreadName());
        }
      }
    }
  }

  static CpuUse now() {
    return new CpuUse();
  }

  /** Nanoseconds spent since {@code start}: total, tool, driver. */
  Spent since(CpuUse start) {
    long tool = 0;
    long driver = 0;
    for (Map.Entry<Long, Long> e : byThread.entrySet()) {
      long spent = e.getValue() - start.byThread.getOrDefault(e.getKey(), 0L);
      String name = names.get(e.getKey());
      if (name.startsWith("qtp") || name.startsWith("derby")) {
        tool += spent;
      } else if (name.startsWith(LoadRun.WORKER_PREFIX) || name.startsWith("HttpClient")) {
        driver += spent;
      }
    }
    return new Spent(process - start.process, tool, driver);
  }

  /** CPU nanoseconds of the whole process, of the tool's threads and of the driver's threads. */
  record Spent(long total, long tool, long driver) {
    Spent plus(Spent other) {
      return new Spent(total + other.total, tool + other.tool, driver + other.driver);
    }

    long rest() {
      return total - tool - driver;
    }
  }
}
