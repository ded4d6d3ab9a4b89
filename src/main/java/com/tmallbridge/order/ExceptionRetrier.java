package com.tmallbridge.order;

import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.OrderFeed;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.sync.Inbox;
import com.tmallbridge.sync.OutboxAdmin;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retries a held trade. A blocked ERP delivery is put back in the outbox as it was; a trade held
 * at import (unmapped SKU, invalid data) is normalised again from its inbox snapshot with today's
 * mappings and materials, and queued when it now passes. A trade change the ERP could not take
 * ({@link AmendReason}) is closed: the operator has acted on it outside the bridge.
 */
@Component
class ExceptionRetrier {
  private final ExceptionRepository exceptions;
  private final OrderRepository trades;
  private final OutboxAdmin outbox;
  private final Inbox inbox;
  private final OrderFeed feed;
  private final TradeApplier applier;
  private final ShopManagement shops;
  private final Clock clock;

  ExceptionRetrier(
      ExceptionRepository exceptions, OrderRepository trades, OutboxAdmin outbox, Inbox inbox, OrderFeed feed,
      TradeApplier applier, ShopManagement shops, Clock clock) {
    this.exceptions = exceptions;
    this.trades = trades;
    this.outbox = outbox;
    this.inbox = inbox;
    this.feed = feed;
    this.applier = applier;
    this.shops = shops;
    this.clock = clock;
  }

  /** Retries one exception; returns the outcome in words, or throws when the id is unknown. */
  @Transactional
  public String retry(long id) {
    ExceptionView ex = exceptions.find(id).orElseThrow(() -> new IllegalArgumentException("no exception with id " + id));
    if (ExceptionRepository.RESOLVED.equals(ex.status())) {
      return "exception " + id + " is already resolved";
    }
    if (ExceptionRepository.IGNORED.equals(ex.status())) {
      return "exception " + id + " was ignored; it is retried when Tmall lists a newer version of trade " + ex.tid();
    }
    Instant now = clock.instant();
    ShopId shop = new ShopId(ex.shopId());
    if (AmendReason.isAmendment(ex.reasonCode())) {
      // a change Tmall made after the ERP shipped cannot be sent again: retrying means the operator has dealt with it
      exceptions.resolve(shop, ex.tid(), now);
      return "trade " + ex.tid() + ": " + ex.reasonCode() + " closed by the operator; nothing is sent to the ERP";
    }
    exceptions.markRetrying(id, now);
    if (ex.outboxMessage() != null && outbox.retry(UUID.fromString(ex.outboxMessage()))) {
      trades.setState(shop, ex.tid(), TradeState.QUEUED, null, now);
      return "trade " + ex.tid() + ": ERP delivery queued again";
    }
    return reapply(shop, ex.tid(), now);
  }

  private String reapply(ShopId shopId, String tid, Instant now) {
    Shop shop = shops.find(shopId).orElseThrow(() -> new IllegalStateException("shop " + shopId + " no longer exists"));
    Inbox.Snapshot snapshot = inbox.get(OrderMessages.INBOX_SOURCE, shopId, tid)
        .orElseThrow(() -> new IllegalStateException("trade " + tid + " has no stored snapshot"));
    ChannelTrade trade;
    try {
      trade = feed.fromSnapshot(snapshot.payload());
    } catch (IllegalArgumentException e) {
      return "trade " + tid + ": its stored snapshot still cannot be read (" + e.getMessage()
          + "); it is taken up again when Tmall lists a newer version";
    }
    TradeImporter.ImportResult r = applier.apply(shop, List.of(trade), Map.of(tid, TradeState.EXCEPTION), now, true);
    return r.queued() > 0 ? "trade " + tid + ": passes now, ERP order queued" : "trade " + tid + ": still held";
  }
}
