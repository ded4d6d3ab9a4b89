package com.tmallbridge.order;

import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.UnreadableTrade;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.sync.Inbox;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a page of trades in one transaction: each snapshot goes to the inbox and is applied only
 * when it is newer than the stored one; paid trades not yet queued are normalised and their ERP
 * sales order enqueued (same transaction); bad trades become exceptions while the rest flow on.
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
    boolean[] stored = inbox.offerAll(OrderMessages.INBOX_SOURCE, shop.id(),
        offered.stream().map(t -> new Inbox.Offered(t.tid(), t.modified(), t.rawJson())).toList());
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
