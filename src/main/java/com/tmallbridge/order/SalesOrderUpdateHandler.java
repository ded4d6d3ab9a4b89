package com.tmallbridge.order;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.SalesOrderAmendment.Result;
import com.tmallbridge.erp.SalesOrderAmendment;
import com.tmallbridge.sync.DeliveryException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers {@code erp.sales-order.update}: brings the ERP order's receiver and/or notes to the
 * newer snapshot's. Applied → recorded resolved ({@link AmendReason#RECEIVER_UPDATED} or {@link
 * AmendReason#NOTES_UPDATED}); refused because goods shipped → an open {@link
 * AmendReason#RECEIVER_CHANGED_AFTER_SHIPPING} or {@link AmendReason#NOTES_CHANGED_AFTER_SHIPPING}
 * that lists each change old → new with personal data masked; refused because the ERP order is
 * cancelled → {@link AmendReason#ERP_ORDER_CANCELLED}. Nothing to update when the trade's ERP
 * order is being cancelled; a retryable failure ({@link AmendReason#ERP_ORDER_NOT_CREATED}) while
 * the order is not created yet.
 */
@Component
class SalesOrderUpdateHandler extends AmendmentHandler<AmendmentMessages.Update> {

  SalesOrderUpdateHandler(
      ErpRegistry erp, ErpOrderLocator locator, AmendmentRepository amendments, ExceptionRepository exceptions, JsonMapper json,
      Clock clock) {
    super(AmendmentMessages.Update.class, erp, locator, amendments, exceptions, json, clock);
  }

  @Override
  public String messageType() {
    return OrderMessages.UPDATE_SALES_ORDER;
  }

  @Override
  void noErpOrder(AmendmentMessages.Update update, Instant now) {
    if (amendments.cancelRequested(update.shopId(), update.tid())) {
      return;
    }
    String changes = changes(update);
    throw new DeliveryException(AmendReason.ERP_ORDER_NOT_CREATED.code(), true,
        "trade " + update.tid() + " has no ERP order yet; its update (" + changes + ") waits for it", new IllegalStateException(changes));
  }

  @Override
  String byHand(AmendmentMessages.Update update, ErpDocNo doc) {
    return "trade " + update.tid() + " changed on Tmall: " + changes(update) + "; update ERP order " + doc.value() + " by hand";
  }

  @Override
  void amend(AmendmentMessages.Update update, ErpDocNo doc, SalesOrderAmendment amendment, Instant now) {
    ShopId shop = update.shopId();
    String tid = update.tid();
    String changes = changes(update);
    TradeParticulars after = update.after();
    Result receiver = update.receiverChanged() ? amendment.updateReceiver(doc, after.receiver()) : Result.APPLIED;
    Result notes = update.notesChanged()
        ? amendment.updateMemo(doc, after.buyerMessage(), after.sellerMemo(), after.sellerFlag()) : Result.APPLIED;
    if (receiver == Result.REFUSED_CANCELLED || notes == Result.REFUSED_CANCELLED) {
      exceptions.raise(shop, tid, AmendReason.ERP_ORDER_CANCELLED, "trade " + tid + " changed on Tmall (" + changes + ") but ERP order "
          + doc.value() + " is cancelled in the ERP: nothing was changed; check why it was cancelled", null, now);
    } else if (receiver == Result.REFUSED_SHIPPED || notes == Result.REFUSED_SHIPPED) {
      AmendReason reason = update.receiverChanged() ? AmendReason.RECEIVER_CHANGED_AFTER_SHIPPING : AmendReason.NOTES_CHANGED_AFTER_SHIPPING;
      String todo = update.receiverChanged()
          ? "ask the carrier to redirect the parcel or contact the buyer"
          : "read the change and act on it";
      exceptions.raise(shop, tid, reason, "trade " + tid + " changed on Tmall after ERP order " + doc.value() + " shipped: " + changes
          + ". The ERP order keeps the old values; " + todo + ", then close this with 'exceptions retry ID'", null, now);
    } else {
      AmendReason reason = update.receiverChanged() ? AmendReason.RECEIVER_UPDATED : AmendReason.NOTES_UPDATED;
      exceptions.recordResolved(shop, tid, reason, "trade " + tid + " changed on Tmall before shipping: ERP order " + doc.value()
          + " updated: " + changes, now);
    }
  }

  private static String changes(AmendmentMessages.Update update) {
    return String.join("; ", update.after().changesSince(update.before()));
  }
}
