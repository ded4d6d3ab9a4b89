package com.tmallbridge.order;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.CustomerSink;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.SalesOrderSink;
import com.tmallbridge.sync.BatchMessageHandler;
import com.tmallbridge.sync.DeliveryException;
import com.tmallbridge.sync.OutboxMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers {@code erp.sales-order.create}: ensures the customer, creates the sales order (both
 * idempotent in the ERP) and records the ERP's number on the trade, in the dispatcher's
 * transaction; creates nothing once the trade's cancellation was asked for (see {@link
 * TradeAmendments}). ERP failures are passed on as retryable or permanent as the connector classified them.
 *
 * <p>With the built-in ERP the dispatcher hands it groups of messages ({@link #handleAll}): one
 * query for the group's cancellations, the customers ensured and the sales orders created through
 * the ERP's batch calls ({@link CustomerSink#ensureCustomers}, {@link
 * SalesOrderSink#createSalesOrders}), the trades marked exported and their exceptions resolved in
 * JDBC batches — the same rows as one message at a time, in a few statements for the group.
 */
@Component
class SalesOrderExportHandler implements BatchMessageHandler {
  private final ErpRegistry erp;
  private final OrderRepository trades;
  private final ExceptionRepository exceptions;
  private final JsonMapper json;
  private final Clock clock;
  private final AmendmentRepository amendments;

  SalesOrderExportHandler(
      ErpRegistry erp, OrderRepository trades, ExceptionRepository exceptions, JsonMapper json, Clock clock, AmendmentRepository amendments) {
    this.amendments = amendments;
    this.erp = erp;
    this.trades = trades;
    this.exceptions = exceptions;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public String messageType() {
    return OrderMessages.CREATE_SALES_ORDER;
  }

  /** Taking in orders and acting on them before shipping cannot wait behind write-backs. */
  @Override
  public boolean urgent() {
    return true;
  }

  /** Outside any transaction when the ERP is remote (its write is idempotent on the channel order number). */
  @Override
  public boolean remote() {
    return erp.activeIsRemote();
  }

  /** One message is a group of one: the same lookups, writes and cancellation check as {@link #handleAll}. */
  @Override
  public void handle(OutboxMessage message) {
    handleAll(List.of(message));
  }

  @Override
  public void handleAll(List<OutboxMessage> messages) {
    List<SalesOrder> orders = new ArrayList<>(messages.size());
    for (OutboxMessage message : messages) {
      orders.add(json.readValue(message.payload(), SalesOrder.class));
    }
    List<SalesOrder> live = withoutCancelled(orders);
    if (live.isEmpty()) {
      return;
    }
    try {
      Map<String, ErpDocNo> customers = erp.capability(CustomerSink.class).ensureCustomers(live.stream().map(SalesOrder::customer).toList());
      List<SalesOrderSink.Request> requests = new ArrayList<>(live.size());
      live.forEach(o -> requests.add(new SalesOrderSink.Request(o, customers.get(o.customer().externalKey()))));
      List<ErpDocNo> docs = erp.capability(SalesOrderSink.class).createSalesOrders(requests);
      Instant now = clock.instant();
      List<OrderRepository.Exported> exported = new ArrayList<>(live.size());
      Map<ShopId, List<String>> tids = new LinkedHashMap<>();
      for (int i = 0; i < live.size(); i++) {
        SalesOrder o = live.get(i);
        exported.add(new OrderRepository.Exported(o.shop(), o.orderNo().value(), docs.get(i).value(), o.totalFen()));
        tids.computeIfAbsent(o.shop(), s -> new ArrayList<>()).add(o.orderNo().value());
      }
      trades.markExported(exported, now);
      exceptions.resolve(tids, now);
    } catch (ConnectorException e) {
      throw new DeliveryException(e.errorCode().code(), e.retryable(), e.getMessage(), e);
    }
  }

  /** The orders whose trade's cancellation was not asked for: one query per shop. */
  private List<SalesOrder> withoutCancelled(List<SalesOrder> orders) {
    Map<ShopId, List<String>> tids = new LinkedHashMap<>();
    orders.forEach(o -> tids.computeIfAbsent(o.shop(), s -> new ArrayList<>()).add(o.orderNo().value()));
    Map<ShopId, Set<String>> cancelled = new LinkedHashMap<>();
    tids.forEach((shop, list) -> cancelled.put(shop, amendments.cancelRequested(shop, list)));
    List<SalesOrder> live = new ArrayList<>(orders.size());
    for (SalesOrder o : orders) {
      if (!cancelled.get(o.shop()).contains(o.orderNo().value())) {
        live.add(o);
      }
    }
    return live;
  }
}
