package com.tmallbridge.fulfilment;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One ERP delivery and its write-back, as {@code shipments list} shows it.
 *
 * @param id the shipment's id (for {@code shipments retry --id})
 * @param shopCode the shop
 * @param tid the Tmall trade
 * @param deliveryNo the ERP delivery document
 * @param salesOrderNo the ERP sales order it ships
 * @param oids the Tmall sub-orders in the parcel
 * @param wholeTrade whether the parcel ships the whole trade in one call (else split by {@code oids})
 * @param erpCarrier the carrier as the ERP recorded it, null when absent
 * @param companyCode the Tmall company code used (or set for the next retry), null until mapped
 * @param trackingNo the tracking number, null when the ERP has none
 * @param state where it stands
 * @param reasonCode why it is FAILED ({@link FulfilmentReason} code, or the last error code), else null
 * @param message readable detail: the failure, or Tmall's answer
 * @param retries operator retries so far
 * @param shippedAt when the goods left the warehouse
 * @param sentAt when Tmall confirmed it, null until then
 */
public record ShipmentView(
    long id,
    String shopCode,
    String tid,
    String deliveryNo,
    String salesOrderNo,
    List<String> oids,
    boolean wholeTrade,
    @Nullable String erpCarrier,
    @Nullable String companyCode,
    @Nullable String trackingNo,
    ShipmentState state,
    @Nullable String reasonCode,
    @Nullable String message,
    int retries,
    Instant shippedAt,
    @Nullable Instant sentAt) {

  public ShipmentView {
    oids = List.copyOf(oids);
  }
}
