package com.tmallbridge.channel.tmall;

import java.util.List;
import java.util.Locale;

/**
 * Sorts TOP's refusals of taobao.logistics.offline.send into what an operator must fix. TOP
 * answers code 15 with {@code isv.logistics-offline-service-error:Bnn} sub codes whose meaning is
 * only documented by their Chinese sub_msg (B01 trade not found, B04 "already shipped or closed",
 * B60 tracking number does not match the carrier's rule, P38 split check failed), and other
 * gateways word the same errors in English; so both the sub code and the message are read.
 * Stateless.
 */
final class ShipmentFailureClassifier {

  /** What a refusal is about. */
  enum Cause {
    /** The tracking number is blank, malformed for the carrier or used already. */
    TRACKING_NUMBER,
    /** The carrier code is unknown. */
    CARRIER,
    /** The trade does not exist for this seller. */
    TRADE_NOT_FOUND,
    /** The trade's state does not allow shipping: maybe shipped already, maybe closed. */
    TRADE_STATE,
    /** Something else; reported as TOP worded it. */
    OTHER
  }

  private static final List<String> TRACKING =
      List.of(":b60", "out_sid", "out-sid", "mail_no", "mail-no", "mailno", "waybill", "tracking", "运单");
  private static final List<String> CARRIER = List.of("company", "carrier", "物流公司", "快递公司");
  private static final List<String> NOT_FOUND =
      List.of(":b01", "order_not_found", "order-not-found", "trade-not-exist", "trade_not_exist", "not exist",
          "not found", "订单不存在", "交易不存在");
  private static final List<String> STATE =
      List.of(":b02", ":b04", ":s01", ":p38", "sub_tid", "sub-tid", "is_split", "split", "state", "status", "already",
          "shipped", "consign", "closed", "状态", "已发货", "已经发货", "重复发货", "关闭", "拆单");

  private ShipmentFailureClassifier() {}

  static Cause classify(TopApiError error) {
    String text = ((error.subCode() == null ? "" : error.subCode()) + " " + (error.subMsg() == null ? "" : error.subMsg()))
        .toLowerCase(Locale.ROOT);
    if (containsAny(text, TRACKING)) {
      return Cause.TRACKING_NUMBER;
    }
    if (containsAny(text, CARRIER)) {
      return Cause.CARRIER;
    }
    if (containsAny(text, NOT_FOUND) || error.isNotFound()) {
      return Cause.TRADE_NOT_FOUND;
    }
    if (containsAny(text, STATE)) {
      return Cause.TRADE_STATE;
    }
    return Cause.OTHER;
  }

  private static boolean containsAny(String text, List<String> needles) {
    for (String needle : needles) {
      if (text.contains(needle)) {
        return true;
      }
    }
    return false;
  }
}
