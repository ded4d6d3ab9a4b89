package com.tmallbridge.sync;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link Dispatcher#flush} in a loop on {@code bridge.sync.workerThreads} threads, and
 * {@link Dispatcher#flushUrgent} on {@code bridge.sync.urgentThreads} more, until stopped: the way
 * the running bridge delivers its outbox. A thread that found work flushes again
 * at once; an idle one pauses from {@code workerIdleMin}, doubling up to {@code workerIdleMax}
 * ({@code urgentIdleMax} for an urgent lane, whose pause also ends as soon as the {@link
 * UrgentDoorbell} rings: a transaction that enqueued an urgent message committed); a flush that
 * throws (database down) is logged and retried after {@code workerIdleMax}.
 *
 * <p>Not started with the application context (one-shot commands must not deliver): the command
 * that runs the bridge calls {@link #start()}. The context stops it on shutdown; {@link #stop()}
 * lets each thread finish its current flush (up to 30 s) before it returns. Thread-safe.
 */
public final class DispatcherWorker implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(DispatcherWorker.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final Dispatcher dispatcher;
  private final SyncProperties properties;
  private final UrgentDoorbell doorbell;
  private final @Nullable OutboxPurge purge;
  private final @Nullable InboxPurge inboxPurge;
  private @Nullable ScheduledExecutorService executor;
  private volatile boolean running;

  /** A worker whose urgent lanes only pause (nothing rings their bell). */
  DispatcherWorker(Dispatcher dispatcher, SyncProperties properties) {
    this(dispatcher, properties, new UrgentDoorbell());
  }

  DispatcherWorker(Dispatcher dispatcher, SyncProperties properties, UrgentDoorbell doorbell) {
    this(dispatcher, properties, doorbell, null, null);
  }

  /**
   * @param purge run every {@code bridge.sync.outbox.purge-interval} while the worker runs; null for none
   * @param inboxPurge run right after {@code purge}, on the same thread; null for none
   */
  DispatcherWorker(Dispatcher dispatcher, SyncProperties properties, UrgentDoorbell doorbell, @Nullable OutboxPurge purge,
      @Nullable InboxPurge inboxPurge) {
    this.inboxPurge = inboxPurge;
    this.dispatcher = dispatcher;
    this.properties = properties;
    this.doorbell = doorbell;
    this.purge = purge;
  }

  /** Starts the worker threads; does nothing when they run already. */
  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(
        properties.workerThreads() + properties.urgentThreads() + (purge == null ? 0 : 1), threadFactory());
    // a lane waiting out its idle pause is a delayed task: on stop it is dropped, not waited for
    pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    pool.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    executor = pool;
    running = true;
    for (int i = 0; i < properties.workerThreads(); i++) {
      pool.execute(new Lane(pool, false));
    }
    for (int i = 0; i < properties.urgentThreads(); i++) {
      pool.execute(new Lane(pool, true));
    }
    OutboxPurge outboxPurge = purge;
    InboxPurge snapshots = inboxPurge;
    boolean purgeOutbox = outboxPurge != null && !outboxPurge.retention().isZero();
    boolean purgeInbox = snapshots != null && !snapshots.retention().isZero();
    if (purgeOutbox || purgeInbox) {
      long every = properties.outbox().purgeInterval().toMillis();
      pool.scheduleWithFixedDelay(() -> {
        if (purgeOutbox) {
          outboxPurge.purgeQuietly();
        }
        if (purgeInbox) {
          snapshots.purgeQuietly();
        }
      }, every, every, TimeUnit.MILLISECONDS);
    }
    log.info("outbox worker started with {} thread(s) and {} for urgent messages", properties.workerThreads(), properties.urgentThreads());
  }

  /** Stops the worker threads after their current flush; does nothing when they are not running. */
  @Override
  public void stop() {
    ScheduledExecutorService pool;
    synchronized (this) {
      if (!running || executor == null) {
        return;
      }
      running = false;
      pool = executor;
      executor = null;
    }
    pool.shutdown();
    doorbell.ring(); // an urgent lane waiting out its idle pause ends it now and sees the stop
    try {
      if (!pool.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("outbox worker threads did not finish within {}; interrupting them", STOP_TIMEOUT);
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
    log.info("outbox worker stopped");
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public boolean isAutoStartup() {
    return false;
  }

  private static ThreadFactory threadFactory() {
    int pool = POOLS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "outbox-worker-" + pool + "-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** One thread's loop, rescheduling itself after each flush; an urgent lane flushes urgent messages only. */
  private final class Lane implements Runnable {
    private final ScheduledExecutorService pool;
    private final boolean urgent;
    private final Duration idleMax;
    private Duration idle = properties.workerIdleMin();

    Lane(ScheduledExecutorService pool, boolean urgent) {
      this.pool = pool;
      this.urgent = urgent;
      this.idleMax = urgent ? properties.urgentIdleMax() : properties.workerIdleMax();
    }

    @Override
    public void run() {
      if (!running) {
        return;
      }
      reschedule(flushOnce());
    }

    private Duration flushOnce() {
      try {
        int batch = properties.outbox().batchSize();
        long rings = doorbell.rings();
        if ((urgent ? dispatcher.flushUrgent(batch) : dispatcher.flush(batch)).total() > 0) {
          idle = properties.workerIdleMin();
          return Duration.ZERO;
        }
        Duration pause = idle;
        Duration doubled = idle.multipliedBy(2);
        idle = doubled.compareTo(idleMax) > 0 ? idleMax : doubled;
        if (urgent) {
          // the lane keeps its thread while it waits: a ring (even one during the flush) ends the pause
          doorbell.await(rings, pause.toMillis());
          return Duration.ZERO;
        }
        return pause;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Duration.ZERO;
      } catch (RuntimeException | Error e) {
        // A lane must not die silently: its messages would wait for a restart nobody knows is needed.
        log.error("outbox flush failed; trying again in {}", properties.workerIdleMax(), e);
        return properties.workerIdleMax();
      }
    }

    private void reschedule(Duration delay) {
      try {
        pool.schedule(this, delay.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        // the worker is stopping: nothing more to schedule
      }
    }
  }
}
