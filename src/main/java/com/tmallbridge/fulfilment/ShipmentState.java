package com.tmallbridge.fulfilment;

/**
 * Where the write-back of one ERP delivery stands.
 *
 * <pre>
 * PENDING ──► SENT | ALREADY_SHIPPED          (Tmall took it, or had it already)
 * PENDING ──► FAILED(reason)                  (an operator must fix it; out of the retry loop)
 * FAILED  ──► PENDING                         (shipments retry)
 * SKIPPED                                     (nothing to tell Tmall: a parcel of gifts only)
 * </pre>
 */
public enum ShipmentState {
  /** Queued for Tmall (or being retried by the outbox after a transient failure). */
  PENDING,
  /** Tmall accepted the tracking number. */
  SENT,
  /** Tmall had the trade (or these sub-orders) shipped already; counts as written back. */
  ALREADY_SHIPPED,
  /** Held for the operator with a reason code; retried only by {@code shipments retry}. */
  FAILED,
  /** The parcel holds no Tmall sub-order (gift lines only): nothing to write back. */
  SKIPPED;

  /** Whether Tmall shows (or needs not show) this parcel: SENT, ALREADY_SHIPPED or SKIPPED. */
  public boolean writtenBack() {
    return this == SENT || this == ALREADY_SHIPPED || this == SKIPPED;
  }
}
