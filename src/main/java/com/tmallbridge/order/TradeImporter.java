package com.tmallbridge.order;

import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.UnreadableTrade;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.sync.Inbox;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a page of trades in one transaction: each snapshot goes to the inbox and is applied only
 * when it is newer than the stored one; paid trades not yet queued are normalised and their ERP
 * sales order enqueued (same transaction); bad trades become exceptions while the rest flow on.
 *
 * <p>Safe to call from several threads at once, with pages that share trades (the poller's
 * concurrent page imports, pushed-message rounds). A trade's inbox row is its lock: the offer that
 * stores a snapshot holds the row until commit, and everything else of that trade (its row, lines,
 * reservations, outbox messages, amendments, exceptions) is written only by the transaction holding
 * it; a concurrent offer of the same trade waits for that commit and then stores its snapshot only
 * if it is newer, so pages converge to the newest snapshot whichever commits first, and a trade's
 * messages are enqueued one transaction after the other. The page's offers go in tid order, so two
 * pages take their inbox locks in the same order and cannot deadlock on them; the only other locks
 * a page takes on shared rows are the running stock totals, written in material order just before
 * commit ({@code stock.ReservedTotals}). One thing concurrent pages do not see is each other's
 * uncommitted reservations: each page's oversell check reads sellable stock as committed.
 */
@Component
class TradeImporter {
  private final Inbox inbox;
  private final OrderRepository trades;
  private final TradeApplier applier;
  private final ExceptionRepository exceptions;
  private final Clock clock;

  TradeImporter(Inbox inbox, OrderRepository trades, TradeApplier applier, ExceptionRepository exceptions, Clock clock) {
    this.inbox = inbox;
    this.trades = trades;
    this.applier = applier;
    this.exceptions = exceptions;
    this.clock = clock;
  }

  /**
   * Imports a page.
   *
   * @return counts of what happened
   */
  @Transactional
  public ImportResult importPage(Shop shop, List<ChannelTrade> page) {
    Instant now = clock.instant();
    List<ChannelTrade> offered = new ArrayList<>(newestPerTid(page));
    boolean[] stored = offerInTidOrder(shop, offered);
    List<ChannelTrade> fresh = new ArrayList<>();
    for (int i = 0; i < offered.size(); i++) {
      if (stored[i]) {
        fresh.add(offered.get(i));
      }
    }
    if (fresh.isEmpty()) {
      return new ImportResult(page.size(), 0, 0, 0);
    }
    Map<String, TradeState> known = trades.states(shop.id(), fresh.stream().map(ChannelTrade::tid).toList());
    return applier.apply(shop, fresh, known, now, false).withReceived(page.size());
  }

  /**
   * Holds a listed trade that could not be read: its raw entry goes to the inbox (as the oldest
   * possible snapshot, so any readable version replaces it), the trade is marked held, and an
   * {@code INVALID_TRADE} exception says what could not be read.
   */
  @Transactional
  public ImportResult holdUnreadable(Shop shop, UnreadableTrade trade) {
    Instant now = clock.instant();
    inbox.offer(OrderMessages.INBOX_SOURCE, shop.id(), trade.tid(), Instant.EPOCH, trade.rawJson());
    if (trades.states(shop.id(), List.of(trade.tid())).isEmpty()) {
      trades.insertTrades(List.of(TradeRow.unreadable(shop.id().value(), trade.tid(), now)), now);
    }
    exceptions.raise(shop.id(), trade.tid(), OrderReason.INVALID_TRADE,
        "trade " + trade.tid() + " as listed by Tmall cannot be read: " + trade.reason(), null, now);
    return new ImportResult(1, 0, 0, 1);
  }

  /**
   * Offers the snapshots to the inbox in tid order (the inbox rows are the trades' locks, see the
   * class comment); answers per snapshot in the order given, which the rest of the import keeps.
   */
  private boolean[] offerInTidOrder(Shop shop, List<ChannelTrade> offered) {
    Integer[] order = new Integer[offered.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparing(i -> offered.get(i).tid()));
    List<Inbox.Offered> sorted = new ArrayList<>(order.length);
    for (int i : order) {
      ChannelTrade t = offered.get(i);
      sorted.add(new Inbox.Offered(t.tid(), t.modified(), t.rawJson()));
    }
    boolean[] storedSorted = inbox.offerAll(OrderMessages.INBOX_SOURCE, shop.id(), sorted);
    boolean[] stored = new boolean[order.length];
    for (int k = 0; k < order.length; k++) {
      stored[order[k]] = storedSorted[k];
    }
    return stored;
  }

  private static Collection<ChannelTrade> newestPerTid(List<ChannelTrade> page) {
    Map<String, ChannelTrade> newest = new LinkedHashMap<>();
    for (ChannelTrade t : page) {
      newest.merge(t.tid(), t, (a, b) -> b.modified().isAfter(a.modified()) ? b : a);
    }
    return newest.values();
  }

  /**
   * What one page did.
   *
   * @param received trades in the page
   * @param applied newer snapshots applied
   * @param queued sales orders enqueued
   * @param held trades that became exceptions
   */
  record ImportResult(int received, int applied, int queued, int held) {
    ImportResult withReceived(int n) {
      return new ImportResult(n, applied, queued, held);
    }
  }
}
