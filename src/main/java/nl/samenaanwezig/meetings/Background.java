package nl.samenaanwezig.meetings;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One background thread for the work a request should not wait for: mails (an SMTP server may be
 * slow) and telling the gradebook that a talk was held. In order, one at a time.
 */
public final class Background implements java.util.concurrent.Executor, AutoCloseable {
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "samen-meetings");
            t.setDaemon(true);
            return t;
          });

  @Override
  public void execute(Runnable job) {
    executor.execute(job);
  }

  /** Lets queued work finish for a few seconds, then stops. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
