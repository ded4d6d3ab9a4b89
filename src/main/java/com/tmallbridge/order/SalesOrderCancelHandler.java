package com.tmallbridge.order;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.SalesOrderAmendment;
import com.tmallbridge.sync.DeliveryException;
import com.tmallbridge.sync.MessageHandler;
import com.tmallbridge.sync.OutboxMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers {@code erp.sales-order.cancel} for a trade closed after its ERP order was queued. It
 * runs after the trade's create message (same aggregate), and the create handler no longer creates
 * an order whose cancellation was asked for, so "no ERP order" means none will exist. Outcomes:
 * cancelled or never created ({@link AmendReason#CANCELLED_BEFORE_SHIPPING}, recorded resolved),
 * refused because goods shipped ({@link AmendReason#CLOSED_AFTER_SHIPPING}, open), ERP without the
 * capability ({@link AmendReason#ERP_CANNOT_AMEND}, open). ERP failures are retried as classified.
 */
@Component
class SalesOrderCancelHandler implements MessageHandler {
  private final ErpRegistry erp;
  private final ErpOrderLocator locator;
  private final AmendmentRepository amendments;
  private final ExceptionRepository exceptions;
  private final JsonMapper json;
  private final Clock clock;

  SalesOrderCancelHandler(
      ErpRegistry erp, ErpOrderLocator locator, AmendmentRepository amendments, ExceptionRepository exceptions, JsonMapper json,
      Clock clock) {
    this.erp = erp;
    this.locator = locator;
    this.amendments = amendments;
    this.exceptions = exceptions;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public String messageType() {
    return OrderMessages.CANCEL_SALES_ORDER;
  }

  /** Taking in orders and acting on them before shipping cannot wait behind write-backs. */
  @Override
  public boolean urgent() {
    return true;
  }

  @Override
  public void handle(OutboxMessage message) {
    AmendmentMessages.Cancel cancel = json.readValue(message.payload(), AmendmentMessages.Cancel.class);
    ShopId shop = cancel.shopId();
    String tid = cancel.tid();
    Instant now = clock.instant();
    try {
      Optional<ErpDocNo> doc = locator.find(shop, cancel.shopCode(), tid);
      if (doc.isEmpty()) {
        amendments.cancelOutcome(shop, tid, AmendmentRepository.CancelOutcome.NOT_CREATED, now);
        exceptions.resolve(shop, tid, now);
        exceptions.recordResolved(shop, tid, AmendReason.CANCELLED_BEFORE_SHIPPING,
            "trade " + tid + " closed on Tmall (" + cancel.status() + ") before its ERP order was created: it will not be created", now);
        return;
      }
      if (!erp.supports(SalesOrderAmendment.class)) {
        exceptions.raise(shop, tid, AmendReason.ERP_CANNOT_AMEND, "trade " + tid + " closed on Tmall (" + cancel.status()
            + "): cancel ERP order " + doc.get().value() + " by hand; " + AmendReason.ERP_CANNOT_AMEND.description(), null, now);
        return;
      }
      SalesOrderAmendment.Result result =
          erp.capability(SalesOrderAmendment.class).cancel(doc.get(), "Tmall trade " + tid + " " + cancel.status());
      if (result == SalesOrderAmendment.Result.REFUSED_SHIPPED && cancel.closedByRefunds()) {
        amendments.cancelOutcome(shop, tid, AmendmentRepository.CancelOutcome.SHIPPED, now);
        exceptions.recordResolved(shop, tid, AmendReason.CLOSED_BY_REFUNDS_AFTER_SHIPPING, "trade " + tid + " closed on Tmall ("
            + cancel.status() + ") with every sub-order refunded after ERP order " + doc.get().value() + " shipped goods: the"
            + " after-sale flow books the returns", now);
        return;
      }
      if (result == SalesOrderAmendment.Result.REFUSED_SHIPPED) {
        amendments.cancelOutcome(shop, tid, AmendmentRepository.CancelOutcome.SHIPPED, now);
        exceptions.raise(shop, tid, AmendReason.CLOSED_AFTER_SHIPPING, "trade " + tid + " closed on Tmall (" + cancel.status()
            + ") but ERP order " + doc.get().value() + " has shipped goods, so it was not cancelled: intercept the parcel or book"
            + " the return, then close this with 'exceptions retry ID'", null, now);
        return;
      }
      amendments.cancelOutcome(shop, tid, AmendmentRepository.CancelOutcome.CANCELLED, now);
      exceptions.recordResolved(shop, tid, AmendReason.CANCELLED_BEFORE_SHIPPING,
          "trade " + tid + " closed on Tmall (" + cancel.status() + ") before shipping: ERP order " + doc.get().value() + " cancelled",
          now);
    } catch (ConnectorException e) {
      throw new DeliveryException(e.errorCode().code(), e.retryable(), e.getMessage(), e);
    }
  }
}
