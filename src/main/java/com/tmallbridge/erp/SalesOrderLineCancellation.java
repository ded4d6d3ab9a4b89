package com.tmallbridge.erp;

import com.tmallbridge.core.ErpDocNo;
import java.util.Collection;

/**
 * Cancels the open (not yet delivered) units of some lines of a sales order, e.g. after a refund
 * before shipping succeeded. Delivered units stay as they are. Thread-safe.
 */
public interface SalesOrderLineCancellation {

  /**
   * Cancels every open unit of the lines whose external line id is one of {@code subOrderIds} or
   * starts with one of them followed by {@code #} (combo component lines {@code oid#2}…). When no
   * open unit is left on the whole order afterwards, the order counts as cancelled (nothing
   * delivered) or shipped (something delivered). Idempotent on {@code reference}: a repeat
   * returns the first call's result and changes nothing.
   *
   * @return what was cancelled and what is left
   * @throws ConnectorException permanent when the sales order is unknown or no line matches
   */
  Result cancelOpenUnits(ErpDocNo salesOrderNo, Collection<String> subOrderIds, String reference);

  /**
   * Units of the lines of {@code subOrderIds} (matched as in {@link #cancelOpenUnits}) delivered so
   * far: 0 means nothing of those sub-orders has left the warehouse, whatever the rest of the order
   * did (a refund of a sub-order still to ship in a partly shipped order can still be intercepted).
   *
   * @throws ConnectorException permanent when the sales order is unknown
   */
  long deliveredUnits(ErpDocNo salesOrderNo, Collection<String> subOrderIds);

  /**
   * @param cancelledUnits open units of the matched lines cancelled by this call
   * @param deliveredUnits units of the matched lines already delivered (not cancellable)
   * @param remainingOpenUnits open units left on the whole sales order
   */
  record Result(long cancelledUnits, long deliveredUnits, long remainingOpenUnits) {}
}
