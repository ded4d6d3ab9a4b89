package com.tmallbridge.erp;

/**
 * Reads the ERP's outbound deliveries (shipments of sales orders) in the order the ERP booked
 * them. A delivery has already deducted its stock when it appears here.
 */
public interface DeliveryFeed {

  /**
   * Deliveries booked after {@code cursor}, oldest first.
   *
   * @param cursor an opaque position from an earlier page; {@code ""} reads from the beginning
   * @param limit at most this many deliveries
   * @throws ConnectorException on failure
   */
  DeliveryPage deliveriesAfter(String cursor, int limit);
}
