package com.tmallbridge.erp;

/**
 * Base of every ERP connector. A connector additionally implements the capability interfaces its
 * ERP supports ({@link MaterialCatalog}, {@link CustomerSink}, {@link SalesOrderSink},
 * {@link SalesOrderQuery}, {@link StockLedger}, {@link DeliveryFeed}, and for after-sale {@link DeliveryHold},
 * {@link SalesOrderLineCancellation}, {@link ReturnSink}, and for money {@link VoucherSink}). Implementations are Spring beans and thread-safe.
 */
public interface ErpConnector {

  /** Stable id used in configuration ({@code bridge.erp.active}), e.g. {@code embedded}. */
  String id();

  /** Human-readable name, e.g. {@code Built-in ERP}. */
  String displayName();

  /** Checks connectivity and credentials with one cheap call; never throws. */
  Health check();

  /**
   * Where the connector's writes commit. {@link Locality#LOCAL}: on the bridge's own database,
   * joining the caller's transaction, so an ERP write and the outbox completion commit together.
   * {@link Locality#REMOTE} (the default): in another system, which shares no transaction with the
   * bridge; its writes must be idempotent on a key stored in the ERP document, and the sync engine
   * calls it with no database transaction or row lock held.
   */
  default Locality locality() {
    return Locality.REMOTE;
  }

  /** Where a connector's writes commit; see {@link #locality()}. */
  enum Locality {
    /** The bridge's own database, in the caller's transaction (the built-in ERP). */
    LOCAL,
    /** A remote system that commits on its own. */
    REMOTE
  }

  /**
   * Outcome of {@link #check()}.
   *
   * @param ok whether the ERP answered as expected
   * @param detail one line for operators
   */
  record Health(boolean ok, String detail) {}
}
