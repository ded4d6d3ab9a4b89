package com.tmallbridge.sandbox.tmall;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one sub-order on its own: closed by a refund (and when), its current after-sale
 * case, how much was refunded so far, how many cases were opened on it and whether its goods came
 * back to the seller with a return (退货退款) that succeeded.
 */
record LineState(
    boolean closed,
    @Nullable Instant endTime,
    @Nullable RefundRecord refund,
    long refundedFen,
    int refundCount,
    boolean goodsReturned) {

  static final LineState NONE = new LineState(false, null, null, 0, 0, false);

  LineState withRefund(RefundRecord changed, boolean opened) {
    return new LineState(closed, endTime, changed, refundedFen, refundCount + (opened ? 1 : 0), goodsReturned);
  }

  LineState withRefunded(long fen) {
    return new LineState(closed, endTime, refund, refundedFen + fen, refundCount, goodsReturned);
  }

  /** The buyer's goods of the sub-order are back with the seller: nothing is left to return or exchange. */
  LineState withGoodsReturned() {
    return new LineState(closed, endTime, refund, refundedFen, refundCount, true);
  }

  LineState closedAt(Instant at) {
    return new LineState(true, at, refund, refundedFen, refundCount, goodsReturned);
  }
}
