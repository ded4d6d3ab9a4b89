package com.tmallbridge.sandbox.tmall;

import java.util.Map;

/**
 * A summary of the sandbox at one moment, as {@code GET /control/state} reports it.
 *
 * @param trades number of trades
 * @param paidTrades trades that were ever paid (including refunded ones)
 * @param paymentFen sum of the payment of the trades that were ever paid
 * @param byStatus trade count per TOP status (every simulated status present, zeros included)
 * @param apiCalls gateway calls per API method
 * @param faultsInjected injected faults per kind
 */
public record SandboxState(
    int trades,
    int paidTrades,
    long paymentFen,
    Map<String, Integer> byStatus,
    Map<String, Long> apiCalls,
    Map<String, Long> faultsInjected) {

  public SandboxState {
    byStatus = Map.copyOf(byStatus);
    apiCalls = Map.copyOf(apiCalls);
    faultsInjected = Map.copyOf(faultsInjected);
  }
}
