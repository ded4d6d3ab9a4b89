package com.tmallbridge.channel;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Marks trades shipped on the channel with the carrier and tracking number the warehouse used, and
 * lists the carriers the channel knows. Implementations honour the channel's flow control and
 * retry transient failures themselves; what is left is thrown as a {@link ChannelException}.
 * Thread-safe.
 */
public interface ShipmentPublisher {

  /** The most sub-orders one split shipment may name (Tmall: 50). */
  int MAX_SUB_ORDERS_PER_CALL = 50;

  /**
   * Marks a trade, or some of its sub-orders, shipped by a self-arranged carrier. Repeat-safe: when
   * the channel answers that the trade (or every named sub-order) is already shipped, the result
   * says {@link ShipResult.Outcome#ALREADY_SHIPPED} instead of failing.
   *
   * @param tid the trade
   * @param companyCode the channel's carrier code, e.g. {@code SF} or {@code ZTO} (see {@link #companies})
   * @param trackingNo the carrier's tracking number
   * @param subOids null to ship the whole trade; otherwise the sub-orders in this parcel (a split
   *     shipment), 1 to {@link #MAX_SUB_ORDERS_PER_CALL} ids
   * @return what happened; never null
   * @throws IllegalArgumentException when {@code tid} or {@code companyCode} is blank, or {@code
   *     subOids} is empty, too long or holds a blank id
   * @throws ChannelException kind PERMANENT with a distinct error code when the tracking number is
   *     invalid for the carrier, the carrier code is unknown, the trade does not exist or its state
   *     forbids shipping (e.g. closed or refunded): an operator fixes the data and retries; other
   *     kinds as for any channel call
   */
  ShipResult ship(ShopCredentials shop, String tid, String companyCode, String trackingNo, @Nullable List<String> subOids);

  /**
   * The carriers the channel accepts for self-arranged shipping, with their tracking-number
   * patterns; used to seed and check the carrier mapping.
   *
   * @throws ChannelException on failure after retries
   */
  List<CarrierCompany> companies(ShopCredentials shop);
}
