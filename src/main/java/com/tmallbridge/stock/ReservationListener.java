package com.tmallbridge.stock;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.order.TradeStockEvent;
import com.tmallbridge.order.UnpaidTradeClosed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps reservations in step with imported trades, in the import transaction: PAID reserves each
 * line (and flags an oversell when the trade needs more than was sellable), CLOSED and REFUNDED
 * release. Idempotent: a re-applied event changes nothing. The affected materials are marked for
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
      case PAID -> reserve(event, now);
      case CLOSED -> state.markDirty(reservations.release(event.shop(), event.tid(), null, "CLOSED", now));
      case REFUNDED -> {
        List<MaterialCode> released = new ArrayList<>();
        event.lines().stream().map(TradeStockEvent.Line::oid).distinct()
            .forEach(oid -> released.addAll(reservations.release(event.shop(), event.tid(), oid, "REFUNDED", now)));
        state.markDirty(released);
      }
    }
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

  private void reserve(TradeStockEvent event, Instant now) {
    Map<String, TradeStockEvent.Line> merged = new LinkedHashMap<>();
    Map<String, Long> quantities = new LinkedHashMap<>();
    for (TradeStockEvent.Line l : event.lines()) {
      String key = l.oid() + "\u0000" + l.material().value();
      merged.putIfAbsent(key, l);
      quantities.merge(key, (long) l.quantity(), Long::sum);
    }
    Map<MaterialCode, Long> sellableBefore = sellableBefore(event);
    Map<MaterialCode, Long> orderedNow = new LinkedHashMap<>();
    Map<MaterialCode, TradeStockEvent.Line> firstLine = new LinkedHashMap<>();
    for (Map.Entry<String, TradeStockEvent.Line> e : merged.entrySet()) {
      TradeStockEvent.Line l = e.getValue();
      long quantity = quantities.get(e.getKey());
      if (reservations.reserve(event.shop(), event.tid(), l.oid(), l.material(), l.numIid(), l.skuId(), quantity, now)) {
        orderedNow.merge(l.material(), quantity, Long::sum);
        firstLine.putIfAbsent(l.material(), l);
      }
    }
    if (sellableBefore != null) {
      orderedNow.forEach((m, ordered) -> {
        Long sellable = sellableBefore.get(m);
        if (sellable != null && ordered > sellable) {
          TradeStockEvent.Line l = firstLine.get(m);
          state.flagOversell(event.shop(), event.tid(), m, l.numIid(), l.skuId(), ordered, sellable, now);
        }
      });
    }
    state.markDirty(orderedNow.keySet());
  }

  /**
   * Sellable per material just before this trade reserves (a remote ERP's on-hand as last read, see
   * {@link SellableStock#sellableWithinTransaction}); null when the ERP cannot be read (never blocks the import).
   */
  private Map<MaterialCode, Long> sellableBefore(TradeStockEvent event) {
    if (!stock.available()) {
      return null;
    }
    List<MaterialCode> materials = event.lines().stream().map(TradeStockEvent.Line::material).distinct().toList();
    try {
      return stock.sellableWithinTransaction(materials);
    } catch (RuntimeException e) {
      log.warn("cannot read ERP stock to check trade {} for oversell: {}", event.tid(), e.getMessage());
      return null;
    }
  }
}
