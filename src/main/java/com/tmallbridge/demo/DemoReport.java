package com.tmallbridge.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the demo found, in the shape {@code ./bridge demo --json} prints. Every check counts
 * problems; the run passed when all of them are 0.
 *
 * @param tmall what the sandbox (the Tmall side) holds
 * @param erp what the ERP holds
 * @param checks problem counts by name
 * @param exceptions unresolved order exceptions in the bridge
 * @param elapsedMs wall time of the run
 * @param details extra figures (seed, API calls, faults injected, ...)
 */
public record DemoReport(
    TmallSide tmall, ErpSide erp, Map<String, Long> checks, long exceptions, long elapsedMs, Map<String, Object> details) {

  /** Tmall-side totals: all trades, trades ever paid, and what the paid ones paid. */
  public record TmallSide(long trades, long paid, long paymentFen) {}

  /** ERP-side totals over the sales orders that came from the demo shop. */
  public record ErpSide(long salesOrders, long amountFen) {}

  public boolean passed() {
    return checks.values().stream().allMatch(v -> v == 0);
  }

  /** The report as ordered maps, for JSON output. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tmall", Map.of("trades", tmall.trades(), "paid", tmall.paid(), "paymentFen", tmall.paymentFen()));
    m.put("erp", Map.of("salesOrders", erp.salesOrders(), "amountFen", erp.amountFen()));
    m.put("checks", checks);
    m.put("exceptions", exceptions);
    m.put("elapsedMs", elapsedMs);
    m.put("passed", passed());
    m.putAll(details);
    return m;
  }
}
