package com.tmallbridge.order;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.SalesOrderAmendment;
import java.time.Clock;
import java.time.Instant;
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
class SalesOrderCancelHandler extends AmendmentHandler<AmendmentMessages.Cancel> {

  SalesOrderCancelHandler(
      ErpRegistry erp, ErpOrderLocator locator, AmendmentRepository amendments, ExceptionRepository exceptions, JsonMapper json,
      Clock clock) {
    super(AmendmentMessages.Cancel.class, erp, locator, amendments, exceptions, json, clock);
  }

  @Override
  public String messageType() {
    return OrderMessages.CANCEL_SALES_ORDER;
  }

  @Override
  void noErpOrder(AmendmentMessages.Cancel cancel, Instant now) {
    ShopId shop = cancel.shopId();
    String tid = cancel.tid();
    amendments.cancelOutcome(shop, tid, AmendmentRepository.CancelOutcome.NOT_CREATED, now);
    exceptions.resolve(shop, tid, now);
    exceptions.recordResolved(shop, tid, AmendReason.CANCELLED_BEFORE_SHIPPING,
        "trade " + tid + " closed on Tmall (" + cancel.status() + ") before its ERP order was created: it will not be created", now);
  }

  @Override
  String byHand(AmendmentMessages.Cancel cancel, ErpDocNo doc) {
    return "trade " + cancel.tid() + " closed on Tmall (" + cancel.status() + "): cancel ERP order " + doc.value() + " by hand; "
        + AmendReason.ERP_CANNOT_AMEND.description();
  }

  @Override
  void amend(AmendmentMessages.Cancel cancel, ErpDocNo doc, SalesOrderAmendment amendment, Instant now) {
    ShopId shop = cancel.shopId();
    String tid = cancel.tid();
    SalesOrderAmendment.Result result = amendment.cancel(doc, "Tmall trade " + tid + " " + cancel.status());
    if (result == SalesOrderAmendment.Result.REFUSED_SHIPPED && cancel.closedByRefunds()) {
      amendments.cancelOutcome(shop, tid, AmendmentRepository.CancelOutcome.SHIPPED, now);
      exceptions.recordResolved(shop, tid, AmendReason.CLOSED_BY_REFUNDS_AFTER_SHIPPING, "trade " + tid + " closed on Tmall ("
          + cancel.status() + ") with every sub-order refunded after ERP order " + doc.value() + " shipped goods: the"
          + " after-sale flow books the returns", now);
      return;
    }
    if (result == SalesOrderAmendment.Result.REFUSED_SHIPPED) {
      amendments.cancelOutcome(shop, tid, AmendmentRepository.CancelOutcome.SHIPPED, now);
      exceptions.raise(shop, tid, AmendReason.CLOSED_AFTER_SHIPPING, "trade " + tid + " closed on Tmall (" + cancel.status()
          + ") but ERP order " + doc.value() + " has shipped goods, so it was not cancelled: intercept the parcel or book"
          + " the return, then close this with 'exceptions retry ID'", null, now);
      return;
    }
    amendments.cancelOutcome(shop, tid, AmendmentRepository.CancelOutcome.CANCELLED, now);
    exceptions.recordResolved(shop, tid, AmendReason.CANCELLED_BEFORE_SHIPPING,
        "trade " + tid + " closed on Tmall (" + cancel.status() + ") before shipping: ERP order " + doc.value() + " cancelled", now);
  }
}
