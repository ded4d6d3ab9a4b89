package com.tmallbridge.aftersale;

import com.tmallbridge.core.ErrorCode;

/** Operator-visible cases of the after-sale flow, shown on a refund ({@code refunds show}). */
public enum AfterSaleErrorCode implements ErrorCode {
  SHIPPED_AFTER_INTERCEPT(
      "AFTERSALE-001",
      "The buyer asked for a refund before shipping, but the ERP shipped the goods before the hold"
          + " reached it; stop the parcel with the carrier or handle the case as a return."),
  REFUND_OVER_PAID(
      "AFTERSALE-002",
      "Tmall reports a refund larger than what the buyer paid for the sub-order; the bridge caps it"
          + " at the paid amount. Check the case in the Tmall seller centre."),
  UNREADABLE_REFUND(
      "AFTERSALE-003",
      "Tmall listed a refund the bridge could not read; it is fetched again on the next window."),
  ERP_REJECTED(
      "AFTERSALE-004",
      "The ERP refused an after-sale document (hold, line cancellation, return or reship); fix the"
          + " ERP data named in the message, then run the refund's rules again with refunds retry."),
  ERP_ORDER_MISSING(
      "AFTERSALE-005",
      "The refund's trade has no ERP sales order yet; the rules run again when it has one (outbox retry)."),
  RESHIP_UNAVAILABLE(
      "AFTERSALE-006",
      "An exchange or reship needs a replacement sales order, but the original trade's sales order"
          + " cannot be rebuilt (trade unknown to the bridge); create the replacement in the ERP by hand."),
  EARLIER_CASE_FIRST(
      "AFTERSALE-007",
      "The case takes goods back, but an earlier case of the same sub-order is not yet booked, the refund pull has"
          + " not yet read Tmall up to this case's creation, or the replacement order of an earlier exchange has not"
          + " shipped yet; the case waits (outbox retry, up to bridge.aftersale.case-order-wait) so each return takes"
          + " back the goods of the order they came from.");

  private final String code;
  private final String description;

  AfterSaleErrorCode(String code, String description) {
    this.code = code;
    this.description = description;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String description() {
    return description;
  }
}
