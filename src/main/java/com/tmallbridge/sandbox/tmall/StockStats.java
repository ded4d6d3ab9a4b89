package com.tmallbridge.sandbox.tmall;

/**
 * What quantity updates a shop (or the whole sandbox) received through the gateway.
 *
 * @param updateCalls successful {@code taobao.skus.quantity.update} and {@code
 *     taobao.item.quantity.update} calls
 * @param skusUpdated stock positions those calls changed (a SKU, or an item without SKUs), counted
 *     once per call that changed them
 * @param rejectedCalls quantity-update calls refused with a business error (bad parameters, unknown
 *     item or SKU, another seller's item); protocol errors and injected faults are not counted here
 */
public record StockStats(long updateCalls, long skusUpdated, long rejectedCalls) {

  static final StockStats NONE = new StockStats(0, 0, 0);

  StockStats plus(StockStats other) {
    return new StockStats(
        updateCalls + other.updateCalls,
        skusUpdated + other.skusUpdated,
        rejectedCalls + other.rejectedCalls);
  }
}
