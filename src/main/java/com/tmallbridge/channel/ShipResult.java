package com.tmallbridge.channel;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The channel's answer to a shipment.
 *
 * @param tid the trade
 * @param subOids the sub-orders of a split shipment, null for the whole trade
 * @param outcome whether this call shipped it or it had been shipped before
 * @param detail one line for the operator (e.g. TOP's answer when it was already shipped)
 */
public record ShipResult(String tid, @Nullable List<String> subOids, Outcome outcome, String detail) {

  /** What a successful shipment call found. */
  public enum Outcome {
    /** The channel accepted the tracking number now. */
    SHIPPED,
    /** The trade (or every named sub-order) was already shipped; nothing changed. */
    ALREADY_SHIPPED
  }

  public ShipResult {
    subOids = subOids == null ? null : List.copyOf(subOids);
  }
}
