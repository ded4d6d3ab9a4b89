package com.tmallbridge.finance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The thresholds of one reconciliation run, from {@link ReconciliationProperties} and {@link
 * FeeRateProperties}, in the integer units the SQL compares (millionths of the income).
 *
 * @param unsettledCutoff a finished trade last changed before this without paid income is unsettled
 * @param unsettledDetail the detail line of {@link DifferenceCategory#UNSETTLED_PAST_DAYS}
 * @param tolerancePerMillion the fee tolerance in millionths of the income
 * @param fees the three fee rules: commission, points, service fee
 */
record DifferenceRules(Instant unsettledCutoff, String unsettledDetail, long tolerancePerMillion, List<FeeRule> fees) {

  /**
   * @param column the fee's column stem in {@code finance_recon_trade} ({@code commission}, {@code points}, {@code service_fee})
   * @param ratePerMillion the expected rate in millionths of the income
   * @param detail the detail line of a {@link DifferenceCategory#FEE_OUT_OF_RATE} for this fee
   */
  record FeeRule(String column, long ratePerMillion, String detail) {}

  static DifferenceRules of(ReconciliationProperties settings, FeeRateProperties rates, Clock clock) {
    String tolerance = rates.tolerance().stripTrailingZeros().toPlainString();
    return new DifferenceRules(
        clock.instant().minus(Duration.ofDays(settings.unsettledDays())),
        "finished on Tmall, no paid income after " + settings.unsettledDays() + " days",
        FeeRateProperties.perMillion(rates.tolerance()),
        List.of(
            fee("commission", "COMMISSION", rates.commission(), tolerance),
            fee("points", "POINTS", rates.points(), tolerance),
            fee("service_fee", "SERVICE_FEE", rates.serviceFee(), tolerance)));
  }

  private static FeeRule fee(String column, String kind, BigDecimal percent, String tolerance) {
    return new FeeRule(column, FeeRateProperties.perMillion(percent),
        kind + " outside " + percent.stripTrailingZeros().toPlainString() + "% ± " + tolerance + "% of income");
  }
}
