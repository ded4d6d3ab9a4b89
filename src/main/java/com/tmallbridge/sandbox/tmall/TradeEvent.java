package com.tmallbridge.sandbox.tmall;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * Something that happens to a trade after it was created. Carries the random details decided when
 * the event was planned, so applying it later needs nothing but the time.
 */
sealed interface TradeEvent {

  /** Applies the event at the given time; throws {@link IllegalStateException} when invalid. */
  TradeRecord applyTo(TradeRecord trade, Instant at);

  /** The buyer pays; the Alipay number starts with the payment date as real ones do. */
  record Paid(String alipaySuffix) implements TradeEvent {
    @Override
    public TradeRecord applyTo(TradeRecord trade, Instant at) {
      LocalDate day = LocalDate.ofInstant(at, TopTime.GMT8);
      return trade.paid(at, DateTimeFormatter.BASIC_ISO_DATE.format(day) + "22001" + alipaySuffix);
    }
  }

  /** Taobao closes the unpaid trade. */
  record ClosedUnpaid() implements TradeEvent {
    @Override
    public TradeRecord applyTo(TradeRecord trade, Instant at) {
      return trade.closedByTaobao(at);
    }
  }

  /** The seller ships. */
  record Shipped(Shipment shipment) implements TradeEvent {
    @Override
    public TradeRecord applyTo(TradeRecord trade, Instant at) {
      return trade.shipped(at, shipment);
    }
  }

  /** The buyer confirms receipt. */
  record Finished() implements TradeEvent {
    @Override
    public TradeRecord applyTo(TradeRecord trade, Instant at) {
      return trade.finished(at);
    }
  }

  /**
   * The buyer opens an after-sale case on the sub-order at {@code lineIndex} (modulo the number of
   * sub-orders).
   *
   * @param feePercent share of the refundable amount asked for, 1..100 (at least 1 fen)
   */
  record RefundRequested(int lineIndex, RefundKind kind, int feePercent, String reason)
      implements TradeEvent {
    @Override
    public TradeRecord applyTo(TradeRecord trade, Instant at) {
      long oid = oid(trade, lineIndex);
      OrderLine line = trade.line(oid).orElseThrow();
      long refundable = line.divideOrderFeeFen() - trade.lineState(oid).refundedFen();
      @Nullable Long fee = feePercent >= 100 ? null : Math.max(1, refundable * feePercent / 100);
      return trade.refundOpened(at, oid, kind, fee, reason);
    }
  }

  /** The open case on the sub-order at {@code lineIndex} moves on. */
  record RefundStep(int lineIndex, RefundAction action) implements TradeEvent {
    @Override
    public TradeRecord applyTo(TradeRecord trade, Instant at) {
      long oid = oid(trade, lineIndex);
      RefundRecord refund = trade.lineState(oid).refund();
      if (refund == null) {
        throw new IllegalStateException("sub-order " + oid + " has no refund");
      }
      return trade.refundChanged(at, action.applyTo(refund, at));
    }
  }

  /** The buyer moves the delivery address. */
  record AddressChanged(MaskedReceiver receiver) implements TradeEvent {
    @Override
    public TradeRecord applyTo(TradeRecord trade, Instant at) {
      return trade.receiverChanged(at, receiver);
    }
  }

  private static long oid(TradeRecord trade, int lineIndex) {
    return trade.lines().get(Math.floorMod(lineIndex, trade.lines().size())).oid();
  }

  /** The seller writes a memo and flags the trade. */
  record MemoUpdated(String memo, int flag) implements TradeEvent {
    @Override
    public TradeRecord applyTo(TradeRecord trade, Instant at) {
      return trade.memoUpdated(at, memo, flag);
    }
  }
}
