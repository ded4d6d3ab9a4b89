package com.tmallbridge.erp;

import com.tmallbridge.core.ErpDocNo;
import java.util.Map;

/**
 * Customer returns (退货) in the ERP: a return document for delivered units of a sales order, and
 * its receipt, which puts the goods back on stock. Thread-safe.
 */
public interface ReturnSink {

  /**
   * Creates a return document for delivered, not yet returned units of the lines whose external
   * line id is a key of {@code unitsBySubOrder} or starts with that key followed by {@code #}.
   * Per matched line it returns {@code min(units, delivered − returned)}, or every such unit when
   * the value is 0. Idempotent on {@code reference}: a repeat returns the same number.
   *
   * @throws ConnectorException permanent when the sales order is unknown or nothing matching was
   *     delivered (or it was all returned already)
   */
  ErpDocNo createReturn(ErpDocNo salesOrderNo, Map<String, Long> unitsBySubOrder, String reference, String reason);

  /**
   * Receives the goods of a return document into the warehouse they left from: books one positive
   * {@code RETURN} stock move per line. Receiving a received return again books nothing.
   *
   * @return units put back on stock by this call (0 on a repeat)
   * @throws ConnectorException permanent when the return is unknown
   */
  long receiveReturn(ErpDocNo returnNo);
}
