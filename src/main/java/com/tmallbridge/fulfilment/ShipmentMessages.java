package com.tmallbridge.fulfilment;

/** Outbox names of the fulfilment flow. */
final class ShipmentMessages {
  /** Aggregate type; the id is {@code <shopId>:<tid>} so the parcels of one trade go in order. */
  static final String AGGREGATE = "shipment";
  /** Marks a parcel shipped on Tmall. */
  static final String SHIP = "tmall.shipment.send";

  private ShipmentMessages() {}

  static String aggregateId(long shopId, String tid) {
    return shopId + ":" + tid;
  }
}
