package com.tmallbridge.order;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.SalesOrderAmendment;
import com.tmallbridge.sync.DeliveryException;
import com.tmallbridge.sync.MessageHandler;
import com.tmallbridge.sync.OutboxMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What delivering an amendment of a trade's ERP order always does: read the payload, find the
 * trade's ERP order, hand over to {@link #noErpOrder} when there is none, raise {@link
 * AmendReason#ERP_CANNOT_AMEND} when the active ERP cannot amend orders, otherwise {@link #amend};
 * ERP failures become delivery failures, retried as the ERP classified them. Amendments are urgent
 * (they must reach the ERP before the warehouse ships).
 *
 * @param <M> the payload
 */
abstract class AmendmentHandler<M extends AmendmentMessages.Addressed> implements MessageHandler {
  private final Class<M> payloadType;
  private final ErpRegistry erp;
  private final ErpOrderLocator locator;
  private final JsonMapper json;
  private final Clock clock;
  final AmendmentRepository amendments;
  final ExceptionRepository exceptions;

  AmendmentHandler(Class<M> payloadType, ErpRegistry erp, ErpOrderLocator locator, AmendmentRepository amendments,
      ExceptionRepository exceptions, JsonMapper json, Clock clock) {
    this.payloadType = payloadType;
    this.erp = erp;
    this.locator = locator;
    this.amendments = amendments;
    this.exceptions = exceptions;
    this.json = json;
    this.clock = clock;
  }

  /** Taking in orders and acting on them before shipping cannot wait behind write-backs. */
  @Override
  public boolean urgent() {
    return true;
  }

  /** Outside any transaction when the ERP is remote (amendments are idempotent in the ERP). */
  @Override
  public boolean remote() {
    return erp.activeIsRemote();
  }

  @Override
  public final void handle(OutboxMessage message) {
    M m = json.readValue(message.payload(), payloadType);
    Instant now = clock.instant();
    try {
      Optional<ErpDocNo> doc = locator.find(m.shopId(), m.shopCode(), m.tid());
      if (doc.isEmpty()) {
        noErpOrder(m, now);
      } else if (!erp.supports(SalesOrderAmendment.class)) {
        exceptions.raise(m.shopId(), m.tid(), AmendReason.ERP_CANNOT_AMEND, byHand(m, doc.get()), null, now);
      } else {
        amend(m, doc.get(), erp.capability(SalesOrderAmendment.class), now);
      }
    } catch (ConnectorException e) {
      throw new DeliveryException(e.errorCode().code(), e.retryable(), e.getMessage(), e);
    }
  }

  /** The trade has no ERP order. */
  abstract void noErpOrder(M message, Instant now);

  /** The exception text when the active ERP cannot amend: what to do in the ERP by hand. */
  abstract String byHand(M message, ErpDocNo doc);

  /** Amends {@code doc} and records the outcome. */
  abstract void amend(M message, ErpDocNo doc, SalesOrderAmendment amendment, Instant now);
}
