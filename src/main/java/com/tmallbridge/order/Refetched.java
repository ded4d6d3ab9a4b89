package com.tmallbridge.order;

import org.jspecify.annotations.Nullable;

/**
 * What {@link OrderManagement#refetch} did for one trade.
 *
 * @param tid the trade
 * @param outcome whether the channel returned it
 * @param state where the bridge has the trade now; null when it has never stored it
 */
public record Refetched(String tid, Outcome outcome, @Nullable TradeState state) {

  /** Whether the channel returned the trade. */
  public enum Outcome {
    /** Read and imported (stored when new or newer; queued for the ERP once paid). */
    READ,
    /** The channel says the trade does not exist for this seller. */
    NOT_ON_CHANNEL
  }
}
