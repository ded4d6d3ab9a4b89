package com.tmallbridge.fulfilment;

import com.tmallbridge.sync.MessageBlocked;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Marks a shipment FAILED, with the reason its message was blocked, in the transaction that blocks
 * the message: the operator sees it in {@code shipments list --state FAILED} and the other
 * shipments flow on.
 */
@Component
class ShipmentBlockedListener {
  private final ShipmentRepository shipments;
  private final Clock clock;

  ShipmentBlockedListener(ShipmentRepository shipments, Clock clock) {
    this.shipments = shipments;
    this.clock = clock;
  }

  @EventListener
  void on(MessageBlocked event) {
    if (!ShipmentMessages.AGGREGATE.equals(event.aggregateType()) || !ShipmentMessages.SHIP.equals(event.messageType())) {
      return;
    }
    shipments.findByMessage(event.messageId().toString())
        .filter(s -> s.state() == ShipmentState.PENDING)
        .ifPresent(s -> shipments.failed(s.id(), event.reasonCode(), event.lastError(), clock.instant()));
  }
}
