package com.tmallbridge.order;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.CustomerSink;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.SalesOrderSink;
import com.tmallbridge.sync.DeliveryException;
import com.tmallbridge.sync.MessageHandler;
import com.tmallbridge.sync.OutboxMessage;
import java.time.Clock;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers {@code erp.sales-order.create}: ensures the customer, creates the sales order (both
 * idempotent in the ERP) and records the ERP's number on the trade, in the dispatcher's
 * transaction; creates nothing once the trade's cancellation was asked for (see {@link
 * TradeAmendments}). ERP failures are passed on as retryable or permanent as the connector classified them.
 */
@Component
class SalesOrderExportHandler implements MessageHandler {
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

  @Override
  public void handle(OutboxMessage message) {
    SalesOrder order = json.readValue(message.payload(), SalesOrder.class);
    if (amendments.cancelRequested(order.shop(), order.orderNo().value())) {
      return; // the trade closed before its order reached the ERP: the cancel message behind this one records it
    }
    try {
      ErpDocNo customer = erp.capability(CustomerSink.class).ensureCustomer(order.customer());
      ErpDocNo doc = erp.capability(SalesOrderSink.class).createSalesOrder(order, customer);
      trades.markExported(order.shop(), order.orderNo().value(), doc.value(), order.totalFen(), clock.instant());
      exceptions.resolve(order.shop(), order.orderNo().value(), clock.instant());
    } catch (ConnectorException e) {
      throw new DeliveryException(e.errorCode().code(), e.retryable(), e.getMessage(), e);
    }
  }
}
