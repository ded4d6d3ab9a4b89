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
    @Nullable String buyerNick,
    @Nullable String receiverState,
    TradeState state,
    @Nullable String exceptionCode) {

  static TradeRow of(long shopId, ChannelTrade t, boolean everPaid, TradeState state, @Nullable String exceptionCode) {
    return new TradeRow(
        shopId, t.tid(), t.status(), t.type(), t.created(), t.modified(), t.payTime(), everPaid, t.paymentFen(),
        t.postFeeFen(), t.buyerNick(), t.receiverState(), state, exceptionCode);
  }
}
