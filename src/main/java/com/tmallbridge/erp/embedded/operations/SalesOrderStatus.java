package com.tmallbridge.erp.embedded.operations;

import com.tmallbridge.erp.ErpOrderStatus;

/**
 * The built-in ERP's sales order statuses as it stores them, and how they map to the SPI's {@link
 * ErpOrderStatus}.
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
  CANCELLED;

  /** The SPI's word for this status. */
  public ErpOrderStatus erpStatus() {
    return switch (this) {
      case CONFIRMED -> ErpOrderStatus.OPEN;
      case PART_SHIPPED -> ErpOrderStatus.PARTLY_DELIVERED;
      case SHIPPED -> ErpOrderStatus.DELIVERED;
      case CANCELLED -> ErpOrderStatus.CANCELLED;
    };
  }

  /** The SPI's word for a status stored as text in {@code erp_sales_order.status}. */
  public static ErpOrderStatus erpStatusOf(String stored) {
    return valueOf(stored).erpStatus();
  }
}
