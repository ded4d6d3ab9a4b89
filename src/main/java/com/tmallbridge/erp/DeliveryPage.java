package com.tmallbridge.erp;

import java.util.List;

/**
 * One page of {@link DeliveryFeed#deliveriesAfter}.
 *
 * @param deliveries oldest first
 * @param cursor the position after the last delivery of this page (unchanged when empty)
 * @param more whether more deliveries follow
 */
public record DeliveryPage(List<ErpDelivery> deliveries, String cursor, boolean more) {

  public DeliveryPage {
    deliveries = List.copyOf(deliveries);
  }
}
