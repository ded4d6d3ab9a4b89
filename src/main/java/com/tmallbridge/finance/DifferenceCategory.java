package com.tmallbridge.finance;

/**
 * What kind of difference the three-way reconciliation found for a trade. The amounts of a {@link
 * Difference} mean, per category, what each constant says; {@code docs/money.md} has the table.
 */
public enum DifferenceCategory {
  /**
   * A trade paid on Tmall (not closed) has no sales order in the ERP. Tmall: the payment; ERP: none;
   * settled: the trade's settlement lines so far.
   */
  MISSING_IN_ERP,
  /**
   * The ERP's sales order total differs from what the buyer paid on Tmall (goods plus freight), or
   * the ERP cancelled an order Tmall still counts as sold. Tmall: the payment; ERP: its total.
   */
  AMOUNT_MISMATCH,
  /**
   * A refund succeeded on Tmall but the ERP still holds the full order: no line cancellation,
   * return or money adjustment was booked for it. Tmall: payment net of refunds; ERP: its total.
   */
  REFUND_NOT_REFLECTED,
  /**
   * Settlement lines name a trade the bridge has never read from Tmall. Settled: the sum of those
   * lines; the day is the day of the lines' business time.
   */
  SETTLED_UNKNOWN_TRADE,
  /**
   * A finished trade has no paid income line {@code bridge.finance.reconciliation.unsettled-days}
   * days after it last changed on Tmall. Tmall: payment net of refunds; settled: paid income so far.
   */
  UNSETTLED_PAST_DAYS,
  /**
   * A commission, points or service-fee total of a trade, divided by its income, lies outside the
   * expected rate ± tolerance ({@code bridge.finance.fee-rates.*}). Tmall: the expected fee
   * (negative); settled: the fee charged (negative); the detail names the fee.
   */
  FEE_OUT_OF_RATE,
  /**
   * Settled income plus post fee plus refund lines differ from what the buyer paid net of
   * succeeded refunds (checked once an income line is paid). Tmall: payment net of refunds;
   * settled: that sum.
   */
  SETTLEMENT_MISMATCH
}
