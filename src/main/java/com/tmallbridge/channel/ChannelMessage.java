package com.tmallbridge.channel;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One change message pushed by the channel (Tmall: TMC), e.g. topic {@code taobao_trade_TradeBuyerPay}
 * or {@code taobao_refund_RefundSuccess}. It names what changed; the full record is fetched with
 * {@link OrderFeed#trade} or {@link RefundFeed#refund}.
 *
 * @param id the channel's message id, used to confirm it
 * @param topic the topic, e.g. {@code taobao_trade_TradeSellerShip}
 * @param tid the trade id from the content, null when absent
 * @param oid the sub-order id from the content (equals tid for whole-trade events), null when absent
 * @param refundId the refund id from the content (refund topics), null when absent
 * @param content the message content exactly as received (JSON text)
 * @param publishTime when the channel published it, null when not given
 * @param userNick the seller nick the message belongs to, null when not given
 * @param userId the seller's numeric user id as text, null when not given
 */
public record ChannelMessage(
    String id,
    String topic,
    @Nullable String tid,
    @Nullable String oid,
    @Nullable String refundId,
    String content,
    @Nullable Instant publishTime,
    @Nullable String userNick,
    @Nullable String userId) {

  /** Whether the topic is a trade event ({@code taobao_trade_*}). */
  public boolean isTradeEvent() {
    return topic.startsWith("taobao_trade_");
  }

  /** Whether the topic is a refund event ({@code taobao_refund_*}). */
  public boolean isRefundEvent() {
    return topic.startsWith("taobao_refund_");
  }
}
