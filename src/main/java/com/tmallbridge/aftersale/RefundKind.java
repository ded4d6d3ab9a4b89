package com.tmallbridge.aftersale;

import com.tmallbridge.channel.ChannelRefund;

/** What the buyer asked for, which decides the ERP documents after shipping. */
public enum RefundKind {
  /** 仅退款: money back, goods stay with the buyer; a money adjustment only. */
  REFUND_ONLY,
  /** 退货退款: goods come back; ERP return document, restock on receipt. */
  RETURN,
  /** 换货: goods come back and a replacement goes out. */
  EXCHANGE,
  /** 补寄: a replacement goes out, nothing comes back. */
  RESHIP;

  /** From Tmall's {@code dispute_type} and {@code has_good_return}. */
  static RefundKind of(ChannelRefund refund) {
    String dispute = refund.disputeType() == null ? "" : refund.disputeType();
    return switch (dispute) {
      case "TMALL_EXCHANGE", "TAOBAO_EXCHANGE" -> EXCHANGE;
      case "RESHIPPING" -> RESHIP;
      case "REFUND_AND_RETURN" -> RETURN;
      default -> refund.hasGoodReturn() ? RETURN : REFUND_ONLY;
    };
  }
}
