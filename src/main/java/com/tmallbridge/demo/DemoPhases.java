package com.tmallbridge.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Wall time of each phase of one demo run, in the order the phases first ran. A phase begun again
 * later (the checks run on both sides of the final stock pass) adds to its first total. Used by the
 * demo's own thread only; not thread-safe.
 */
final class DemoPhases {
  /** Setting up the shop, the ERP's materials and stock, the first publication and the day's history. */
  static final String SEEDING = "seeding";
  /** From the start of sync until every paid, open trade of the history has its ERP order. */
  static final String CATCH_UP = "catchUp";
  /** The live tail and the warehouse steps after it, until every trade reached the ERP. */
  static final String LIVE_DAY = "liveDay";
  /** Shipments, refunds and stock run until nothing is left to do. */
  static final String SETTLE = "settle";
  /** Money faults injected, settlements imported, vouchers posted, completeness checked, days reconciled. */
  static final String MONEY = "money";
  /** The final stock pass: full recomputation and drift repair. */
  static final String FINAL_PASS = "finalPass";
  /** The independent checks against the sandbox and the ERP. */
  static final String CHECKS = "checks";

  private final LongSupplier nanoTime;
  private final Map<String, Long> nanos = new LinkedHashMap<>();
  private @Nullable String current;
  private long startedAt;

  /** Phases timed by {@link System#nanoTime()}. */
  DemoPhases() {
    this(System::nanoTime);
  }

  /** Phases timed by {@code nanoTime}, a monotonic source of nanoseconds. */
  DemoPhases(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** Ends the running phase, if any, and starts timing {@code phase}. */
  void begin(String phase) {
    long now = nanoTime.getAsLong();
    stop(now);
    current = phase;
    startedAt = now;
  }

  /** Ends the running phase, if any. */
  void end() {
    stop(nanoTime.getAsLong());
  }

  /** Milliseconds per phase so far, in the order the phases first began; the running phase up to now. */
  Map<String, Long> millis() {
    Map<String, Long> total = new LinkedHashMap<>(nanos);
    if (current != null) {
      total.merge(current, nanoTime.getAsLong() - startedAt, Long::sum);
    }
    Map<String, Long> ms = new LinkedHashMap<>();
    total.forEach((phase, n) -> ms.put(phase, n / 1_000_000));
    return Collections.unmodifiableMap(ms);
  }

  private void stop(long now) {
    if (current != null) {
      nanos.merge(current, now - startedAt, Long::sum);
      current = null;
    }
  }
}
