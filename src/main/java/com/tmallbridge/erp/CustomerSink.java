package com.tmallbridge.erp;

import com.tmallbridge.core.CustomerRecord;
import com.tmallbridge.core.ErpDocNo;

/** Creates customers in the ERP. */
public interface CustomerSink {

  /**
   * Finds the customer with {@code customer.externalKey()} or creates it. Idempotent: calling it
   * twice, concurrently or after a crash, yields one customer and the same number.
   *
   * @return the ERP's customer number
   * @throws ConnectorException on failure (retryable or permanent)
   */
  ErpDocNo ensureCustomer(CustomerRecord customer);
}
