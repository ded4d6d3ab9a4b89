package com.tmallbridge.finance;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The fee rates the reconciliation expects ({@code bridge.finance.fee-rates.*}), in percent of a
 * trade's income: a fee total outside {@code rate ± tolerance} (plus one fen for rounding) is a
 * {@link DifferenceCategory#FEE_OUT_OF_RATE}.
 *
 * @param commission Tmall's commission (佣金), default 5.0
 * @param points Tmall points (天猫积分), default 0.5
 * @param serviceFee the software service fee (技术服务费), default 1.0
 * @param tolerance how far, in percentage points, a fee may lie from its rate, default 0.1
 */
@ConfigurationProperties("bridge.finance.fee-rates")
public record FeeRateProperties(
    @DefaultValue("5.0") BigDecimal commission,
    @DefaultValue("0.5") BigDecimal points,
    @DefaultValue("1.0") BigDecimal serviceFee,
    @DefaultValue("0.1") BigDecimal tolerance) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public FeeRateProperties {
    percent("commission", commission);
    percent("points", points);
    percent("service-fee", serviceFee);
    percent("tolerance", tolerance);
  }

  private static void percent(String key, BigDecimal value) {
    if (value.signum() < 0 || value.compareTo(HUNDRED) > 0 || value.scale() > 4) {
      throw new IllegalArgumentException("bridge.finance.fee-rates." + key
          + " must be a percentage between 0 and 100 with at most 4 decimals, got " + value.toPlainString());
    }
  }

  /** {@code percent} in millionths of the income (5.0 % → 50,000), exact for up to 4 decimals. */
  static long perMillion(BigDecimal percent) {
    return percent.movePointRight(4).longValueExact();
  }
}
