package com.tmallbridge.erp;

import com.tmallbridge.core.ErpDocNo;

/**
 * Stops a sales order's delivery in the ERP (拦截): while a sales order has at least one hold that
 * was not released, the ERP refuses to ship it. Holds are keyed by the caller, so several refunds
 * of one order hold and release independently. Thread-safe.
 */
public interface DeliveryHold {

  /**
   * Holds the delivery of {@code salesOrderNo}. Idempotent on {@code holdKey}: holding again with a
   * key already used (also a released one) changes nothing.
   *
   * @param reason one line for the warehouse, e.g. {@code refund 123 requested}
   * @throws ConnectorException permanent when the sales order is unknown; retryable on transient failures
   */
  void hold(ErpDocNo salesOrderNo, String holdKey, String reason);

  /**
   * Releases the hold with {@code holdKey}; releasing a released or unknown key does nothing.
   *
   * @return whether the sales order is still held (by other keys)
   */
  boolean release(ErpDocNo salesOrderNo, String holdKey);

  /** Whether the sales order has at least one unreleased hold. */
  boolean isHeld(ErpDocNo salesOrderNo);
}
