package com.tmallbridge.erp;

import com.tmallbridge.core.ErpDocNo;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Books a delivery (one parcel) in the ERP the way its warehouse staff would: the go-live check,
 * the demo's warehouse and the contract tests use it to play the ERP's side. The bridge's flows
 * never call it — they read deliveries through {@link DeliveryFeed}. Thread-safe.
 */
public interface DeliveryBooking {

  /**
   * Ships {@code unitsByExternalLineId} units of the sales order's lines (keyed by the line's
   * external id, e.g. the Tmall sub-order id; an empty map ships every open unit) from {@code
   * warehouse} as one parcel with a carrier and tracking number. Idempotent on {@code reference}: a
   * repeat returns the delivery booked then and books nothing.
   *
   * @return the delivery as {@link DeliveryFeed} will report it
   * @throws ConnectorException permanent when the order is unknown, cancelled or held ({@link
   *     DeliveryHold}: the message says "held"), or a line has fewer open units than asked
   */
  ErpDelivery bookDelivery(ErpDocNo salesOrderNo, String warehouse, Map<String, Long> unitsByExternalLineId,
      @Nullable String carrier, @Nullable String trackingNo, String reference);
}
