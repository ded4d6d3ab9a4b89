package com.tmallbridge.sandbox.tmall;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one sub-order on its own: closed by a refund (and when), its current after-sale
 * case, how much was refunded so far and how many cases were opened on it.
 */
record LineState(
    boolean closed,
    @Nullable Instant endTime,
    @Nullable RefundRecord refund,
    long refundedFen,
    int refundCount) {

  static final LineState NONE = new LineState(false, null, null, 0, 0);

  LineState withRefund(RefundRecord changed, boolean opened) {
    return new LineState(closed, endTime, changed, refundedFen, refundCount + (opened ? 1 : 0));
  }

  LineState withRefunded(long fen) {
    return new LineState(closed, endTime, refund, refundedFen + fen, refundCount);
  }

  LineState closedAt(Instant at) {
    return new LineState(true, at, refund, refundedFen, refundCount);
  }
}
