package com.tmallbridge.stock;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.order.TradeStockEvent;
import com.tmallbridge.order.TradesPaid;
import com.tmallbridge.order.UnpaidTradeClosed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps reservations in step with imported trades, in the import transaction: PAID reserves each
 * line (and flags an oversell when the trade needs more than was sellable), a page's PAID events
 * ({@link TradesPaid}) in one batch, CLOSED and REFUNDED release. Idempotent: a re-applied event changes nothing. The affected materials are marked for
 * recomputation; a new reservation also marks its listing to be pushed again whatever its figure
 * (Tmall deducted the sale itself, see {@link PublicationRepository#NEEDS_PUSH}).
 */
@Component
class ReservationListener {
  private static final Logger log = LoggerFactory.getLogger(ReservationListener.class);

  private final ReservationRepository reservations;
  private final StateRepository state;
  private final SellableStock stock;
  private final Clock clock;

  ReservationListener(ReservationRepository reservations, StateRepository state, SellableStock stock, Clock clock) {
    this.reservations = reservations;
    this.state = state;
    this.stock = stock;
    this.clock = clock;
  }

  @EventListener
  void on(TradeStockEvent event) {
    Instant now = clock.instant();
    switch (event.kind()) {
      case PAID -> reserve(List.of(event), now);
      case CLOSED -> state.markDirty(reservations.release(event.shop(), event.tid(), null, "CLOSED", now));
      case REFUNDED -> {
        List<MaterialCode> released = new ArrayList<>();
        event.lines().stream().map(TradeStockEvent.Line::oid).distinct()
            .forEach(oid -> released.addAll(reservations.release(event.shop(), event.tid(), oid, "REFUNDED", now)));
        state.markDirty(released);
      }
    }
  }

  /** A page's paid trades: reserved together, each checked for oversell as if it came alone after the ones before it. */
  @EventListener
  void on(TradesPaid event) {
    reserve(event.events(), clock.instant());
  }

  /** Tmall gave back what it held for an unpaid trade: its listings are due for a push (no units move). */
  @EventListener
  void on(UnpaidTradeClosed event) {
    Instant now = clock.instant();
    for (int i = 0; i < event.listings().size(); i++) {
      UnpaidTradeClosed.Listing l = event.listings().get(i);
      reservations.markListingDue(event.shop(), event.tid(), i, l.numIid(), l.skuId(), now);
    }
  }

  /**
   * Reserves the lines of PAID events in one batch. Sellable is read once, before any of them
   * reserves; the check of each trade then subtracts what the trades before it reserved, which is
   * what a read per trade would have shown (the running totals include the transaction's own
   * reservations).
   */
  private void reserve(List<TradeStockEvent> events, Instant now) {
    List<ReservationRepository.NewReservation> lines = new ArrayList<>();
    List<TradeStockEvent.Line> firstOfLine = new ArrayList<>();
    int[] ends = new int[events.size()];
    for (int e = 0; e < events.size(); e++) {
      TradeStockEvent event = events.get(e);
      Map<String, TradeStockEvent.Line> merged = new LinkedHashMap<>();
      Map<String, Long> quantities = new LinkedHashMap<>();
      for (TradeStockEvent.Line l : event.lines()) {
        String key = l.oid() + "\u0000" + l.material().value();
        merged.putIfAbsent(key, l);
        quantities.merge(key, (long) l.quantity(), Long::sum);
      }
      merged.forEach((key, l) -> {
        lines.add(new ReservationRepository.NewReservation(event.shop(), event.tid(), l.oid(), l.material(), l.numIid(), l.skuId(),
            quantities.get(key)));
        firstOfLine.add(l);
      });
      ends[e] = lines.size();
    }
    Map<MaterialCode, Long> sellable = sellableBefore(events);
    boolean[] created = reservations.reserveAll(lines, now);
    Set<MaterialCode> dirty = new LinkedHashSet<>();
    int from = 0;
    for (int e = 0; e < events.size(); e++) {
      Map<MaterialCode, Long> orderedNow = new LinkedHashMap<>();
      Map<MaterialCode, TradeStockEvent.Line> firstLine = new LinkedHashMap<>();
      for (int i = from; i < ends[e]; i++) {
        if (created[i]) {
          orderedNow.merge(lines.get(i).material(), lines.get(i).quantity(), Long::sum);
          firstLine.putIfAbsent(lines.get(i).material(), firstOfLine.get(i));
        }
      }
      from = ends[e];
      if (sellable != null) {
        flagOversells(events.get(e), orderedNow, firstLine, sellable, now);
      }
      dirty.addAll(orderedNow.keySet());
    }
    state.markDirty(dirty);
  }

  /** Flags each material the trade ordered more of than was sellable, then takes what it reserved off {@code sellable}. */
  private void flagOversells(TradeStockEvent event, Map<MaterialCode, Long> orderedNow, Map<MaterialCode, TradeStockEvent.Line> firstLine,
      Map<MaterialCode, Long> sellable, Instant now) {
    orderedNow.forEach((m, ordered) -> {
      Long before = sellable.get(m);
      if (before == null) {
        return;
      }
      if (ordered > before) {
        TradeStockEvent.Line l = firstLine.get(m);
        state.flagOversell(event.shop(), event.tid(), m, l.numIid(), l.skuId(), ordered, before, now);
      }
      sellable.put(m, before - ordered);
    });
  }

  /**
   * Sellable per material just before these trades reserve (a remote ERP's on-hand as last read, see
   * {@link SellableStock#sellableWithinTransaction}), mutable; null when the ERP cannot be read (never
   * blocks the import).
   */
  private Map<MaterialCode, Long> sellableBefore(List<TradeStockEvent> events) {
    if (!stock.available()) {
      return null;
    }
    List<MaterialCode> materials = events.stream().flatMap(e -> e.lines().stream()).map(TradeStockEvent.Line::material).distinct().toList();
    try {
      return new HashMap<>(stock.sellableWithinTransaction(materials));
    } catch (RuntimeException e) {
      log.warn("cannot read ERP stock to check trades {} for oversell: {}", events.stream().map(TradeStockEvent::tid).toList(),
          e.getMessage());
      return null;
    }
  }
}
