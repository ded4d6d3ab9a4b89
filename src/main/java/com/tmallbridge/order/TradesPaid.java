package com.tmallbridge.order;

import java.util.List;

/**
 * The {@link TradeStockEvent.Kind#PAID} events of one imported page, published once for the page
 * instead of one by one (synchronously, inside the import transaction), so that a listener can read
 * stock and write reservations for the whole page at once. A listener must leave the same rows as
 * if each event had been published alone, in list order: an oversell check of a trade sees what
 * the trades before it in the list reserved. At most one event per trade.
 *
 * @param events PAID events, in the order the trades were applied
 */
public record TradesPaid(List<TradeStockEvent> events) {

  public TradesPaid {
    events = List.copyOf(events);
    if (events.stream().anyMatch(e -> e.kind() != TradeStockEvent.Kind.PAID)) {
      throw new IllegalArgumentException("TradesPaid carries PAID events only");
    }
  }
}
