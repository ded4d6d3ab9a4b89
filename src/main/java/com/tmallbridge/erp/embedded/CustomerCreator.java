package com.tmallbridge.erp.embedded;

import com.tmallbridge.core.CustomerRecord;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.erp.ConnectorException;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds or creates the customer of a buyer, once per external key. A returning buyer costs one
 * query. A new one is inserted with {@code INSERT ... ON CONFLICT DO NOTHING}; if a concurrent
 * transaction inserts the same key, the insert waits for it and the winner's number is read back.
 * Several buyers at once cost one query for the returning ones and one JDBC batch of inserts for
 * the new ones, written in external-key order so that two such batches lock keys in the same order
 * (no deadlock between them).
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

  /** {@link #ensure} for several buyers; a buyer listed twice is ensured once. */
  Map<String, ErpDocNo> ensureAll(Collection<CustomerRecord> buyers) {
    Map<String, CustomerRecord> byKey = new LinkedHashMap<>();
    buyers.forEach(b -> byKey.putIfAbsent(b.externalKey(), b));
    Map<String, ErpDocNo> known = customers.findByExternalKeys(byKey.keySet());
    TreeMap<String, CustomerRecord> fresh = new TreeMap<>(byKey);
    fresh.keySet().removeAll(known.keySet());
    if (!fresh.isEmpty()) {
      Map<ErpDocNo, CustomerRecord> inserts = new LinkedHashMap<>();
      fresh.values().forEach(b -> inserts.put(numbers.nextCustomerNo(), b));
      int[] counts = customers.insertAllIfAbsent(inserts, clock.instant());
      int i = 0;
      for (Map.Entry<ErpDocNo, CustomerRecord> e : inserts.entrySet()) {
        // 0: a concurrent transaction inserted the key first; negative: the driver did not say
        known.put(e.getValue().externalKey(), counts[i++] == 1 ? e.getKey() : ensure(e.getValue()));
      }
    }
    Map<String, ErpDocNo> result = new LinkedHashMap<>();
    byKey.keySet().forEach(key -> result.put(key, known.get(key)));
    return result;
  }
}
