package com.tmallbridge.order;

import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.sync.Outbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides what a newer trade snapshot means and writes it: bridge state, lines, the outbox message
 * that creates the ERP sales order, or an exception; changes to trades already queued go to {@link
 * TradeAmendments}. Runs inside the caller's transaction.
 */
@Component
class TradeApplier {
  private final OrderRepository trades;
  private final ExceptionRepository exceptions;
  private final SkuResolver skus;
  private final Outbox outbox;
  private final JsonMapper json;
  private final TradeStockEvents stockEvents;
  private final TradeAmendments amendments;
  private final TradeNormaliser normaliser = new TradeNormaliser();

  TradeApplier(
      OrderRepository trades, ExceptionRepository exceptions, SkuResolver skus, Outbox outbox, JsonMapper json, TradeStockEvents stockEvents,
      TradeAmendments amendments) {
    this.stockEvents = stockEvents;
    this.amendments = amendments;
    this.trades = trades;
    this.exceptions = exceptions;
    this.skus = skus;
    this.outbox = outbox;
    this.json = json;
  }

  /**
   * Applies newer snapshots of a shop's trades.
   *
   * @param known the current state of trades seen before (absent = new)
   * @param retry true when an operator re-applies a held trade: its ERP message gets a new key
   */
  TradeImporter.ImportResult apply(Shop shop, List<ChannelTrade> fresh, Map<String, TradeState> known, Instant now, boolean retry) {
    List<ChannelTrade> toNormalise = new ArrayList<>();
    List<TradeRow> inserts = new ArrayList<>();
    List<TradeRow> updates = new ArrayList<>();
    for (ChannelTrade t : fresh) {
      TradeState current = known.get(t.tid());
      boolean paid = PaidStatuses.everPaid(t);
      if (current == TradeState.QUEUED || current == TradeState.EXPORTED) {
        updates.add(TradeRow.of(shop.id().value(), t, true, current, null));
        stockEvents.updated(shop.id(), t);
        amendments.changed(shop, t, now);
      } else if (!paid) {
        TradeState state = PaidStatuses.CLOSED_BEFORE_PAYMENT.equals(t.status()) ? TradeState.CLOSED_UNPAID : TradeState.WAITING_PAYMENT;
        (current == null ? inserts : updates).add(TradeRow.of(shop.id().value(), t, false, state, null));
        if (state == TradeState.CLOSED_UNPAID && current != TradeState.CLOSED_UNPAID) {
          stockEvents.closedUnpaid(shop.id(), t);
        }
        if (current == TradeState.EXCEPTION) {
          exceptions.resolve(shop.id(), t.tid(), now);
        }
      } else {
        toNormalise.add(t);
      }
    }
    int[] outcome = normalise(shop, toNormalise, known, inserts, updates, now, retry);
    trades.insertTrades(inserts, now);
    trades.updateTrades(updates, now);
    return new TradeImporter.ImportResult(fresh.size(), fresh.size(), outcome[0], outcome[1]);
  }

  private int[] normalise(
      Shop shop, List<ChannelTrade> paid, Map<String, TradeState> known, List<TradeRow> inserts, List<TradeRow> updates, Instant now,
      boolean retry) {
    if (paid.isEmpty()) {
      return new int[2];
    }
    SkuResolver.Resolution resolution = skus.resolve(shop.id(), paid);
    List<Normalised> ready = new ArrayList<>();
    int held = 0;
    for (ChannelTrade t : paid) {
      Normalisation n = normaliser.normalise(
          shop.id(), shop.code(), t, resolution.matchesOf(t), resolution.unresolvedOf(t), resolution.salePrices(), resolution.giftsOf(t));
      List<TradeRow> target = known.containsKey(t.tid()) ? updates : inserts;
      if (n instanceof Normalisation.Ready r) {
        ready.add(new Normalised(t, r.order(), r.origins()));
        target.add(TradeRow.of(shop.id().value(), t, true, TradeState.QUEUED, null));
      } else if (n instanceof Normalisation.Rejected r) {
        held++;
        target.add(TradeRow.of(shop.id().value(), t, true, TradeState.EXCEPTION, r.reason().code()));
        exceptions.raise(shop.id(), t.tid(), r.reason(), "trade " + t.tid() + ": " + r.message(), null, now);
      }
    }
    trades.replaceLines(ready, known.keySet());
    stockEvents.queuedAll(shop.id(), ready);
    List<Outbox.NewMessage> creates = new ArrayList<>(ready.size());
    for (Normalised n : ready) {
      creates.add(create(shop, n, retry ? n.trade().modified().getEpochSecond() + "-retry-" + now.toEpochMilli()
          : Long.toString(n.trade().modified().getEpochSecond())));
    }
    // one batch, before anything else of these trades is enqueued (a cancellation must follow its create)
    outbox.enqueueAll(creates);
    amendments.queuedAll(shop, ready.stream().map(Normalised::trade).toList(), now);
    for (Normalised n : ready) {
      if (known.get(n.trade().tid()) == TradeState.EXCEPTION) {
        exceptions.resolve(shop.id(), n.trade().tid(), now);
      }
    }
    return new int[] {ready.size(), held};
  }

  private Outbox.NewMessage create(Shop shop, Normalised n, String version) {
    String tid = n.trade().tid();
    return new Outbox.NewMessage(
        OrderMessages.AGGREGATE,
        OrderMessages.aggregateId(shop.id(), tid),
        OrderMessages.CREATE_SALES_ORDER,
        json.writeValueAsString(n.order()),
        OrderMessages.createKey(shop.code(), tid, version));
  }
}
