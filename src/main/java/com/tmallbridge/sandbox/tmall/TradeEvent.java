package com.tmallbridge.sandbox.tmall;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

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

  /** The whole trade is refunded. */
  record Refunded() implements TradeEvent {
    @Override
    public TradeRecord applyTo(TradeRecord trade, Instant at) {
      return trade.refunded(at);
    }
  }

  /** The seller writes a memo and flags the trade. */
  record MemoUpdated(String memo, int flag) implements TradeEvent {
    @Override
    public TradeRecord applyTo(TradeRecord trade, Instant at) {
      return trade.memoUpdated(at, memo, flag);
    }
  }
}
