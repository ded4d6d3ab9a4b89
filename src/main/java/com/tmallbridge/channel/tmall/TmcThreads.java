package com.tmallbridge.channel.tmall;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads of the TMC consumers: one scheduler and a bounded pool of handler workers. */
final class TmcThreads {
  private TmcThreads() {}

  /** One thread; on shutdown, delayed tasks not yet due are dropped and a running one finishes. */
  static ScheduledExecutorService scheduler(String name) {
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, factory(name));
    scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    scheduler.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    return scheduler;
  }

  /**
   * {@code workers} threads over a queue of {@code capacity} waiting tasks; a task offered to a
   * full queue is rejected with {@link java.util.concurrent.RejectedExecutionException}.
   */
  static ThreadPoolExecutor workers(String name, int workers, int capacity) {
    return new ThreadPoolExecutor(
        workers, workers, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity), factory(name),
        new ThreadPoolExecutor.AbortPolicy());
  }

  private static ThreadFactory factory(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
