package com.tmallbridge.order;

import com.tmallbridge.channel.ChannelTrade;
import java.util.Set;

/** Which Tmall trade statuses mean that the buyer has paid (now or at some point). */
final class PaidStatuses {
  /** Paid, shipped, received, finished, or closed by a refund after payment. */
  private static final Set<String> PAID =
      Set.of(
          "WAIT_SELLER_SEND_GOODS", "SELLER_CONSIGNED_PART", "WAIT_BUYER_CONFIRM_GOODS", "TRADE_BUYER_SIGNED",
          "TRADE_FINISHED", "TRADE_CLOSED", "PAID_FORBID_CONSIGN");

  static final String CLOSED_BEFORE_PAYMENT = "TRADE_CLOSED_BY_TAOBAO";

  private PaidStatuses() {}

  /** Whether the trade was ever paid: a pay time, or a status only paid trades reach. */
  static boolean everPaid(ChannelTrade t) {
    if (CLOSED_BEFORE_PAYMENT.equals(t.status())) {
      return false;
    }
    return t.payTime() != null || PAID.contains(t.status());
  }
}
