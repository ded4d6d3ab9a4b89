package com.tmallbridge.order;

import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.OrderFeed;
import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.sync.Inbox;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the canonical sales order of a trade from its stored inbox snapshot, with today's
 * mappings, the way the importer built it: for flows that need the buyer, receiver and lines of
 * an order again (e.g. an after-sale replacement order). Reads only; writes nothing.
 */
@Component
public class ExportedOrders {
  private final Inbox inbox;
  private final OrderFeed feed;
  private final SkuResolver skus;
  private final ShopManagement shops;
  private final TradeNormaliser normaliser = new TradeNormaliser();

  ExportedOrders(Inbox inbox, OrderFeed feed, SkuResolver skus, ShopManagement shops) {
    this.inbox = inbox;
    this.feed = feed;
    this.skus = skus;
    this.shops = shops;
  }

  /**
   * The sales order of trade {@code tid}.
   *
   * @return empty when the shop or trade snapshot is unknown, unreadable, or does not normalise
   *     (e.g. an SKU is no longer mapped)
   */
  public Optional<SalesOrder> salesOrderOf(ShopId shopId, String tid) {
    Optional<Shop> shop = shops.find(shopId);
    Optional<Inbox.Snapshot> snapshot = inbox.get(OrderMessages.INBOX_SOURCE, shopId, tid);
    if (shop.isEmpty() || snapshot.isEmpty()) {
      return Optional.empty();
    }
    ChannelTrade trade;
    try {
      trade = feed.fromSnapshot(snapshot.get().payload());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    SkuResolver.Resolution r = skus.resolve(shopId, List.of(trade));
    Normalisation n = normaliser.normalise(
        shopId, shop.get().code(), trade, r.matchesOf(trade), r.unresolvedOf(trade), r.salePrices(), r.giftsOf(trade));
    return n instanceof Normalisation.Ready ready ? Optional.of(ready.order()) : Optional.empty();
  }
}
