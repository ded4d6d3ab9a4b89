package com.tmallbridge.demo;

import com.tmallbridge.aftersale.AfterSaleManagement;
import com.tmallbridge.aftersale.RefundStage;
import com.tmallbridge.aftersale.RefundView;
import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.order.TradeView;
import com.tmallbridge.sandbox.tmall.SandboxRefund;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.sync.OutboxAdmin;
import com.tmallbridge.sync.OutboxEntry;
import com.tmallbridge.sync.OutboxStatus;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The demo warehouse's cut-off: an order is picked only once the bridge has caught up with its
 * trade on Tmall — the latest trade snapshot applied, every refund of the trade stored in its
 * current status with its rules run, and no ERP write for the trade or its refunds still queued.
 * A warehouse that picks earlier can ship a parcel between a buyer's refund request and the
 * bridge's intercept; real software reports that (see {@code docs/aftersale.md}), and the demo,
 * which checks that nothing was shipped after an intercept, does not set out to produce it.
 * Reads the bridge's own state; it paces the demo and takes no part in its verdict.
 */
@Component
class BridgeCatchUp {
  /** Outbox aggregate types of the order and after-sale flows ({@code OrderMessages}, {@code RefundMessageHandler}). */
  private static final String TRADE = "trade";
  private static final String REFUND = "refund";

  private final OrderManagement orders;
  private final AfterSaleManagement afterSale;
  private final OutboxAdmin outbox;

  BridgeCatchUp(OrderManagement orders, AfterSaleManagement afterSale, OutboxAdmin outbox) {
    this.orders = orders;
    this.afterSale = afterSale;
    this.outbox = outbox;
  }

  /** Whether the bridge reflects {@code trade} and its {@code refunds} as Tmall shows them now. */
  boolean caughtUp(Shop shop, SandboxTrade trade, Collection<SandboxRefund> refunds) {
    String tid = Long.toString(trade.tid());
    Optional<TradeView> seen = orders.trade(shop.id(), tid);
    if (seen.isEmpty() || seen.get().modified().isBefore(trade.modified().truncatedTo(ChronoUnit.SECONDS))) {
      return false;
    }
    if (busy(TRADE, shop.id().value() + ":" + tid)) {
      return false;
    }
    if (refunds.isEmpty()) {
      return true;
    }
    Map<String, RefundView> known = new HashMap<>();
    afterSale.refunds(shop.id(), null, tid, 1000).forEach(v -> known.put(v.refundId(), v));
    for (SandboxRefund r : refunds) {
      String refundId = Long.toString(r.refundId());
      RefundView v = known.get(refundId);
      if (v == null || !v.status().equals(r.status()) || v.stage() == RefundStage.NEW || busy(REFUND, shop.id().value() + ":" + refundId)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the bridge holds every one of {@code refunds} in its current Tmall status with its rules
   * run and no ERP write of it still queued.
   */
  boolean refundsCaughtUp(Shop shop, Collection<SandboxRefund> refunds) {
    Map<String, RefundView> known = new HashMap<>();
    afterSale.refunds(shop.id(), null, null, Integer.MAX_VALUE).forEach(v -> known.put(v.refundId(), v));
    for (SandboxRefund r : refunds) {
      String refundId = Long.toString(r.refundId());
      RefundView v = known.get(refundId);
      // a newer snapshot does not move the stage back to NEW: its rules run is still queued in the outbox
      if (v == null || !v.status().equals(r.status()) || v.stage() == RefundStage.NEW || busy(REFUND, shop.id().value() + ":" + refundId)) {
        return false;
      }
    }
    return true;
  }

  private boolean busy(String type, String id) {
    for (OutboxEntry e : outbox.forAggregate(type, id)) {
      if (e.status() == OutboxStatus.PENDING || e.status() == OutboxStatus.IN_FLIGHT || e.status() == OutboxStatus.FAILED) {
        return true;
      }
    }
    return false;
  }
}
