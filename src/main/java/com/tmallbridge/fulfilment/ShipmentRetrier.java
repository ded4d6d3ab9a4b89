package com.tmallbridge.fulfilment;

import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.sync.Outbox;
import com.tmallbridge.sync.OutboxAdmin;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a FAILED shipment back to PENDING, with the operator's corrections: its blocked message is
 * retried when there is one, else a new one is queued. A shipment held because its trade was
 * unknown looks the trade up again first.
 */
@Component
class ShipmentRetrier {
  private final ShipmentRepository shipments;
  private final CarrierBook carriers;
  private final ShopManagement shops;
  private final OrderManagement orders;
  private final Outbox outbox;
  private final OutboxAdmin outboxAdmin;
  private final Clock clock;

  ShipmentRetrier(ShipmentRepository shipments, CarrierBook carriers, ShopManagement shops, OrderManagement orders, Outbox outbox,
      OutboxAdmin outboxAdmin, Clock clock) {
    this.shipments = shipments;
    this.carriers = carriers;
    this.shops = shops;
    this.orders = orders;
    this.outbox = outbox;
    this.outboxAdmin = outboxAdmin;
    this.clock = clock;
  }

  /**
   * Retries one FAILED shipment.
   *
   * @param trackingNo replaces the tracking number when not null
   * @param companyCode the Tmall company to send with (instead of the carrier mapping) when not null
   * @return the outcome in words
   * @throws IllegalArgumentException for an unknown id, a blank tracking number or a company the shop's list does not hold
   * @throws IllegalStateException when the shipment is not FAILED
   */
  @Transactional
  public String retry(long id, @Nullable String trackingNo, @Nullable String companyCode) {
    ShipmentRepository.Row s = shipments.find(id).orElseThrow(() -> new IllegalArgumentException("no shipment with id " + id));
    if (s.state() != ShipmentState.FAILED) {
      throw new IllegalStateException("shipment " + id + " is " + s.state() + ": only FAILED shipments are retried");
    }
    if (trackingNo != null && trackingNo.isBlank()) {
      throw new IllegalArgumentException("--tracking must not be blank");
    }
    Shop shop = shops.find(s.shop()).orElseThrow(() -> new IllegalStateException("shop " + s.shop() + " no longer exists"));
    if (companyCode != null && !carriers.knows(shop, companyCode)) {
      throw new IllegalArgumentException("'" + companyCode + "' is not a Tmall company code of shop " + shop.code()
          + " (see 'bridge shipments carriers list --companies --shop " + shop.code() + "')");
    }
    List<String> tradeOids = orders.subOrderIds(s.shop(), s.tid());
    if (tradeOids.isEmpty()) {
      return "shipment " + id + ": trade " + s.tid() + " is still not known to the bridge; it stays FAILED";
    }
    boolean whole = s.wholeTrade() || s.oids().containsAll(tradeOids) && !shipments.hasOtherParcel(s.shop(), s.tid(), id);
    Instant now = clock.instant();
    shipments.reopen(id, s.oids(), whole, trackingNo == null ? s.trackingNo() : trackingNo.strip(),
        companyCode == null ? s.companyCode() : companyCode, now);
    if (s.outboxMessage() != null && outboxAdmin.retry(UUID.fromString(s.outboxMessage()))) {
      return "shipment " + id + " (trade " + s.tid() + "): queued again";
    }
    String message = outbox.enqueue(ShipmentMessages.AGGREGATE, ShipmentMessages.aggregateId(s.shop().value(), s.tid()),
        ShipmentMessages.SHIP, ShipmentHandler.payload(id), "tmall.shipment:" + id + ":retry-" + (s.retries() + 1)).toString();
    shipments.queued(id, message, now);
    return "shipment " + id + " (trade " + s.tid() + "): queued";
  }
}
