package com.tmallbridge.finance;

import com.tmallbridge.sync.PeriodicRun;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Service;

/**
 * Imports every shop's settlement lines now and then every {@code bridge.finance.import-interval}
 * while {@code sync} or {@code serve} runs continuously.
 */
@Service
public class SettlementSchedule implements AutoCloseable {
  private final FinanceManagement management;
  private final FinanceProperties properties;
  private final PeriodicRun periodic = new PeriodicRun("settlement-import");
  private final AtomicInteger cycles = new AtomicInteger();

  SettlementSchedule(FinanceManagement management, FinanceProperties properties) {
    this.management = management;
    this.properties = properties;
  }

  /** Starts the imports; does nothing if running. */
  public void start() {
    periodic.start(properties.importInterval(), () -> {
      management.importAll();
      cycles.incrementAndGet();
    });
  }

  /** Stops the imports, waiting for one in progress. */
  public void stop() {
    periodic.stop();
  }

  /** Imports of every shop completed since this process started. */
  public int completedCycles() {
    return cycles.get();
  }

  @Override
  public void close() {
    stop();
  }
}
