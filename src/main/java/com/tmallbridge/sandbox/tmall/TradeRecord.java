package com.tmallbridge.sandbox.tmall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One immutable snapshot of a simulated trade. The lifecycle is an explicit state machine: each
 * transition checks the current status, returns a new snapshot and moves {@code modified}.
 *
 * <pre>
 * WAIT_BUYER_PAY ─pay→ WAIT_SELLER_SEND_GOODS ─ship all→ WAIT_BUYER_CONFIRM_GOODS ─finish→ TRADE_FINISHED
 *       │                  │   └ship some→ SELLER_CONSIGNED_PART ─ship rest┘
 *       └─close→ TRADE_CLOSED_BY_TAOBAO   └── every sub-order refunded (closed) ──→ TRADE_CLOSED
 * </pre>
 *
 * Sub-orders ship in {@link Parcel}s and carry their own after-sale case in {@link LineState}: a
 * fully refunded sub-order closes; when every sub-order is closed the trade closes.
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
    List<OrderLine> lines,
    List<Parcel> parcels,
    Map<Long, LineState> lineStates) {

  /** Most refunds one sub-order can have (refund ids carry the count as their last digit). */
  static final int MAX_REFUNDS_PER_LINE = 10;

  TradeRecord {
    lines = List.copyOf(lines);
    parcels = List.copyOf(parcels);
    lineStates = Map.copyOf(lineStates);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("trade " + tid + " has no sub-orders");
    }
  }

  /** A trade without parcels or after-sale cases yet. */
  TradeRecord(
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
    this(
        tid,
        type,
        status,
        times,
        buyer,
        notes,
        charges,
        shippingType,
        tradeFrom,
        alipayNo,
        shipment,
        lines,
        List.of(),
        Map.of());
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

  /** The seller ships every open sub-order in one parcel. */
  TradeRecord shipped(Instant at, Shipment parcel) {
    require(EnumSet.of(TradeStatus.WAIT_SELLER_SEND_GOODS), "ship");
    List<Long> oids = unshippedOpenOids();
    Instant when = times.consigned(at).consignTime();
    return consigned(
        at,
        new Parcel(parcel.companyCode(), parcel.companyName(), parcel.invoiceNo(), oids, when));
  }

  /**
   * The seller ships the parcel's sub-orders. The trade waits for the buyer once every open
   * sub-order shipped, and is {@code SELLER_CONSIGNED_PART} until then.
   *
   * @throws IllegalStateException when the trade cannot ship or a sub-order is unknown, closed or
   *     already shipped
   */
  TradeRecord consigned(Instant at, Parcel parcel) {
    require(
        EnumSet.of(TradeStatus.WAIT_SELLER_SEND_GOODS, TradeStatus.SELLER_CONSIGNED_PART), "ship");
    if (parcel.oids().isEmpty()) {
      throw new IllegalStateException("a parcel of trade " + tid + " must hold a sub-order");
    }
    for (long oid : parcel.oids()) {
      line(oid).orElseThrow(() -> new IllegalStateException("trade " + tid + " has no " + oid));
      if (lineState(oid).closed() || parcelOf(oid).isPresent()) {
        throw new IllegalStateException("sub-order " + oid + " is closed or already shipped");
      }
    }
    TradeTimes newTimes = times.consigned(at);
    List<Parcel> newParcels = new ArrayList<>(parcels);
    newParcels.add(
        new Parcel(
            parcel.companyCode(),
            parcel.companyName(),
            parcel.outSid(),
            parcel.oids(),
            newTimes.consignTime()));
    TradeRecord shippedTrade =
        copy(status, newTimes, notes, buyer, parcel.shipment(), newParcels, lineStates);
    return shippedTrade.withStatus(shippedTrade.openStatus());
  }

  /** The buyer confirms receipt (or the platform does after the timeout). */
  TradeRecord finished(Instant at) {
    require(EnumSet.of(TradeStatus.WAIT_BUYER_CONFIRM_GOODS), "finish");
    return with(TradeStatus.TRADE_FINISHED, times.ended(at), notes, alipayNo, shipment);
  }

  /**
   * The buyer opens an after-sale case on a sub-order. Before the sub-order shipped only a refund
   * without return is possible ({@code onsale}); afterwards any kind ({@code aftersale}). The refund
   * fee is capped by what the buyer paid for the sub-order less what was already refunded. A
   * sub-order refunded in full takes no new case, and one whose goods came back with a succeeded
   * return takes no return or exchange (the buyer holds none of its goods) — also after the buyer
   * confirmed receipt, when such a sub-order stays {@code TRADE_FINISHED} instead of closing.
   *
   * @param refundFeeFen asked amount in fen; null for the whole refundable amount (0 for exchanges)
   * @throws IllegalStateException when the trade or sub-order cannot take a new case
   * @throws IllegalArgumentException when the oid is unknown or the fee is out of range
   */
  TradeRecord refundOpened(
      Instant at, long oid, RefundKind kind, @Nullable Long refundFeeFen, String reason) {
    require(
        EnumSet.of(
            TradeStatus.WAIT_SELLER_SEND_GOODS,
            TradeStatus.SELLER_CONSIGNED_PART,
            TradeStatus.WAIT_BUYER_CONFIRM_GOODS,
            TradeStatus.TRADE_FINISHED),
        "open a refund on");
    OrderLine line =
        line(oid).orElseThrow(() -> new IllegalArgumentException("trade " + tid + " has no " + oid));
    LineState state = lineState(oid);
    if (state.closed()) {
      throw new IllegalStateException("sub-order " + oid + " is closed");
    }
    if (state.refund() != null && !state.refund().status().terminal()) {
      throw new IllegalStateException(
          "sub-order " + oid + " already has refund " + state.refund().refundId() + " open");
    }
    if (state.refundCount() >= MAX_REFUNDS_PER_LINE) {
      throw new IllegalStateException("sub-order " + oid + " had too many refunds");
    }
    boolean aftersale = parcelOf(oid).isPresent();
    if (!aftersale && kind != RefundKind.REFUND_ONLY) {
      throw new IllegalStateException(
          "sub-order " + oid + " has not shipped: only a refund without return is possible");
    }
    long refundable = line.divideOrderFeeFen() - state.refundedFen();
    if (refundable <= 0) {
      throw new IllegalStateException("sub-order " + oid + " was refunded in full");
    }
    if (state.goodsReturned() && kind.goodsReturn()) {
      throw new IllegalStateException(
          "the goods of sub-order " + oid + " came back with an earlier return: nothing left to " + kind);
    }
    long fee = kind == RefundKind.EXCHANGE ? 0 : refundFeeFen == null ? refundable : refundFeeFen;
    if (kind != RefundKind.EXCHANGE && (fee <= 0 || fee > refundable)) {
      throw new IllegalArgumentException(
          "refund fee of sub-order " + oid + " must be in [0.01, " + refundable / 100.0 + "] yuan");
    }
    RefundRecord refund =
        RefundRecord.opened(
            refundId(oid, state.refundCount()),
            this,
            oid,
            kind,
            aftersale,
            line.divideOrderFeeFen(),
            fee,
            reason,
            at);
    return withLine(at, oid, state.withRefund(refund, true));
  }

  /**
   * The sub-order's open case moves on. A successful money refund adds to what was refunded; once
   * the whole payment is back, the sub-order closes (unless the trade already finished), and the
   * trade closes with its last open sub-order. A successful return marks the sub-order's goods as
   * back with the seller.
   */
  TradeRecord refundChanged(Instant at, RefundRecord changed) {
    LineState state = lineState(changed.oid());
    if (state.refund() == null || state.refund().refundId() != changed.refundId()) {
      throw new IllegalStateException(
          "refund " + changed.refundId() + " is not the current case of " + changed.oid());
    }
    LineState next = state.withRefund(changed, false);
    if (changed.status() == RefundStatus.SUCCESS && changed.kind() == RefundKind.RETURN) {
      next = next.withGoodsReturned();
    }
    if (changed.status() == RefundStatus.SUCCESS && changed.refundsMoney()) {
      next = next.withRefunded(changed.refundFeeFen());
      OrderLine line = line(changed.oid()).orElseThrow();
      if (next.refundedFen() >= line.divideOrderFeeFen() && status != TradeStatus.TRADE_FINISHED) {
        next = next.closedAt(times.touched(at).modified());
      }
    }
    return withLine(at, changed.oid(), next);
  }

  /** The buyer changed the delivery address; allowed until the trade shipped completely. */
  TradeRecord receiverChanged(Instant at, MaskedReceiver receiver) {
    require(
        EnumSet.of(
            TradeStatus.WAIT_BUYER_PAY,
            TradeStatus.WAIT_SELLER_SEND_GOODS,
            TradeStatus.SELLER_CONSIGNED_PART),
        "change the address of");
    Buyer moved = new Buyer(buyer.nick(), buyer.openUid(), buyer.oaid(), receiver);
    return copy(status, times.touched(at), notes, moved, shipment, parcels, lineStates);
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

  /** The sub-order's after-sale state; {@link LineState#NONE} when nothing happened to it. */
  LineState lineState(long oid) {
    return lineStates.getOrDefault(oid, LineState.NONE);
  }

  Optional<OrderLine> line(long oid) {
    return lines.stream().filter(line -> line.oid() == oid).findFirst();
  }

  /** The parcel the sub-order shipped in, if it did. */
  Optional<Parcel> parcelOf(long oid) {
    return parcels.stream().filter(parcel -> parcel.oids().contains(oid)).findFirst();
  }

  /** TOP {@code Order.status}: closed sub-orders are TRADE_CLOSED; split parcels show per line. */
  TradeStatus lineStatus(OrderLine line) {
    if (lineState(line.oid()).closed()) {
      return TradeStatus.TRADE_CLOSED;
    }
    if (status == TradeStatus.SELLER_CONSIGNED_PART) {
      return parcelOf(line.oid()).isPresent()
          ? TradeStatus.WAIT_BUYER_CONFIRM_GOODS
          : TradeStatus.WAIT_SELLER_SEND_GOODS;
    }
    return status;
  }

  /** TOP {@code Order.refund_status}: the current case's status, NO_REFUND without one. */
  String lineRefundStatus(OrderLine line) {
    RefundRecord refund = lineState(line.oid()).refund();
    return refund == null ? "NO_REFUND" : refund.status().name();
  }

  /** TOP {@code Order.end_time}: when the sub-order closed, else the trade's end. */
  @Nullable Instant lineEndTime(OrderLine line) {
    LineState state = lineState(line.oid());
    return state.closed() ? state.endTime() : times.endTime();
  }

  /** Every after-sale case currently attached to a sub-order. */
  List<RefundRecord> refunds() {
    List<RefundRecord> refunds = new ArrayList<>();
    for (OrderLine line : lines) {
      RefundRecord refund = lineState(line.oid()).refund();
      if (refund != null) {
        refunds.add(refund);
      }
    }
    return refunds;
  }

  /** Open sub-orders that have not shipped yet, in order. */
  List<Long> unshippedOpenOids() {
    List<Long> oids = new ArrayList<>();
    for (OrderLine line : lines) {
      if (!lineState(line.oid()).closed() && parcelOf(line.oid()).isEmpty()) {
        oids.add(line.oid());
      }
    }
    return oids;
  }

  /**
   * Refund ids look like TOP's (18 digits) and are derived from the sub-order and the number of
   * cases it had before, so they are unique and reproducible.
   */
  static long refundId(long oid, int previousCases) {
    return 100_000_000_000_000_000L + (oid % 10_000_000_000_000_000L) * 10 + previousCases;
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
                        lineRefundStatus(line)))
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
        lines,
        parcels,
        lineStates);
  }

  private TradeRecord copy(
      TradeStatus newStatus,
      TradeTimes newTimes,
      TradeNotes newNotes,
      Buyer newBuyer,
      @Nullable Shipment newShipment,
      List<Parcel> newParcels,
      Map<Long, LineState> newStates) {
    return new TradeRecord(
        tid,
        type,
        newStatus,
        newTimes,
        newBuyer,
        newNotes,
        charges,
        shippingType,
        tradeFrom,
        alipayNo,
        newShipment,
        lines,
        newParcels,
        newStates);
  }

  private TradeRecord withStatus(TradeStatus newStatus) {
    return copy(newStatus, times, notes, buyer, shipment, parcels, lineStates);
  }

  /** Replaces one sub-order's state, then settles the trade status the lines now imply. */
  private TradeRecord withLine(Instant at, long oid, LineState state) {
    Map<Long, LineState> states = new HashMap<>(lineStates);
    states.put(oid, state);
    TradeRecord changed =
        copy(status, times.touched(at), notes, buyer, shipment, parcels, states);
    if (changed.lines.stream().allMatch(line -> changed.lineState(line.oid()).closed())) {
      return changed.copy(
          TradeStatus.TRADE_CLOSED, times.ended(at), notes, buyer, shipment, parcels, states);
    }
    return changed.withStatus(changed.openStatus());
  }

  /**
   * While the trade is being shipped: waiting, partly shipped, or waiting for the buyer, by which
   * open sub-orders have shipped. Other statuses stay as they are.
   */
  private TradeStatus openStatus() {
    if (status != TradeStatus.WAIT_SELLER_SEND_GOODS
        && status != TradeStatus.SELLER_CONSIGNED_PART) {
      return status;
    }
    int shipped = 0;
    int open = 0;
    for (OrderLine line : lines) {
      if (!lineState(line.oid()).closed()) {
        open++;
        if (parcelOf(line.oid()).isPresent()) {
          shipped++;
        }
      }
    }
    if (shipped == 0) {
      return TradeStatus.WAIT_SELLER_SEND_GOODS;
    }
    return shipped == open ? TradeStatus.WAIT_BUYER_CONFIRM_GOODS : TradeStatus.SELLER_CONSIGNED_PART;
  }
}
