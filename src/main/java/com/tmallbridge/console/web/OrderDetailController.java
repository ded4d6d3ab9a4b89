package com.tmallbridge.console.web;

import com.tmallbridge.aftersale.AfterSaleManagement;
import com.tmallbridge.aftersale.RefundView;
import com.tmallbridge.console.ConsolePrincipal;
import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import com.tmallbridge.erp.SalesOrderQuery;
import com.tmallbridge.fulfilment.FulfilmentManagement;
import com.tmallbridge.fulfilment.ShipmentView;
import com.tmallbridge.order.ExceptionRecord;
import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.order.OrderReason;
import com.tmallbridge.order.TradeDetail;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The order page: Tmall's side (latest snapshot) beside the bridge's state and the ERP's sales order
 * (read back through the active connector's {@link SalesOrderQuery}, when it has one), the lines
 * with their mapping and exact amounts, why the trade is held, and its history. A trade of a shop
 * outside the user's scope answers 404. Receiver data is shown masked only.
 */
@Controller
@ConditionalOnWebApplication
class OrderDetailController {
  private final OrderManagement orders;
  private final FulfilmentManagement fulfilment;
  private final AfterSaleManagement afterSale;
  private final ErpRegistry erp;

  OrderDetailController(OrderManagement orders, FulfilmentManagement fulfilment, AfterSaleManagement afterSale, ErpRegistry erp) {
    this.orders = orders;
    this.fulfilment = fulfilment;
    this.afterSale = afterSale;
    this.erp = erp;
  }

  @GetMapping("/orders/{shopId}/{tid}")
  String order(@AuthenticationPrincipal ConsolePrincipal user, @PathVariable("shopId") long shopId, @PathVariable("tid") String tid,
      Model model) {
    if (shopId < 1 || !user.scope().allows(shopId)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    ShopId shop = new ShopId(shopId);
    TradeDetail detail = orders.detail(shop, tid).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    String shopCode = detail.trade().shopCode();
    List<ShipmentView> shipments = fulfilment.shipments(shopCode, null, tid, 100);
    List<RefundView> refunds = afterSale.refunds(shop, null, tid, 100);
    ExceptionRecord held = detail.openException();
    model.addAttribute("d", detail);
    model.addAttribute("t", detail.trade());
    model.addAttribute("erpSide", erpSide(shopCode, tid));
    model.addAttribute("held", held);
    model.addAttribute("rule", held == null ? null : rule(held.reasonCode()));
    model.addAttribute("shipments", shipments);
    model.addAttribute("refunds", refunds);
    model.addAttribute("history", TradeHistory.of(detail, shipments, refunds));
    model.addAttribute("linesTotal", detail.lines().stream().mapToLong(l -> l.amountFen()).sum());
    model.addAttribute("fmt", ViewFormat.INSTANCE);
    return "order";
  }

  /** What the held order's reason code means and what to do: the built-in check that held it. */
  private static @Nullable String rule(String reasonCode) {
    return Arrays.stream(OrderReason.values()).filter(r -> r.code().equals(reasonCode)).map(OrderReason::description).findFirst()
        .orElse(null);
  }

  private ErpSide erpSide(String shopCode, String tid) {
    String connector = erp.activeId();
    try {
      if (!erp.supports(SalesOrderQuery.class)) {
        return new ErpSide(connector, null, "the ERP connector '" + connector + "' cannot read sales orders back");
      }
      return new ErpSide(connector, erp.capability(SalesOrderQuery.class).findByChannelOrder(shopCode, new ChannelOrderNo(tid))
          .orElse(null), null);
    } catch (RuntimeException e) {
      return new ErpSide(connector, null, "the ERP could not be read: " + e.getMessage());
    }
  }

  /**
   * The ERP's side of the order.
   *
   * @param connector the active connector's id
   * @param order the sales order found, null when none (or unreadable)
   * @param problem why the ERP could not be asked, null when it answered
   */
  record ErpSide(String connector, @Nullable ErpSalesOrderSummary order, @Nullable String problem) {}
}
