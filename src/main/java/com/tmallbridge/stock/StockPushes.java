package com.tmallbridge.stock;

import com.tmallbridge.stock.PublicationRepository.ItemKey;
import com.tmallbridge.sync.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import com.tmallbridge.core.ShopId;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Component;

/**
 * Queues one push message per (shop, item) whose listings have a figure to push, unless one is
 * queued already. The message carries only the item: the handler reads the current figures when it
 * runs, so a late delivery never pushes a stale figure. A message queued longer than
 * {@code bridge.stock.push-timeout} (say, blocked) no longer holds further pushes back.
 */
@Component
class StockPushes {
  static final String AGGREGATE = "stock-item";
  static final String MESSAGE_TYPE = "tmall.stock.push";

  private final PublicationRepository publications;
  private final Outbox outbox;
  private final StockProperties properties;
  private final Clock clock;

  StockPushes(PublicationRepository publications, Outbox outbox, StockProperties properties, Clock clock) {
    this.publications = publications;
    this.outbox = outbox;
    this.properties = properties;
    this.clock = clock;
  }

  /** Marks listings to be pushed again whatever their figure, then enqueues due pushes, in one transaction. */
  @Transactional
  public int forceAndEnqueue(List<Target> targets) {
    targets.forEach(t -> publications.force(t.shop(), t.numIid(), t.skuId()));
    return enqueueDue();
  }

  /** A listing to push again. */
  record Target(ShopId shop, String numIid, String skuId) {}

  /** Enqueues due pushes; call inside a transaction. Returns how many messages were queued. */
  int enqueueDue() {
    Instant now = clock.instant();
    List<ItemKey> items = publications.itemsToPush(now.minus(properties.pushTimeout()));
    for (ItemKey item : items) {
      String payload = "{\"shopId\":" + item.shop().value() + ",\"numIid\":\"" + item.numIid().replace("\"", "") + "\"}";
      outbox.enqueue(AGGREGATE, item.aggregateId(), MESSAGE_TYPE, payload, "stock-push:" + item.aggregateId() + ":" + UUID.randomUUID());
      publications.markPending(item, now);
    }
    return items.size();
  }
}
