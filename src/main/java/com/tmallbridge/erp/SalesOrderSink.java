package com.tmallbridge.erp;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.SalesOrder;

/** Creates sales orders in the ERP. */
public interface SalesOrderSink {

  /**
   * Creates the sales order for {@code order} under {@code customer}, or returns the number of the
   * one that already exists for the same shop and channel order number. Idempotent: a repeat (also
   * after a crash between the ERP's commit and the caller's) yields the same number and no second
   * order.
   *
   * @return the ERP's sales order number
   * @throws ConnectorException on failure; permanent when the ERP rejects the content (e.g. an
   *     unknown material), retryable when it may work later
   */
  ErpDocNo createSalesOrder(SalesOrder order, ErpDocNo customer);
}
