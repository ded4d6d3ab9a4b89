package com.tmallbridge.stock;

/** Where a material stands in one warehouse. */
public enum ReplenishmentStatus {
  /** Stock (on hand plus incoming) is at or below the reorder point: order the suggested quantity. */
  REORDER,
  /** Above the reorder point: nothing to order yet. */
  OK,
  /** No sales in the window and nothing on hand: listed apart, never urgent. */
  DEAD
}
