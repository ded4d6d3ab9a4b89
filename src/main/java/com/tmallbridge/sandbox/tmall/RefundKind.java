package com.tmallbridge.sandbox.tmall;

/**
 * What a buyer asks for in an after-sale case, with the TOP names it maps to.
 *
 * <ul>
 *   <li>{@link #REFUND_ONLY} 仅退款: money back, no goods return ({@code dispute_type=REFUND}); the
 *       only kind possible before the sub-order shipped
 *   <li>{@link #RETURN} 退货退款: goods come back, then money ({@code REFUND_AND_RETURN})
 *   <li>{@link #EXCHANGE} 换货: goods come back and a replacement goes out; no money moves ({@code
 *       TMALL_EXCHANGE})
 * </ul>
 */
public enum RefundKind {
  REFUND_ONLY("REFUND", "refund_bill", false),
  RETURN("REFUND_AND_RETURN", "return_bill", true),
  EXCHANGE("TMALL_EXCHANGE", "replace_bill", true);

  private final String disputeType;
  private final String billType;
  private final boolean goodsReturn;

  RefundKind(String disputeType, String billType, boolean goodsReturn) {
    this.disputeType = disputeType;
    this.billType = billType;
    this.goodsReturn = goodsReturn;
  }

  /** TOP {@code dispute_type}. */
  public String disputeType() {
    return disputeType;
  }

  /** TMC {@code bill_type}: refund_bill, return_bill or replace_bill. */
  public String billType() {
    return billType;
  }

  /** TOP {@code has_good_return}: whether the buyer sends goods back. */
  public boolean goodsReturn() {
    return goodsReturn;
  }
}
