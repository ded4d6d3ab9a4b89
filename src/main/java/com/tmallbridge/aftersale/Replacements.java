package com.tmallbridge.aftersale;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.core.SalesOrderLine;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.erp.CustomerSink;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.SalesOrderSink;
import com.tmallbridge.order.ExportedOrders;
import com.tmallbridge.order.ReplacementOrderNo;
import com.tmallbridge.order.TradeStockEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Creates the replacement (reship) sales order of an exchange or reship through the ERP's {@link
 * SalesOrderSink}: the original trade's buyer and receiver, the refunded sub-order's lines at no
 * charge, under channel order number {@link ReplacementOrderNo} ({@code <tid>-X<refundId>}) — the
 * ERP's idempotency key, so a repeat creates no second order. Its units are reserved like a paid
 * trade's ({@link TradeStockEvent}, released when the ERP delivers them), so the stock flow does
 * not publish them as sellable meanwhile.
 */
@Component
class Replacements {
  private final ExportedOrders exported;
  private final ErpRegistry erp;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Replacements(ExportedOrders exported, ErpRegistry erp, ApplicationEventPublisher events, Clock clock) {
    this.exported = exported;
    this.erp = erp;
    this.events = events;
    this.clock = clock;
  }

  static ReplacementOrderNo orderNo(RefundView r) {
    return ReplacementOrderNo.of(r.tid(), r.refundId());
  }

  /** The replacement's ERP number; empty when the original sales order cannot be rebuilt. */
  Optional<ErpDocNo> create(ShopId shop, RefundView r) {
    Optional<SalesOrder> original = exported.salesOrderOf(shop, r.tid());
    if (original.isEmpty()) {
      return Optional.empty();
    }
    SalesOrder o = original.get();
    List<SalesOrderLine> lines = new ArrayList<>();
    for (SalesOrderLine l : o.lines()) {
      if (RefundFollower.belongsTo(l.externalLineId(), r.oid())) {
        boolean plain = l.externalLineId().equals(r.oid());
        int quantity = plain && r.num() > 0 ? Math.min(r.num(), l.quantity()) : l.quantity();
        lines.add(new SalesOrderLine(lines.size() + 1, l.externalLineId(), l.material(), quantity, l.listPriceFen(), 0, l.title()));
      }
    }
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    SalesOrder replacement = new SalesOrder(o.shop(), o.shopCode(), orderNo(r).channelOrderNo(), o.customer(), o.receiver(),
        o.orderedAt(), o.paidAt(), lines, 0, 0, "replacement for refund " + r.refundId(), o.sellerMemo());
    ErpDocNo customer = erp.capability(CustomerSink.class).ensureCustomer(o.customer());
    ErpDocNo doc = erp.capability(SalesOrderSink.class).createSalesOrder(replacement, customer);
    // no Tmall listing sells these units (numIid ""): only the material's sellable stock moves
    List<TradeStockEvent.Line> reserved = lines.stream()
        .map(l -> new TradeStockEvent.Line(l.externalLineId(), "", "", l.material(), l.quantity())).toList();
    events.publishEvent(new TradeStockEvent(shop, orderNo(r).value(), TradeStockEvent.Kind.PAID, reserved, clock.instant()));
    return Optional.of(doc);
  }
}
