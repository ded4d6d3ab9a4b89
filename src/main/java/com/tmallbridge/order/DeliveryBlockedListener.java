package com.tmallbridge.order;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.sync.MessageBlocked;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns a blocked ERP delivery into an order exception in the same transaction, so operators see
 * it with the other held trades and can retry it.
 */
@Component
class DeliveryBlockedListener {
  private final OrderRepository trades;
  private final ExceptionRepository exceptions;
  private final Clock clock;

  DeliveryBlockedListener(OrderRepository trades, ExceptionRepository exceptions, Clock clock) {
    this.trades = trades;
    this.exceptions = exceptions;
    this.clock = clock;
  }

  @EventListener
  void on(MessageBlocked event) {
    if (!OrderMessages.AGGREGATE.equals(event.aggregateType()) || !OrderMessages.CREATE_SALES_ORDER.equals(event.messageType())) {
      return;
    }
    int colon = event.aggregateId().indexOf(':');
    ShopId shop = new ShopId(Long.parseLong(event.aggregateId().substring(0, colon)));
    String tid = event.aggregateId().substring(colon + 1);
    String message = "ERP refused or could not take the sales order after " + event.attempts() + " attempt(s): "
        + event.reasonCode() + " " + event.lastError();
    exceptions.raise(shop, tid, OrderReason.ERP_REJECTED, message, event.messageId().toString(), clock.instant());
    trades.setState(shop, tid, TradeState.EXCEPTION, OrderReason.ERP_REJECTED.code(), clock.instant());
  }
}
