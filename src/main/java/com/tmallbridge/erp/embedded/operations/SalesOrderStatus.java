package com.tmallbridge.erp.embedded.operations;

/**
 * The built-in ERP's sales order statuses, as reported in {@code ErpSalesOrderSummary.status()}.
 *
 * <pre>
 * CONFIRMED ──ship part──► PART_SHIPPED ──ship rest──► SHIPPED
 *     │  └──────────────ship all────────────────────────┘
 *     └──cancel──► CANCELLED   (only before any delivery)
 * </pre>
 */
public enum SalesOrderStatus {
  /** Created from a channel order; nothing delivered yet. */
  CONFIRMED,
  /** Some but not all ordered units delivered. */
  PART_SHIPPED,
  /** Every ordered unit of every line delivered. */
  SHIPPED,
  /** Cancelled before any delivery; owes nothing. */
  CANCELLED
}
