package com.tmallbridge.fulfilment;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.erp.DeliveryFeed;
import com.tmallbridge.erp.DeliveryPage;
import com.tmallbridge.erp.ErpDelivery;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.order.ReplacementOrderNo;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.sync.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads new ERP deliveries with a cursor of its own and records one shipment per delivery of a
 * known shop, with the Tmall sub-orders it covers, queuing its write-back in the same transaction.
 * Each page commits with its cursor; a delivery read twice is recorded once (unique delivery no).
 * Deliveries of shops the bridge does not know (other sales channels) are passed over. Deliveries
 * of the after-sale flow's replacement orders ({@link ReplacementOrderNo}) and of gift lines only
 * are recorded SKIPPED: there is nothing to tell Tmall.
 */
@Component
class DeliveryReader {
  static final String FEED = "deliveries";

  private final ErpRegistry erp;
  private final ShopManagement shops;
  private final OrderManagement orders;
  private final ShipmentRepository shipments;
  private final Outbox outbox;
  private final FulfilmentProperties properties;
  private final TransactionTemplate transaction;
  private final Clock clock;

  DeliveryReader(ErpRegistry erp, ShopManagement shops, OrderManagement orders, ShipmentRepository shipments, Outbox outbox,
      FulfilmentProperties properties, PlatformTransactionManager transactions, Clock clock) {
    this.erp = erp;
    this.shops = shops;
    this.orders = orders;
    this.shipments = shipments;
    this.outbox = outbox;
    this.properties = properties;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** Reads every delivery after the cursor; returns how many shipments were recorded. */
  int poll() {
    if (!erp.supports(DeliveryFeed.class)) {
      return 0;
    }
    DeliveryFeed feed = erp.capability(DeliveryFeed.class);
    String erpId = erp.active().id();
    int recorded = 0;
    boolean more = true;
    while (more) {
      String cursor = shipments.cursor(FEED, erpId).orElse("");
      DeliveryPage page = feed.deliveriesAfter(cursor, properties.feedBatch());
      Integer n = transaction.execute(s -> {
        int count = 0;
        for (ErpDelivery d : page.deliveries()) {
          count += record(erpId, d) ? 1 : 0;
        }
        shipments.moveCursor(FEED, erpId, page.cursor(), clock.instant());
        return count;
      });
      recorded += n == null ? 0 : n;
      more = page.more() && !page.cursor().equals(cursor);
    }
    return recorded;
  }

  private boolean record(String erpId, ErpDelivery d) {
    Optional<Shop> shop = shops.findByCode(d.shopCode());
    if (shop.isEmpty() || shipments.exists(erpId, d.deliveryNo().value())) {
      return false;
    }
    ShopId shopId = shop.get().id();
    String tid = d.channelOrderNo().value();
    List<String> oids = subOrders(d);
    Instant now = clock.instant();
    Optional<ReplacementOrderNo> replacement = ReplacementOrderNo.parse(tid);
    if (replacement.isPresent()) {
      shipments.insert(row(erpId, d, shopId, oids, false, ShipmentState.SKIPPED, null, "replacement order of exchange or reship refund "
          + replacement.get().refundId() + ": Tmall's exchange flow carries its tracking number, nothing is sent"), now);
      return true;
    }
    if (oids.isEmpty()) {
      shipments.insert(row(erpId, d, shopId, oids, false, ShipmentState.SKIPPED, null, "gift lines only: nothing to tell Tmall"), now);
      return true;
    }
    List<String> tradeOids = orders.subOrderIds(shopId, tid);
    if (tradeOids.isEmpty()) {
      shipments.insert(row(erpId, d, shopId, oids, false, ShipmentState.FAILED, FulfilmentReason.UNKNOWN_TRADE.code(),
          "trade " + tid + " of shop " + d.shopCode() + " is not known to the bridge"), now);
      return true;
    }
    boolean whole = oids.containsAll(tradeOids) && !shipments.hasOtherParcel(shopId, tid, -1);
    long id = shipments.insert(row(erpId, d, shopId, oids, whole, ShipmentState.PENDING, null, null), now);
    String message = outbox.enqueue(ShipmentMessages.AGGREGATE, ShipmentMessages.aggregateId(shopId.value(), tid), ShipmentMessages.SHIP,
        ShipmentHandler.payload(id), "tmall.shipment:" + erpId + ":" + d.deliveryNo().value()).toString();
    shipments.queued(id, message, now);
    return true;
  }

  private static ShipmentRepository.NewShipment row(String erpId, ErpDelivery d, ShopId shop, List<String> oids, boolean whole,
      ShipmentState state, @Nullable String reason, @Nullable String message) {
    return new ShipmentRepository.NewShipment(erpId, d.deliveryNo().value(), d.salesOrderNo().value(), shop, d.channelOrderNo().value(),
        oids, whole, blankToNull(d.carrier()), blankToNull(d.trackingNo()), state, reason, message, d.shippedAt());
  }

  /** The Tmall sub-orders of a delivery's lines: {@code oid#n} → {@code oid}, gift lines left out, each once. */
  static List<String> subOrders(ErpDelivery d) {
    Set<String> oids = new LinkedHashSet<>();
    for (ErpDelivery.Line line : d.lines()) {
      String id = line.externalLineId();
      if (id.startsWith("gift-")) {
        continue;
      }
      int hash = id.indexOf('#');
      oids.add(hash < 0 ? id : id.substring(0, hash));
    }
    return List.copyOf(oids);
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
