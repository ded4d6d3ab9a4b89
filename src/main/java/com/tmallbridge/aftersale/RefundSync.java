package com.tmallbridge.aftersale;

import com.tmallbridge.sync.Dispatcher;
import com.tmallbridge.sync.DispatcherWorker;
import com.tmallbridge.sync.PeriodicRun;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Service;

/**
 * Drives the after-sale flow: one cycle on demand ({@link #runOnce()}: pull every shop's refunds up
 * to now, then deliver the due outbox messages — the rules of every applied snapshot, and any other
 * due message), or continuously ({@link #start()}: a pull every {@code bridge.aftersale.poll-interval},
 * delivery left to the dispatcher workers). Refunds pushed by TMC arrive between pulls through
 * {@link RefundChangeListener}.
 */
@Service
public class RefundSync implements AutoCloseable {
  private static final int BATCH = 200;

  private final AfterSaleManagement management;
  private final Dispatcher dispatcher;
  private final DispatcherWorker workers;
  private final AfterSaleProperties properties;
  private final PeriodicRun periodic = new PeriodicRun("refund-sync");
  private final AtomicInteger cycles = new AtomicInteger();

  RefundSync(AfterSaleManagement management, Dispatcher dispatcher, DispatcherWorker workers, AfterSaleProperties properties) {
    this.management = management;
    this.dispatcher = dispatcher;
    this.workers = workers;
    this.properties = properties;
  }

  /** Pulls every shop, then delivers due messages until none is due. */
  public Result runOnce() {
    List<RefundPull> pulls = cycle();
    int delivered = dispatcher.drainDue(BATCH);
    return new Result(pulls, delivered);
  }

  /**
   * Pulls every shop now and then every {@code bridge.aftersale.poll-interval}, and starts the
   * outbox workers that deliver the rules. Does nothing if running.
   */
  public void start() {
    if (periodic.start(properties.pollInterval(), this::cycle)) {
      workers.start();
    }
  }

  /** Stops the pulls, waiting for one in progress (the outbox workers are stopped with the application). */
  public void stop() {
    periodic.stop();
  }

  /** Number of completed pulls of every shop since this process started (for progress displays and tests). */
  public int completedCycles() {
    return cycles.get();
  }

  @Override
  public void close() {
    stop();
  }

  /** One pull of every shop without delivering (what the continuous mode runs; the outbox workers deliver the rules). */
  public List<RefundPull> cycle() {
    List<RefundPull> pulls = management.pollAll();
    cycles.incrementAndGet();
    return pulls;
  }

  /**
   * @param pulls per-shop pull results
   * @param delivered outbox messages delivered
   */
  public record Result(List<RefundPull> pulls, int delivered) {}
}
