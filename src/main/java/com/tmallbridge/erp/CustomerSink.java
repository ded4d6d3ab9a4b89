package com.tmallbridge.erp;

import com.tmallbridge.core.CustomerRecord;
import com.tmallbridge.core.ErpDocNo;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

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

  /**
   * {@link #ensureCustomer} for several buyers: the same numbers, with the same idempotency, as
   * calling it for each in turn. A buyer listed twice is ensured once. The default does exactly
   * that; a connector that can look up and create many customers in fewer calls overrides it.
   * Not atomic in general: after a {@link ConnectorException} some of the customers may exist,
   * and a repeat finds them. A {@link ErpConnector.Locality#LOCAL} connector called inside the
   * caller's transaction writes all of them or none with it.
   *
   * @return the customer number of each distinct {@link CustomerRecord#externalKey()}
   * @throws ConnectorException on failure (retryable or permanent)
   */
  default Map<String, ErpDocNo> ensureCustomers(Collection<CustomerRecord> customers) {
    Map<String, ErpDocNo> numbers = new LinkedHashMap<>();
    for (CustomerRecord customer : customers) {
      if (!numbers.containsKey(customer.externalKey())) {
        numbers.put(customer.externalKey(), ensureCustomer(customer));
      }
    }
    return numbers;
  }
}
