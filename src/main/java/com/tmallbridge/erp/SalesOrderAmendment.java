package com.tmallbridge.erp;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.Receiver;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Changes a sales order the ERP already holds after the channel trade changed: cancels it, or
 * replaces its receiver or its notes. Every call is idempotent: repeating it, or asking for what
 * the order already holds, returns {@link Result#APPLIED} and changes nothing.
 *
 * <p>Once any unit of the order has been delivered (part or fully shipped) the ERP refuses every
 * change permanently with {@link Result#REFUSED_SHIPPED}: the goods have left, only a return or
 * the carrier can help. A cancelled order refuses updates with {@link Result#REFUSED_CANCELLED}.
 * Refusals are answers, not failures; failures (unknown document, ERP unreachable) are thrown as
 * {@link ConnectorException}, retryable or permanent as usual.
 */
public interface SalesOrderAmendment {

  /** What the ERP did with an amendment. */
  enum Result {
    /** The order now holds the change (made now or earlier). */
    APPLIED,
    /** Refused for good: goods of the order have been delivered. */
    REFUSED_SHIPPED,
    /** Refused for good: the order is cancelled (an update of a cancelled order). */
    REFUSED_CANCELLED
  }

  /**
   * Cancels the order before anything of it ships. Cancelling a cancelled order is {@link
   * Result#APPLIED}.
   *
   * @param reason why, kept by the ERP for its users (e.g. {@code Tmall trade closed})
   * @throws ConnectorException when the document is unknown or the ERP fails
   */
  Result cancel(ErpDocNo salesOrderNo, String reason);

  /**
   * Replaces the order's receiver (name, phones, address) as a whole.
   *
   * @throws ConnectorException when the document is unknown or the ERP fails
   */
  Result updateReceiver(ErpDocNo salesOrderNo, Receiver receiver);

  /**
   * Replaces the order's buyer message, seller memo and seller flag (Tmall's 0-5 colour flag).
   *
   * @throws ConnectorException when the document is unknown or the ERP fails
   */
  Result updateMemo(ErpDocNo salesOrderNo, @Nullable String buyerMessage, @Nullable String sellerMemo, int sellerFlag);

  /** What the order holds now (receiver, notes, status), or empty when the ERP has no such document. */
  Optional<Particulars> particulars(ErpDocNo salesOrderNo);

  /**
   * The parts of a sales order an amendment changes, as the ERP holds them.
   *
   * @param status where the order stands, as in {@link ErpSalesOrderSummary#status()}
   */
  record Particulars(Receiver receiver, @Nullable String buyerMessage, @Nullable String sellerMemo, int sellerFlag,
      ErpOrderStatus status) {}
}
