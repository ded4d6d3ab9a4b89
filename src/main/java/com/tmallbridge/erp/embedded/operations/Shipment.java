package com.tmallbridge.erp.embedded.operations;

import com.tmallbridge.core.ErpDocNo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request to ship (part of) a sales order from one warehouse as one parcel.
 *
 * @param salesOrderNo the sales order to ship
 * @param warehouse the warehouse the goods leave
 * @param carrier the carrier's code (e.g. {@code ZTO}); null when not known yet
 * @param trackingNo the waybill number; null when not known yet
 * @param reference the caller's idempotency key: shipping with a reference already used returns
 *     the delivery booked then and books nothing
 * @param quantitiesByLineNo units per sales order line number; empty ships every open unit of
 *     every line
 */
public record Shipment(
    ErpDocNo salesOrderNo,
    String warehouse,
    @Nullable String carrier,
    @Nullable String trackingNo,
    String reference,
    Map<Integer, Long> quantitiesByLineNo) {

  public Shipment {
    quantitiesByLineNo = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(quantitiesByLineNo));
  }

  /** Ships everything still open on the order. */
  public static Shipment inFull(
      ErpDocNo salesOrderNo, String warehouse, @Nullable String carrier, @Nullable String trackingNo, String reference) {
    return new Shipment(salesOrderNo, warehouse, carrier, trackingNo, reference, Map.of());
  }

  /** Whether this ships every open unit rather than chosen lines. */
  public boolean isInFull() {
    return quantitiesByLineNo.isEmpty();
  }
}
