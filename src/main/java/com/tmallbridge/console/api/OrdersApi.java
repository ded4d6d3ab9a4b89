package com.tmallbridge.console.api;

import com.tmallbridge.console.ConsolePrincipal;
import com.tmallbridge.core.Money;
import com.tmallbridge.core.Receiver;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.order.TradeLineView;
import com.tmallbridge.order.TradeState;
import com.tmallbridge.order.TradeView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/orders} (the console's orders list) and {@code GET /api/orders/{shopId}/{tid}} (one trade, receiver masked). */
@RestController
@ConditionalOnWebApplication
@Tag(name = "orders")
class OrdersApi {
  private final OrderManagement orders;

  OrdersApi(OrderManagement orders) {
    this.orders = orders;
  }

  @GetMapping("/api/orders")
  @Operation(summary = "Trades, newest modified first, within the caller's shops",
      description = "Filters as the console's orders list: the start of the trade id and the bridge state.")
  PageOf<Order> list(@AuthenticationPrincipal ConsolePrincipal user,
      @Parameter(description = "start of the trade id") @RequestParam(name = "tid", required = false) @Nullable String tid,
      @Parameter(description = "bridge state, e.g. EXPORTED, EXCEPTION") @RequestParam(name = "state", required = false) @Nullable String state,
      @RequestParam(name = "page", defaultValue = "0") int page, @RequestParam(name = "size", defaultValue = "50") int size) {
    Paging paging = Paging.of(page, size);
    TradeState parsed = state == null || state.isBlank() ? null : parseState(state);
    return paging.page(orders.search(tid, parsed, Caller.shops(user), paging.offset(), paging.probe()).stream().map(Order::of).toList());
  }

  @GetMapping("/api/orders/{shopId}/{tid}")
  @Operation(summary = "One trade with its lines and its receiver (name, phones and street address masked)",
      description = "404 when the trade is unknown or belongs to a shop outside the caller's shops.")
  OrderDetail one(@AuthenticationPrincipal ConsolePrincipal user, @PathVariable("shopId") long shopId, @PathVariable("tid") String tid) {
    if (shopId < 1 || !user.scope().allows(shopId)) {
      throw notFound(shopId, tid);
    }
    ShopId shop = new ShopId(shopId);
    TradeView trade = orders.trade(shop, tid).orElseThrow(() -> notFound(shopId, tid));
    return new OrderDetail(Order.of(trade), orders.lines(shop, tid).stream().map(Line::of).toList(),
        orders.maskedReceiver(shop, tid).orElse(null));
  }

  private static ResponseStatusException notFound(long shopId, String tid) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "no trade " + tid + " of shop " + shopId + " in your shops");
  }

  private static TradeState parseState(String state) {
    try {
      return TradeState.valueOf(state.strip());
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "unknown state '" + state + "': one of " + Arrays.toString(TradeState.values()));
    }
  }

  /**
   * A trade.
   *
   * @param shopId shop id
   * @param shop shop code
   * @param tid Tmall trade id
   * @param status Tmall status
   * @param state bridge state
   * @param created when placed
   * @param modified Tmall's modified time of the last applied snapshot
   * @param payTime when paid, null if never
   * @param payment what the buyer paid, yuan with 2 decimals
   * @param erpOrderNo the ERP sales order, null until exported
   * @param erpAmount the ERP order's total, yuan with 2 decimals, null until exported
   * @param exception the open exception's reason code, null when none
   */
  public record Order(long shopId, String shop, String tid, String status, TradeState state, Instant created, Instant modified,
      @Nullable Instant payTime, String payment, @Nullable String erpOrderNo, @Nullable String erpAmount, @Nullable String exception) {
    static Order of(TradeView t) {
      return new Order(t.shopId(), t.shopCode(), t.tid(), t.status(), t.state(), t.created(), t.modified(), t.payTime(),
          Money.formatYuan(t.paymentFen()), t.erpOrderNo(), t.erpAmountFen() == null ? null : Money.formatYuan(t.erpAmountFen()),
          t.exception());
    }
  }

  /**
   * A trade in detail.
   *
   * @param order the trade
   * @param lines its lines as exported to the ERP (empty before normalisation)
   * @param receiver where it ships, masked; null when no snapshot is stored
   */
  public record OrderDetail(Order order, List<Line> lines, @Nullable Receiver receiver) {}

  /**
   * One line.
   *
   * @param lineNo position in the sales order
   * @param oid Tmall sub-order id ({@code oid#n} for a combo's n-th component)
   * @param materialCode ERP material
   * @param quantity units
   * @param amount what the buyer paid for the line, yuan with 2 decimals
   */
  public record Line(int lineNo, String oid, String materialCode, int quantity, String amount) {
    static Line of(TradeLineView l) {
      return new Line(l.lineNo(), l.oid(), l.materialCode(), l.quantity(), Money.formatYuan(l.amountFen()));
    }
  }
}
