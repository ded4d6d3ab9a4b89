package com.tmallbridge.sandbox.tmall;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One immutable snapshot of a simulated trade. The lifecycle is an explicit state machine: each
 * transition checks the current status, returns a new snapshot and moves {@code modified}.
 *
 * <pre>
 * WAIT_BUYER_PAY ─pay→ WAIT_SELLER_SEND_GOODS ─ship→ WAIT_BUYER_CONFIRM_GOODS ─finish→ TRADE_FINISHED
 *       └─close→ TRADE_CLOSED_BY_TAOBAO            └──────────refund─────────────┴→ TRADE_CLOSED
 * </pre>
 */
record TradeRecord(
    long tid,
    TradeType type,
    TradeStatus status,
    TradeTimes times,
    Buyer buyer,
    TradeNotes notes,
    TradeCharges charges,
    String shippingType,
    String tradeFrom,
    @Nullable String alipayNo,
    @Nullable Shipment shipment,
    List<OrderLine> lines) {

  TradeRecord {
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("trade " + tid + " has no sub-orders");
    }
  }

  /** The buyer pays: the trade waits for the seller to ship. */
  TradeRecord paid(Instant at, String alipayNumber) {
    require(EnumSet.of(TradeStatus.WAIT_BUYER_PAY), "pay");
    return with(TradeStatus.WAIT_SELLER_SEND_GOODS, times.paid(at), notes, alipayNumber, shipment);
  }

  /** Taobao closes a trade that was never paid. */
  TradeRecord closedByTaobao(Instant at) {
    require(EnumSet.of(TradeStatus.WAIT_BUYER_PAY), "close unpaid");
    return with(TradeStatus.TRADE_CLOSED_BY_TAOBAO, times.ended(at), notes, alipayNo, shipment);
  }

  /** The seller ships the whole trade. */
  TradeRecord shipped(Instant at, Shipment parcel) {
    require(EnumSet.of(TradeStatus.WAIT_SELLER_SEND_GOODS), "ship");
    return with(TradeStatus.WAIT_BUYER_CONFIRM_GOODS, times.consigned(at), notes, alipayNo, parcel);
  }

  /** The buyer confirms receipt (or the platform does after the timeout). */
  TradeRecord finished(Instant at) {
    require(EnumSet.of(TradeStatus.WAIT_BUYER_CONFIRM_GOODS), "finish");
    return with(TradeStatus.TRADE_FINISHED, times.ended(at), notes, alipayNo, shipment);
  }

  /** Every sub-order is refunded after payment: the trade closes. */
  TradeRecord refunded(Instant at) {
    require(
        EnumSet.of(TradeStatus.WAIT_SELLER_SEND_GOODS, TradeStatus.WAIT_BUYER_CONFIRM_GOODS),
        "refund");
    return with(TradeStatus.TRADE_CLOSED, times.ended(at), notes, alipayNo, shipment);
  }

  /** The seller writes a memo and sets a flag; allowed in every status. */
  TradeRecord memoUpdated(Instant at, String memo, int flag) {
    return with(status, times.touched(at), notes.withMemo(memo, flag), alipayNo, shipment);
  }

  /** Goods total: sum of price·num over the sub-orders. */
  long totalFeeFen() {
    return lines.stream().mapToLong(line -> line.priceFen() * line.num()).sum();
  }

  /** What the buyer pays: sub-order payments plus post fee minus the trade-level discount. */
  long paymentFen() {
    long orders = lines.stream().mapToLong(OrderLine::paymentFen).sum();
    return orders + charges.postFeeFen() - charges.discountFeeFen();
  }

  /** TOP reports the manual adjustment on the trade only for single-order trades. */
  long adjustFeeFen() {
    return lines.size() == 1 ? lines.get(0).adjustFeeFen() : 0;
  }

  /** Money the seller has received: the whole payment once the trade finished. */
  long receivedPaymentFen() {
    return status == TradeStatus.TRADE_FINISHED ? paymentFen() : 0;
  }

  String refundStatus() {
    return status == TradeStatus.TRADE_CLOSED ? "SUCCESS" : "NO_REFUND";
  }

  int quantity() {
    return lines.stream().mapToInt(OrderLine::num).sum();
  }

  /** Index category used by {@link TradeIndex} to filter by status and type. */
  int category() {
    return category(status, type);
  }

  static int category(TradeStatus status, TradeType type) {
    return status.ordinal() * TradeType.values().length + type.ordinal();
  }

  static int categoryCount() {
    return TradeStatus.values().length * TradeType.values().length;
  }

  /** The categories matching both filters. */
  static int[] categories(Set<TradeStatus> statuses, Set<TradeType> types) {
    return statuses.stream()
        .flatMap(status -> types.stream().map(type -> category(status, type)))
        .mapToInt(Integer::intValue)
        .sorted()
        .toArray();
  }

  /** The immutable ground-truth view handed to tests and benchmarks. */
  SandboxTrade view() {
    List<SandboxTradeLine> views =
        lines.stream()
            .map(
                line ->
                    new SandboxTradeLine(
                        line.oid(),
                        line.numIid(),
                        line.skuId(),
                        line.outerIid(),
                        line.outerSkuId(),
                        line.title(),
                        line.num(),
                        line.priceFen(),
                        line.paymentFen(),
                        line.divideOrderFeeFen(),
                        refundStatus()))
            .toList();
    return new SandboxTrade(
        tid,
        status.name(),
        type.topName(),
        times.created(),
        times.modified(),
        times.payTime(),
        times.consignTime(),
        times.endTime(),
        times.payTime() != null,
        paymentFen(),
        charges.postFeeFen(),
        charges.discountFeeFen(),
        views);
  }

  private void require(Set<TradeStatus> allowed, String transition) {
    if (!allowed.contains(status)) {
      throw new IllegalStateException(
          "cannot " + transition + " trade " + tid + " in status " + status);
    }
  }

  private TradeRecord with(
      TradeStatus newStatus,
      TradeTimes newTimes,
      TradeNotes newNotes,
      @Nullable String newAlipayNo,
      @Nullable Shipment newShipment) {
    return new TradeRecord(
        tid,
        type,
        newStatus,
        newTimes,
        buyer,
        newNotes,
        charges,
        shippingType,
        tradeFrom,
        newAlipayNo,
        newShipment,
        lines);
  }
}
