package com.tmallbridge.erp.tryton;

import java.util.Set;

/**
 * A Tryton warehouse location as the connector uses it (wire record).
 *
 * @param id the {@code stock.location} id of type {@code warehouse}
 * @param code the bridge's code for it (mapped from Tryton's location code)
 * @param storageId its storage zone, where stock is booked
 * @param locationIds the warehouse and every location under it
 */
record TrytonWarehouse(long id, String code, long storageId, Set<Long> locationIds) {
  TrytonWarehouse {
    locationIds = Set.copyOf(locationIds);
  }
}
