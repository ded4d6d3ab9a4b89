package com.tmallbridge.order;

import com.tmallbridge.sync.Dispatcher;
import com.tmallbridge.sync.PeriodicRun;
import com.tmallbridge.sync.DispatcherWorker;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Drives the order flow: one cycle on demand ({@link #runOnce()}: pull every shop up to now, then
 * deliver every due outbox message), or continuously ({@link #start}: a pull cycle every
 * {@code bridge.order.poll-interval}, plus the sync engine's {@link DispatcherWorker} threads that
 * deliver as soon as messages are due). When {@code bridge.channel.tmall.tmc.enabled} is true,
 * continuous sync also consumes the channel's pushed messages ({@link TradeMessages}); polling
 * stays on as the catch-up path.
 */
@Service
public class OrderSync implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OrderSync.class);
  private static final int BATCH = 200;
  private static final long IDLE_MILLIS = 100;

  private final OrderManagement orders;
  private final Dispatcher dispatcher;
  private final DispatcherWorker workers;
  private final OrderProperties props;
  private final TradeMessages messages;
  private final PeriodicRun periodic = new PeriodicRun("order-poller");
  private final AtomicInteger cycles = new AtomicInteger();

  OrderSync(OrderManagement orders, Dispatcher dispatcher, DispatcherWorker workers, OrderProperties props, TradeMessages messages) {
    this.orders = orders;
    this.messages = messages;
    this.dispatcher = dispatcher;
    this.workers = workers;
    this.props = props;
  }

  /**
   * Pulls every shop up to now, then delivers messages until none is left unfinished, waiting up
   * to {@code bridge.order.once-grace} for messages in retry back-off (for example those a crash
   * left in flight); messages still failing after that stay queued for the next run.
   */
  public CycleResult runOnce() throws InterruptedException {
    List<PollResult> polls = orders.pollAll();
    int delivered = drain();
    long deadline = System.nanoTime() + props.onceGrace().toNanos();
    Object pause = new Object();
    while (dispatcher.hasUnfinished() && System.nanoTime() < deadline) {
      synchronized (pause) {
        pause.wait(IDLE_MILLIS * 2);
      }
      delivered += drain();
    }
    cycles.incrementAndGet();
    return new CycleResult(polls, delivered);
  }

  /** Delivers due outbox messages until none is due; returns how many were delivered. */
  public int drain() {
    return dispatcher.drainDue(BATCH);
  }

  /**
   * Starts continuous sync: a pull cycle every poll interval and the dispatcher worker threads
   * ({@code bridge.sync.worker-threads}). Does nothing if already running.
   */
  public void start() {
    if (!periodic.start(props.pollInterval(), this::pollCycle)) {
      return;
    }
    workers.start();
    try {
      messages.start();
    } catch (RuntimeException e) {
      log.error("pushed messages (TMC) could not start; polling goes on alone", e);
    }
  }

  /** Number of completed pull cycles since this process started (for progress displays). */
  public int completedCycles() {
    return cycles.get();
  }

  /** Whether messages are still waiting for delivery (now or later). */
  public boolean hasUndelivered() {
    return dispatcher.hasUnfinished();
  }

  /** Stops continuous sync and waits for running work to finish. */
  public void stop() {
    if (!periodic.isRunning()) {
      return;
    }
    messages.stop();
    workers.stop();
    periodic.stop();
  }

  @Override
  public void close() {
    stop();
  }

  private void pollCycle() {
    orders.pollAll();
    cycles.incrementAndGet();
  }

  /**
   * One on-demand cycle.
   *
   * @param polls per-shop pull results
   * @param delivered outbox messages delivered
   */
  public record CycleResult(List<PollResult> polls, int delivered) {}
}
