package com.tmallbridge.sandbox.tmall;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One bill line (TOP {@code Bill}) as generated; immutable. Whether it is paid depends on the time
 * it is looked at: {@code status} is 1 once {@code plannedPayTime} has passed, 0 before and for a
 * line that stays unsettled ({@code plannedPayTime} null).
 *
 * @param bid {@code bid}
 * @param accountId {@code account_id}
 * @param accountType the account's type (see {@link BillAccount})
 * @param tid {@code trade_id}; null for lines without a trade
 * @param oid {@code order_id}; null for trade-level lines (the post fee)
 * @param numIid {@code num_iid}; null without a sub-order
 * @param amountFen {@code amount} in fen, signed as TOP shows it: positive income and fees,
 *     negative refunds
 * @param totalAmountFen {@code total_amount}: the trade's payment in fen
 * @param bizTime {@code biz_time}: trade completion or refund time
 * @param plannedPayTime when Alipay moves the money; null for a line that stays unsettled
 * @param notice {@code alipay_notice}
 */
record BillLine(
    long bid,
    long accountId,
    int accountType,
    @Nullable Long tid,
    @Nullable Long oid,
    @Nullable Long numIid,
    long amountFen,
    long totalAmountFen,
    Instant bizTime,
    @Nullable Instant plannedPayTime,
    String notice) {

  /** Whether Alipay has moved the money at {@code now}. */
  boolean paidAt(Instant now) {
    return plannedPayTime != null && !plannedPayTime.isAfter(now);
  }

  /** {@code pay_time} as seen at {@code now}: null while unpaid. */
  @Nullable Instant payTimeAt(Instant now) {
    return paidAt(now) ? plannedPayTime : null;
  }

  /** {@code gmt_modified} at {@code now}: the payment once paid, else the creation. */
  Instant modifiedAt(Instant now) {
    return paidAt(now) ? plannedPayTime : bizTime;
  }

  /** The public ground-truth view at {@code now}. */
  SandboxBill view(Instant now) {
    return new SandboxBill(
        bid, accountId, accountType, tid, oid, amountFen, paidAt(now), bizTime, payTimeAt(now));
  }
}
