package com.tmallbridge.sync;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task on its own daemon thread at a fixed delay, for the continuous mode of a flow. A
 * failing run is logged and the task runs again at its next turn; runs never overlap. Thread-safe.
 */
public final class PeriodicRun {
  private static final Logger log = LoggerFactory.getLogger(PeriodicRun.class);
  private static final long STOP_WAIT_SECONDS = 30;

  private final String name;
  private final AtomicReference<ScheduledExecutorService> running = new AtomicReference<>();

  /** @param name the thread's name, also used in log lines, e.g. {@code stock-sync} */
  public PeriodicRun(String name) {
    this.name = name;
  }

  /**
   * Starts running {@code task} now and then every {@code interval} after each run ends.
   *
   * @return true when it started now; false when it was running already (nothing changes)
   */
  public boolean start(Duration interval, Runnable task) {
    ScheduledExecutorService pool = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
    if (!running.compareAndSet(null, pool)) {
      pool.shutdown();
      return false;
    }
    pool.scheduleWithFixedDelay(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.error("{} run failed; it runs again at its next turn", name, e);
      }
    }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return true;
  }

  /** Whether it is running. */
  public boolean isRunning() {
    return running.get() != null;
  }

  /**
   * Stops the runs, waiting up to 30 s for one in progress to end.
   *
   * @return whether it was running
   */
  public boolean stop() {
    ScheduledExecutorService pool = running.getAndSet(null);
    if (pool == null) {
      return false;
    }
    pool.shutdown();
    try {
      if (!pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
    return true;
  }
}
