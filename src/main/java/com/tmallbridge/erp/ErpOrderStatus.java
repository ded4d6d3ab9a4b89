package com.tmallbridge.erp;

/**
 * Where an ERP sales order stands, in the bridge's words. Every connector maps its ERP's own
 * states to these (the mapping is in its documentation); the flows read only these values, never
 * an ERP's status words.
 *
 * <pre>
 * OPEN ──deliver part──► PARTLY_DELIVERED ──deliver the rest──► DELIVERED
 *   │  └──────────────deliver everything──────────────────────────┘
 *   └──cancel──► CANCELLED   (only before any delivery)
 * </pre>
 *
 * A partly delivered order whose open units were all cancelled counts as {@link #DELIVERED}: what
 * is left of it has shipped.
 */
public enum ErpOrderStatus {
  /** Accepted; nothing delivered yet: it can still be held, changed or cancelled. */
  OPEN,
  /** Some units delivered, others still to ship. */
  PARTLY_DELIVERED,
  /** Nothing left to ship, and something shipped. */
  DELIVERED,
  /** Cancelled before anything was delivered; owes nothing. */
  CANCELLED;

  /** Whether some units may still leave the warehouse. */
  public boolean stillToShip() {
    return this == OPEN || this == PARTLY_DELIVERED;
  }
}
