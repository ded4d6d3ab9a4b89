package com.tmallbridge.order;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The order flow's timers on the path from Tmall to the inbox. With the channel's {@code
 * bridge.tmc.queued} and {@code bridge.tmall.call}, and the sync engine's {@code bridge.outbox.*},
 * they time every stage of a trade's way to the ERP (bench/README.md, "Where the time goes").
 */
final class OrderMeters {
  /** A page or a pushed trade written to the inbox and applied, commit included; tag {@code via}: poll or tmc. */
  static final String IMPORT = "bridge.order.import";
  /** A pushed trade message handled: per-trade lock, fetch and import. */
  static final String MESSAGE = "bridge.order.message";

  private OrderMeters() {}

  static Timer importTimer(MeterRegistry meters, String via) {
    return Timer.builder(IMPORT).description("Trades written to the inbox and applied, commit included").tag("via", via).register(meters);
  }

  static Timer messageTimer(MeterRegistry meters) {
    return Timer.builder(MESSAGE).description("A pushed trade message handled: lock, fetch, import").register(meters);
  }
}
