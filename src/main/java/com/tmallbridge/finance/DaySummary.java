package com.tmallbridge.finance;

import com.tmallbridge.core.ShopId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The latest reconciliation of one shop's day, side by side.
 *
 * @param shopId the shop
 * @param day the day (GMT+8)
 * @param runId the run that wrote it
 * @param ranAt when that run finished
 * @param orders trades paid on Tmall that day
 * @param tmallPaidFen what their buyers paid (goods plus freight)
 * @param tmallRefundFen what succeeded refunds gave back on those trades
 * @param erpOrders how many of them the ERP holds a sales order for
 * @param erpFen the totals of those sales orders (cancelled ones count 0)
 * @param settledFen their settlement lines: income plus post fee plus refunds (the fees not deducted)
 * @param feesFen their commission, points and service fee lines (negative)
 * @param differences differences per category; every category is a key, 0 when none
 */
public record DaySummary(
    ShopId shopId,
    LocalDate day,
    long runId,
    Instant ranAt,
    int orders,
    long tmallPaidFen,
    long tmallRefundFen,
    int erpOrders,
    long erpFen,
    long settledFen,
    long feesFen,
    Map<DifferenceCategory, Integer> differences) {

  public DaySummary {
    differences = Map.copyOf(differences);
  }

  /** All differences of the day. */
  public int totalDifferences() {
    return differences.values().stream().mapToInt(Integer::intValue).sum();
  }
}
