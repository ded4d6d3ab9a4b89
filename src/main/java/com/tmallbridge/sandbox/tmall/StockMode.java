package com.tmallbridge.sandbox.tmall;

/**
 * When an item's stock goes down, as the seller chose on Tmall (TOP {@code Item.sub_stock}).
 *
 * <ul>
 *   <li>{@link #ON_CREATION} 拍下减库存 ({@code sub_stock} 1): creating the trade takes the units; closing
 *       it unpaid gives them back.
 *   <li>{@link #ON_PAYMENT} 付款减库存 ({@code sub_stock} 2, Tmall's default): creating the trade only
 *       holds the units ({@code with_hold_quantity}); payment takes them; closing unpaid releases
 *       the hold.
 * </ul>
 */
public enum StockMode {
  ON_CREATION(1),
  ON_PAYMENT(2);

  private final int subStock;

  StockMode(int subStock) {
    this.subStock = subStock;
  }

  /** The TOP {@code sub_stock} value: 1 拍下减库存, 2 付款减库存. */
  public int subStock() {
    return subStock;
  }
}
