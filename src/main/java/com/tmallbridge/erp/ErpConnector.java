package com.tmallbridge.erp;

/**
 * Base of every ERP connector. A connector additionally implements the capability interfaces its
 * ERP supports ({@link MaterialCatalog}, {@link CustomerSink}, {@link SalesOrderSink},
 * {@link SalesOrderQuery}, {@link StockLedger}, {@link DeliveryFeed}, and for after-sale {@link DeliveryHold},
 * {@link SalesOrderLineCancellation}, {@link ReturnSink}). Implementations are Spring beans and thread-safe.
 */
public interface ErpConnector {

  /** Stable id used in configuration ({@code bridge.erp.active}), e.g. {@code embedded}. */
  String id();

  /** Human-readable name, e.g. {@code Built-in ERP}. */
  String displayName();

  /** Checks connectivity and credentials with one cheap call; never throws. */
  Health check();

  /**
   * Outcome of {@link #check()}.
   *
   * @param ok whether the ERP answered as expected
   * @param detail one line for operators
   */
  record Health(boolean ok, String detail) {}
}
