package com.tmallbridge.order;

/** Where a trade stands in the bridge's order flow. */
public enum TradeState {
  /** Seen, not paid yet: nothing goes to the ERP. */
  WAITING_PAYMENT,
  /** Closed before payment: never goes to the ERP. */
  CLOSED_UNPAID,
  /** Paid and normalised; the ERP order is queued in the outbox. */
  QUEUED,
  /** The ERP holds its sales order. */
  EXPORTED,
  /** Held with an open exception that an operator can see and retry. */
  EXCEPTION
}
