package com.tmallbridge.sandbox.tmall;

import java.time.Instant;
import java.util.List;

/**
 * A money fault injected into a sandbox shop's bills (ground truth for reconciliation checks).
 *
 * @param kind {@link Kind#FEE_OUT_OF_RATE} or {@link Kind#UNKNOWN_TRADE_SETTLEMENT}
 * @param tid the trade the fault is about (for an unknown-trade settlement, a tid the shop never had)
 * @param amountFen for a fee out of rate the commission charged on top of the 5.0% rate (positive
 *     fen; the trade's commission lines then add up to 12%); for an unknown-trade settlement the
 *     settled income
 * @param billIds the bill lines the fault added
 * @param at when it was injected (the lines' {@code biz_time} and {@code pay_time})
 */
public record SandboxMoneyFault(Kind kind, long tid, long amountFen, List<Long> billIds, Instant at) {

  public SandboxMoneyFault {
    billIds = List.copyOf(billIds);
  }

  /** What was injected. */
  public enum Kind {
    /** A finished trade charged 12% commission instead of 5.0%. */
    FEE_OUT_OF_RATE,
    /** A settled income line for a tid the shop does not have. */
    UNKNOWN_TRADE_SETTLEMENT
  }
}
