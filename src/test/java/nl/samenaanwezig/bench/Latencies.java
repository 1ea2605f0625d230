package nl.samenaanwezig.bench;

import java.util.Arrays;
import java.util.Collection;

/** Durations in nanoseconds of one kind of step, collected by one worker or merged from many. */
final class Latencies {
  private long[] values = new long[4096];
  private int size;

  void add(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  int size() {
    return size;
  }

  static Latencies merge(Collection<Latencies> parts) {
    Latencies all = new Latencies();
    parts.forEach(p -> Arrays.stream(p.values, 0, p.size).forEach(all::add));
    return all;
  }

  /** Nearest-rank percentiles and the maximum, in milliseconds. */
  Summary summary() {
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    return new Summary(size, rank(sorted, 0.50), rank(sorted, 0.99), rank(sorted, 1.0));
  }

  private static double rank(long[] sorted, double fraction) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(fraction * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1_000_000.0;
  }

  /** p50, p99 and max of {@code count} durations, in milliseconds. */
  record Summary(int count, double p50, double p99, double max) {
    String p50p99() {
      return String.format(java.util.Locale.ROOT, "%.2f / %.2f", p50, p99);
    }
  }
}
