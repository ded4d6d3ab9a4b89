package com.tmallbridge.sandbox.tmall;

import com.tmallbridge.core.Money;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns every live change of a trade into the TMC messages TOP would publish (spec §3.6): trade
 * topics by status change ({@code TradeCreate}, {@code TradeBuyerPay}, {@code
 * TradePartlySellerShip}, {@code TradeSellerShip}, {@code TradeSuccess}, {@code TradeClose}), memo
 * and address changes, {@code TradePartlyRefund} when a sub-order closes by refund, refund topics by
 * case step, and {@code TradeChanged} for any other change. History is not published.
 */
final class TmcEvents implements TradeStore.TradeObserver {
  static final String TRADE = "taobao_trade_";
  static final String REFUND = "taobao_refund_";

  private final TmcHub hub;
  private final String sellerNick;
  private final JsonMapper json = JsonMapper.builder().build();

  TmcEvents(TmcHub hub, String sellerNick) {
    this.hub = hub;
    this.sellerNick = sellerNick;
  }

  @Override
  public void changed(@Nullable TradeRecord before, TradeRecord after, boolean live) {
    if (!live) {
      return;
    }
    if (before == null) {
      trade("TradeCreate", after, null);
      if (after.status().paid()) {
        trade("TradeBuyerPay", after, null);
      }
      return;
    }
    boolean published = statusTopics(before, after);
    if (!Objects.equals(before.notes().sellerMemo(), after.notes().sellerMemo())
        || before.notes().sellerFlag() != after.notes().sellerFlag()) {
      ObjectNode content = tradeContent(after, null);
      content.put("seller_memo", after.notes().sellerMemo());
      content.put("seller_flag", after.notes().sellerFlag());
      publish(TRADE + "TradeMemoModified", content, after.tid());
      published = true;
    }
    if (!before.buyer().receiver().equals(after.buyer().receiver())) {
      ObjectNode content = ResponseShape.object();
      content.put("tid", after.tid());
      content.put("buyer_nick", after.buyer().nick());
      content.put("seller_nick", sellerNick);
      publish(TRADE + "TradeLogisticsAddressChanged", content, after.tid());
      published = true;
    }
    published |= refundTopics(before, after);
    if (!published && !before.times().modified().equals(after.times().modified())) {
      trade("TradeChanged", after, null);
    }
  }

  private boolean statusTopics(TradeRecord before, TradeRecord after) {
    boolean shippedMore = after.parcels().size() > before.parcels().size();
    if (before.status() == after.status()) {
      if (shippedMore) {
        trade("TradePartlySellerShip", after, null);
        return true;
      }
      return false;
    }
    String topic =
        switch (after.status()) {
          case WAIT_SELLER_SEND_GOODS -> before.status() == TradeStatus.WAIT_BUYER_PAY ? "TradeBuyerPay" : null;
          case SELLER_CONSIGNED_PART -> "TradePartlySellerShip";
          case WAIT_BUYER_CONFIRM_GOODS -> "TradeSellerShip";
          case TRADE_FINISHED -> "TradeSuccess";
          case TRADE_CLOSED, TRADE_CLOSED_BY_TAOBAO -> "TradeClose";
          default -> null;
        };
    if (topic == null) {
      return false;
    }
    trade(topic, after, null);
    return true;
  }

  private boolean refundTopics(TradeRecord before, TradeRecord after) {
    boolean published = false;
    for (OrderLine line : after.lines()) {
      RefundRecord was = before.lineState(line.oid()).refund();
      RefundRecord now = after.lineState(line.oid()).refund();
      if (now != null) {
        String topic = null;
        if (was == null || was.refundId() != now.refundId()) {
          topic = "RefundCreated";
        } else if (was.status() != now.status()) {
          topic =
              switch (now.status()) {
                case WAIT_BUYER_RETURN_GOODS -> "RefundSellerAgreeAgreement";
                case SELLER_REFUSE_BUYER -> "RefundSellerRefuseAgreement";
                case WAIT_SELLER_CONFIRM_GOODS -> "RefundBuyerReturnGoods";
                case SUCCESS -> "RefundSuccess";
                case CLOSED -> "RefundClosed";
                default -> null;
              };
        }
        if (topic != null) {
          publish(REFUND + topic, refundContent(after, now), now.refundId());
          published = true;
        }
      }
      boolean closedNow =
          after.lineState(line.oid()).closed() && !before.lineState(line.oid()).closed();
      if (closedNow && after.status() != TradeStatus.TRADE_CLOSED) {
        trade("TradePartlyRefund", after, line.oid());
        published = true;
      }
    }
    return published;
  }

  private void trade(String topic, TradeRecord trade, @Nullable Long oid) {
    publish(TRADE + topic, tradeContent(trade, oid), trade.tid());
  }

  /** Common trade content: tid, oid (the tid for whole-trade events), nicks, payment, status, type. */
  private ObjectNode tradeContent(TradeRecord trade, @Nullable Long oid) {
    ObjectNode content = ResponseShape.object();
    content.put("buyer_nick", trade.buyer().nick());
    content.put("buyer_open_uid", trade.buyer().openUid());
    content.put("payment", Money.formatYuan(trade.paymentFen()));
    content.put("oid", oid == null ? trade.tid() : oid);
    content.put("tid", trade.tid());
    content.put("type", trade.type() == TradeType.FIXED ? "guarantee_trade" : trade.type().topName());
    content.put("status", trade.status().name());
    content.put("seller_nick", sellerNick);
    return content;
  }

  private ObjectNode refundContent(TradeRecord trade, RefundRecord refund) {
    ObjectNode content = ResponseShape.object();
    content.put("refund_id", refund.refundId());
    content.put("tid", refund.tid());
    content.put("oid", refund.oid());
    content.put("refund_fee", Money.formatYuan(refund.refundFeeFen()));
    content.put("refund_phase", refund.refundPhase());
    content.put("bill_type", refund.kind().billType());
    content.put("modified", TopTime.format(refund.modified()));
    content.put("buyer_nick", trade.buyer().nick());
    content.put("buyer_open_uid", trade.buyer().openUid());
    content.put("seller_nick", sellerNick);
    return content;
  }

  private void publish(String topic, ObjectNode content, long dataId) {
    hub.publish(sellerNick, topic, json.writeValueAsString(content), dataId);
  }
}
