package com.tmallbridge.stock;

import com.tmallbridge.sync.Dispatcher;
import com.tmallbridge.sync.PeriodicRun;
import com.tmallbridge.sync.DispatcherWorker;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drives the stock flow. One cycle: read ERP stock changes and deliveries (cursors), recompute
 * the dirty materials — or everything when a full pass is due ({@code bridge.stock.full-pass-interval},
 * the first cycle of a process, or a promotion lock starting or ending since the last cycle) —
 * then queue the pushes of changed figures. {@link #runOnce()} also delivers them; {@link #start()}
 * runs a cycle every {@code bridge.stock.interval} and leaves delivery to the dispatcher workers.
 */
@Service
public class StockSync implements AutoCloseable {
  private static final int BATCH = 200;

  private final ErpFeeds feeds;
  private final StockCalculator calculator;
  private final StateRepository state;
  private final RuleRepository rules;
  private final StockPushes pushes;
  private final Dispatcher dispatcher;
  private final DispatcherWorker workers;
  private final StockProperties properties;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final Replenishment replenishment;
  private final PeriodicRun periodic = new PeriodicRun("stock-sync");
  private @Nullable Instant lastFullPass;
  private @Nullable Instant lastCycle;

  StockSync(ErpFeeds feeds, StockCalculator calculator, StateRepository state, RuleRepository rules, StockPushes pushes,
      Dispatcher dispatcher, DispatcherWorker workers, StockProperties properties, PlatformTransactionManager transactions, Clock clock,
      Replenishment replenishment) {
    this.replenishment = replenishment;
    this.feeds = feeds;
    this.calculator = calculator;
    this.state = state;
    this.rules = rules;
    this.pushes = pushes;
    this.dispatcher = dispatcher;
    this.workers = workers;
    this.properties = properties;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** One cycle, then delivers every due outbox message (the pushes among them). */
  public CycleResult runOnce() {
    CycleResult result = cycle(false);
    return result.withDelivered(drain());
  }

  /** As {@link #runOnce()} with a full recomputation of every listing. */
  public CycleResult runFullPass() {
    CycleResult result = cycle(true);
    return result.withDelivered(drain());
  }

  /** One cycle without delivering (what the continuous mode runs). */
  public synchronized CycleResult cycle(boolean forceFull) {
    int changes = feeds.pollStockChanges();
    int deliveries = feeds.pollDeliveries();
    Instant now = clock.instant();
    boolean full = forceFull || lastFullPass == null || !now.isBefore(lastFullPass.plus(properties.fullPassInterval()))
        || lockBoundaryCrossed(now);
    Integer[] counts = transaction.execute(s -> {
      StateRepository.Dirty dirty = state.dirty();
      int recomputed = full ? calculator.recomputeAll() : calculator.recompute(dirty.materials());
      state.clearDirty(dirty);
      return new Integer[] {recomputed, pushes.enqueueDue()};
    });
    if (full) {
      lastFullPass = now;
    }
    lastCycle = now;
    return new CycleResult(changes, deliveries, full, counts[0], counts[1], 0);
  }

  private boolean lockBoundaryCrossed(Instant now) {
    Instant since = lastCycle;
    return since != null && rules.locks(since).stream()
        .anyMatch(l -> l.from().isAfter(since) && !l.from().isAfter(now) || l.to().isAfter(since) && !l.to().isAfter(now));
  }

  private int drain() {
    return dispatcher.drainDue(BATCH);
  }

  /**
   * Runs a cycle every {@code bridge.stock.interval} and starts the outbox workers; after each full
   * pass also the low-stock pass ({@link Replenishment#checkLowStock()}). Does nothing if running.
   */
  public void start() {
    if (periodic.start(properties.interval(), this::continuousCycle)) {
      workers.start();
    }
  }

  private void continuousCycle() {
    if (cycle(false).fullPass()) {
      replenishment.checkLowStock();
    }
  }

  /** Stops the cycles (the outbox workers are stopped with the application). */
  public void stop() {
    periodic.stop();
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * What one cycle did.
   *
   * @param stockChanges materials the ERP reported changed
   * @param deliveries ERP deliveries read (their reservations released)
   * @param fullPass whether every listing was recomputed
   * @param recomputed listings whose figure was computed
   * @param pushesQueued push messages queued (one per shop and item)
   * @param delivered outbox messages delivered afterwards (runOnce only)
   */
  public record CycleResult(int stockChanges, int deliveries, boolean fullPass, int recomputed, int pushesQueued, int delivered) {
    CycleResult withDelivered(int n) {
      return new CycleResult(stockChanges, deliveries, fullPass, recomputed, pushesQueued, n);
    }
  }
}
