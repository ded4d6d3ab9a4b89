package com.tmallbridge.stock;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.DeliveryFeed;
import com.tmallbridge.erp.DeliveryPage;
import com.tmallbridge.erp.ErpDelivery;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.StockLedger;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows the ERP: stock changes (materials to recompute) and deliveries (reservations to
 * release). Each page commits with its cursor, so a crash re-reads at most one page and a
 * delivery never releases twice. Deliveries are read only after the ERP deducted their stock, so
 * between the deduction and the release the published figure can only be too low, never too high.
 */
@Component
class ErpFeeds {
  static final String CHANGES = "stock-changes";
  static final String DELIVERIES = "deliveries";

  private final ErpRegistry erp;
  private final ShopManagement shops;
  private final ReservationRepository reservations;
  private final StateRepository state;
  private final StockProperties properties;
  private final TransactionTemplate transaction;
  private final Clock clock;

  ErpFeeds(ErpRegistry erp, ShopManagement shops, ReservationRepository reservations, StateRepository state, StockProperties properties,
      org.springframework.transaction.PlatformTransactionManager transactions, Clock clock) {
    this.erp = erp;
    this.shops = shops;
    this.reservations = reservations;
    this.state = state;
    this.properties = properties;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** Marks materials whose ERP stock changed as dirty; returns how many changes were read. */
  int pollStockChanges() {
    if (!erp.supports(StockLedger.class)) {
      return 0;
    }
    StockLedger ledger = erp.capability(StockLedger.class);
    String erpId = erp.active().id();
    int total = 0;
    boolean more = true;
    while (more) {
      String cursor = state.cursor(CHANGES, erpId).orElse("");
      StockLedger.StockChanges page = ledger.changesAfter(cursor, properties.feedBatch());
      transaction.executeWithoutResult(s -> {
        state.markDirty(page.materials());
        state.moveCursor(CHANGES, erpId, page.cursor(), clock.instant());
      });
      total += page.materials().size();
      more = page.more() && !page.cursor().equals(cursor);
    }
    return total;
  }

  /** Releases reservations of delivered lines; returns how many deliveries were read. */
  int pollDeliveries() {
    if (!erp.supports(DeliveryFeed.class)) {
      return 0;
    }
    DeliveryFeed feed = erp.capability(DeliveryFeed.class);
    String erpId = erp.active().id();
    int total = 0;
    boolean more = true;
    while (more) {
      String cursor = state.cursor(DELIVERIES, erpId).orElse("");
      DeliveryPage page = feed.deliveriesAfter(cursor, properties.feedBatch());
      transaction.executeWithoutResult(s -> {
        page.deliveries().forEach(this::release);
        state.moveCursor(DELIVERIES, erpId, page.cursor(), clock.instant());
      });
      total += page.deliveries().size();
      more = page.more() && !page.cursor().equals(cursor);
    }
    return total;
  }

  private void release(ErpDelivery delivery) {
    Optional<Shop> shop = shops.findByCode(delivery.shopCode());
    if (shop.isEmpty()) {
      return;
    }
    List<MaterialCode> released = new ArrayList<>();
    for (ErpDelivery.Line line : delivery.lines()) {
      if (reservations.deliver(shop.get().id(), delivery.channelOrderNo().value(), line.externalLineId(), line.material(), line.quantity(),
          clock.instant())) {
        released.add(line.material());
      }
    }
    state.markDirty(released);
  }
}
