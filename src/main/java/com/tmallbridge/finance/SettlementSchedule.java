package com.tmallbridge.finance;

import com.tmallbridge.sync.PeriodicRun;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Service;

/**
 * Imports every shop's settlement lines now and then every {@code bridge.finance.import-interval}
 * while {@code sync} or {@code serve} runs continuously, and after each import closes the money of
 * the days that are due ({@link DailyClose}).
 */
@Service
public class SettlementSchedule implements AutoCloseable {
  private final FinanceManagement management;
  private final FinanceProperties properties;
  private final DailyClose dailyClose;
  private final PeriodicRun periodic = new PeriodicRun("settlement-import");
  private final AtomicInteger cycles = new AtomicInteger();

  SettlementSchedule(FinanceManagement management, FinanceProperties properties, DailyClose dailyClose) {
    this.management = management;
    this.dailyClose = dailyClose;
    this.properties = properties;
  }

  /** Starts the imports; does nothing if running. */
  public void start() {
    periodic.start(properties.importInterval(), () -> {
      management.importAll();
      dailyClose.closeDue();
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
