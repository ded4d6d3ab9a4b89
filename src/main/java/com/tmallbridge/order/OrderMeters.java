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

  /**
   * The three parts of {@link #MESSAGE}: {@code bridge.order.message.round} (from the handler's
   * start to the start of the round that took the message, or of the read that answered it without
   * one), {@code bridge.order.message.read} (from there until its trade's read was handed to the
   * importing thread) and {@code bridge.order.message.import} (from there to the import's commit).
   */
  static MessageStages messageStages(MeterRegistry meters) {
    return new MessageStages(
        Timer.builder(MESSAGE + ".round").description("A pushed trade message waiting for the round that reads it").register(meters),
        Timer.builder(MESSAGE + ".read").description("A pushed trade message's round reading until its trade is handed to the import").register(meters),
        Timer.builder(MESSAGE + ".import").description("A pushed trade message's trade waiting for and in its import, commit included").register(meters));
  }

  /** The timers of {@link #messageStages}. */
  record MessageStages(Timer round, Timer read, Timer importing) {}
}
