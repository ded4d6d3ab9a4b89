package com.tmallbridge.order;

import com.tmallbridge.channel.ChannelTrade;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The columns of {@code order_trade} that the importer writes. */
record TradeRow(
    long shopId,
    String tid,
    String status,
    @Nullable String type,
    Instant created,
    Instant modified,
    @Nullable Instant payTime,
    boolean everPaid,
    long paymentFen,
    long postFeeFen,
    @Nullable String receiverState,
    TradeState state,
    @Nullable String exceptionCode) {

  /** A placeholder for a trade whose snapshot could not be read: held, nothing known but its id. */
  static TradeRow unreadable(long shopId, String tid, Instant now) {
    return new TradeRow(shopId, tid, "UNREADABLE", null, now, Instant.EPOCH, null, false, 0, 0, null,
        TradeState.EXCEPTION, OrderReason.INVALID_TRADE.code());
  }

  static TradeRow of(long shopId, ChannelTrade t, boolean everPaid, TradeState state, @Nullable String exceptionCode) {
    return new TradeRow(
        shopId, t.tid(), t.status(), t.type(), t.created(), t.modified(), t.payTime(), everPaid, t.paymentFen(),
        t.postFeeFen(), t.receiverState(), state, exceptionCode);
  }
}
