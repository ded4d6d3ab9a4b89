package com.tmallbridge.aftersale;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelRefund;
import com.tmallbridge.channel.RefundFeed;
import com.tmallbridge.order.RefundChangeNoticed;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopStatus;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Brings a refund the channel pushed (TMC, {@link RefundChangeNoticed}) into the after-sale flow
 * without waiting for the next pull: fetches it ({@link RefundFeed#refund}, TOP {@code
 * taobao.refund.get}) and stores it with {@link AfterSaleManagement#offer}, the pull's path — a
 * snapshot is applied only when newer, so duplicate and out-of-order messages change nothing, and
 * an applied snapshot queues its rules in the outbox, where the dispatcher workers that run
 * whenever TMC runs deliver them.
 *
 * <p>Synchronous, on the message's worker thread: what it throws fails the message and the channel
 * delivers it again. It throws for transient trouble only — a retryable or flow-control channel
 * failure (the shop is then paused until the channel allows calls), a paused shop, a database
 * error. A refund the channel says does not exist, a permanent refusal and a shop that needs
 * re-authorisation are logged and the message is confirmed; the refund pull catches up.
 */
@Component
class RefundChangeListener {
  private static final Logger log = LoggerFactory.getLogger(RefundChangeListener.class);

  private final RefundFeed feed;
  private final AfterSaleManagement management;
  private final ShopManagement shops;
  private final Clock clock;

  RefundChangeListener(RefundFeed feed, AfterSaleManagement management, ShopManagement shops, Clock clock) {
    this.feed = feed;
    this.management = management;
    this.shops = shops;
    this.clock = clock;
  }

  @EventListener
  void on(RefundChangeNoticed event) {
    Optional<Shop> found = shops.find(event.shop());
    if (found.isEmpty()) {
      log.warn("refund {} pushed for shop {} that no longer exists; confirmed", event.refundId(), event.shop().value());
      return;
    }
    Shop shop = found.get();
    if (shop.status() == ShopStatus.NEEDS_REAUTH) {
      log.warn("refund {}: shop {} needs re-authorisation; confirmed, the refund pull catches up", event.refundId(), shop.code());
      return;
    }
    if (!shop.callableAt(clock.instant())) {
      throw new IllegalStateException("shop " + shop.code() + " is paused until " + shop.pausedUntil() + "; the message comes again");
    }
    Optional<ChannelRefund> refund = fetch(shop, event);
    if (refund.isPresent()) {
      int applied = management.offer(shop.id(), List.of(refund.get()));
      log.debug("refund {} of shop {} pushed: {}", event.refundId(), shop.code(), applied == 0 ? "nothing newer" : "applied, rules queued");
    }
  }

  /** The refund, or empty (logged) when there is nothing to store; throws on transient failures. */
  private Optional<ChannelRefund> fetch(Shop shop, RefundChangeNoticed event) {
    try {
      Optional<ChannelRefund> refund = feed.refund(shop.credentials(), event.refundId());
      if (refund.isEmpty()) {
        log.warn("refund {} pushed for shop {}: Tmall says it does not exist; confirmed", event.refundId(), shop.code());
      }
      return refund;
    } catch (ChannelException e) {
      if (shops.recordFailure(shop.id(), e)) {
        throw e; // transient: the message comes again
      }
      log.warn("refund {} pushed for shop {} could not be fetched: {}; confirmed, the refund pull catches up", event.refundId(),
          shop.code(), e.getMessage());
      return Optional.empty();
    }
  }
}
