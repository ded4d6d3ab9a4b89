package com.tmallbridge.order;

import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.OrderFeed;
import com.tmallbridge.shop.Shop;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads named trades again from the channel, one {@link OrderFeed#trade} call each, and imports
 * them like a pull page ({@link TradeImporter#importPage}): a trade the bridge never saw is stored
 * and, once paid, queued for the ERP; a known one changes only if the channel's snapshot is newer.
 */
@Component
class TradeRefetch {
  private final OrderFeed feed;
  private final TradeImporter importer;
  private final OrderRepository trades;

  TradeRefetch(OrderFeed feed, TradeImporter importer, OrderRepository trades) {
    this.feed = feed;
    this.importer = importer;
    this.trades = trades;
  }

  List<Refetched> refetch(Shop shop, Collection<String> tids) {
    Map<String, Refetched.Outcome> outcomes = new LinkedHashMap<>();
    List<ChannelTrade> found = new ArrayList<>();
    for (String tid : tids) {
      Optional<ChannelTrade> trade = feed.trade(shop.credentials(), tid);
      if (trade.isPresent()) {
        found.add(trade.get());
      } else {
        outcomes.put(tid, Refetched.Outcome.NOT_ON_CHANNEL);
      }
    }
    if (!found.isEmpty()) {
      importer.importPage(shop, found);
    }
    List<Refetched> result = new ArrayList<>();
    for (String tid : tids) {
      Refetched.Outcome outcome = outcomes.get(tid);
      TradeView view = trades.trade(shop.id(), tid);
      result.add(new Refetched(tid, outcome != null ? outcome : Refetched.Outcome.READ, view == null ? null : view.state()));
    }
    return result;
  }
}
