package com.tmallbridge.sandbox.tmall;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One immutable snapshot of an after-sale case on one sub-order. Each transition checks the current
 * status and moves {@code modified} (second precision, never backwards):
 *
 * <pre>
 * WAIT_SELLER_AGREE ─agree→ SUCCESS                                      (refund only)
 *        │          ─agree→ WAIT_BUYER_RETURN_GOODS ─return→ WAIT_SELLER_CONFIRM_GOODS ─receive→ SUCCESS
 *        ├─refuse→ SELLER_REFUSE_BUYER ─close→ CLOSED
 *        └─close (buyer withdraws; also from WAIT_BUYER_RETURN_GOODS)→ CLOSED
 * </pre>
 *
 * Money in fen: {@code totalFeeFen} is what the buyer paid for the sub-order (its {@code
 * divide_order_fee}), {@code refundFeeFen ≤ totalFeeFen}, and TOP's {@code payment} is their
 * difference. {@code waitEnded} is when the case left {@code WAIT_SELLER_AGREE} (the seller agreed or
 * refused, or the buyer withdrew), null while it waits: TOP does not show it, the ground truth does.
 */
record RefundRecord(
    long refundId,
    long tid,
    long oid,
    TradeType tradeType,
    RefundKind kind,
    RefundStatus status,
    boolean aftersale,
    long totalFeeFen,
    long refundFeeFen,
    String reason,
    String goodStatus,
    @Nullable String companyName,
    @Nullable String sid,
    @Nullable Instant goodReturnTime,
    Instant created,
    Instant modified,
    @Nullable Instant waitEnded) {

  RefundRecord {
    if (refundFeeFen < 0 || refundFeeFen > totalFeeFen) {
      throw new IllegalArgumentException(
          "refund fee " + refundFeeFen + " outside [0, " + totalFeeFen + "] on oid " + oid);
    }
  }

  /** A new case waiting for the seller. */
  static RefundRecord opened(
      long refundId,
      TradeRecord trade,
      long oid,
      RefundKind kind,
      boolean aftersale,
      long totalFeeFen,
      long refundFeeFen,
      String reason,
      Instant at) {
    Instant when = TopTime.seconds(at);
    String goods = aftersale ? "BUYER_RECEIVED" : "BUYER_NOT_RECEIVED";
    return new RefundRecord(
        refundId,
        trade.tid(),
        oid,
        trade.type(),
        kind,
        RefundStatus.WAIT_SELLER_AGREE,
        aftersale,
        totalFeeFen,
        refundFeeFen,
        reason,
        goods,
        null,
        null,
        null,
        when,
        when,
        null);
  }

  /** The seller agrees: money goes back at once, or the buyer is asked to send the goods. */
  RefundRecord agreed(Instant at) {
    require(EnumSet.of(RefundStatus.WAIT_SELLER_AGREE), "agree to");
    return with(
        kind.goodsReturn() ? RefundStatus.WAIT_BUYER_RETURN_GOODS : RefundStatus.SUCCESS, at);
  }

  /** The seller refuses the request. */
  RefundRecord refused(Instant at) {
    require(EnumSet.of(RefundStatus.WAIT_SELLER_AGREE), "refuse");
    return with(RefundStatus.SELLER_REFUSE_BUYER, at);
  }

  /** The buyer sent the goods back with this carrier and tracking number. */
  RefundRecord goodsReturned(Instant at, String carrierName, String trackingNo) {
    require(EnumSet.of(RefundStatus.WAIT_BUYER_RETURN_GOODS), "return goods of");
    Instant when = later(at);
    return new RefundRecord(
        refundId,
        tid,
        oid,
        tradeType,
        kind,
        RefundStatus.WAIT_SELLER_CONFIRM_GOODS,
        aftersale,
        totalFeeFen,
        refundFeeFen,
        reason,
        "BUYER_RETURNED_GOODS",
        carrierName,
        trackingNo,
        when,
        created,
        when,
        waitEnded);
  }

  /** The seller confirms the returned goods arrived: the case succeeds. */
  RefundRecord goodsReceived(Instant at) {
    require(EnumSet.of(RefundStatus.WAIT_SELLER_CONFIRM_GOODS), "confirm goods of");
    return with(RefundStatus.SUCCESS, at);
  }

  /** The buyer withdraws (or the platform closes) the case. */
  RefundRecord closed(Instant at) {
    require(
        EnumSet.of(
            RefundStatus.WAIT_SELLER_AGREE,
            RefundStatus.WAIT_BUYER_RETURN_GOODS,
            RefundStatus.SELLER_REFUSE_BUYER),
        "close");
    return with(RefundStatus.CLOSED, at);
  }

  /** TOP {@code payment}: what the seller keeps of the sub-order. */
  long paymentFen() {
    return totalFeeFen - refundFeeFen;
  }

  String refundPhase() {
    return aftersale ? "aftersale" : "onsale";
  }

  /** Whether a successful case gives money back (exchanges do not). */
  boolean refundsMoney() {
    return kind != RefundKind.EXCHANGE && refundFeeFen > 0;
  }

  /** The ground-truth view for tests and demos. */
  SandboxRefund view() {
    return new SandboxRefund(
        refundId,
        tid,
        oid,
        kind,
        status.name(),
        refundPhase(),
        totalFeeFen,
        refundFeeFen,
        goodStatus,
        companyName,
        sid,
        created,
        modified,
        waitEnded);
  }

  private void require(Set<RefundStatus> allowed, String transition) {
    if (!allowed.contains(status)) {
      throw new IllegalStateException(
          "cannot " + transition + " refund " + refundId + " in status " + status);
    }
  }

  private RefundRecord with(RefundStatus newStatus, Instant at) {
    Instant when = later(at);
    return new RefundRecord(
        refundId,
        tid,
        oid,
        tradeType,
        kind,
        newStatus,
        aftersale,
        totalFeeFen,
        refundFeeFen,
        reason,
        goodStatus,
        companyName,
        sid,
        goodReturnTime,
        created,
        when,
        status == RefundStatus.WAIT_SELLER_AGREE ? when : waitEnded);
  }

  private Instant later(Instant at) {
    Instant when = TopTime.seconds(at);
    return when.isBefore(modified) ? modified : when;
  }
}
