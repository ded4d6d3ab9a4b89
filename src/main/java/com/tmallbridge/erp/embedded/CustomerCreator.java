package com.tmallbridge.erp.embedded;

import com.tmallbridge.core.CustomerRecord;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.erp.ConnectorException;
import java.time.Clock;
import java.util.Optional;

/**
 * Finds or creates the customer of a buyer, once per external key. A returning buyer costs one
 * query. A new one is inserted with {@code INSERT ... ON CONFLICT DO NOTHING}; if a concurrent
 * transaction inserts the same key, the insert waits for it and the winner's number is read back.
 */
final class CustomerCreator {
  private final CustomerRepository customers;
  private final DocumentNumbers numbers;
  private final Clock clock;

  CustomerCreator(CustomerRepository customers, DocumentNumbers numbers, Clock clock) {
    this.customers = customers;
    this.numbers = numbers;
    this.clock = clock;
  }

  ErpDocNo ensure(CustomerRecord customer) {
    Optional<ErpDocNo> known = customers.findByExternalKey(customer.externalKey());
    if (known.isPresent()) {
      return known.get();
    }
    ErpDocNo fresh = numbers.nextCustomerNo();
    if (customers.insertIfAbsent(fresh, customer, clock.instant())) {
      return fresh;
    }
    return customers.findByExternalKey(customer.externalKey()).orElseThrow(() -> new ConnectorException(
        EmbeddedErrorCode.DATABASE_UNAVAILABLE, true,
        "customer " + customer.externalKey() + " is being created by a concurrent transaction that is not visible yet"));
  }
}
