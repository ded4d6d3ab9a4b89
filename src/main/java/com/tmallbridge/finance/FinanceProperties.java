package com.tmallbridge.finance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the money flow ({@code bridge.finance.*}).
 *
 * @param importInterval time between settlement imports of every shop when running continuously
 *     ({@code sync}, {@code serve})
 * @param window longest window of one settlement read (≤ 1 day, TOP's limit for taobao.bill.bills.get)
 * @param safetyLag how far behind now an import stops: lines Tmall books late inside that margin are
 *     read by the next import
 * @param minSplitWindow the shortest window a read is split into when Tmall reports 5,000 lines (its
 *     cap per query); at least 1 s
 */
@ConfigurationProperties("bridge.finance")
public record FinanceProperties(
    @DefaultValue("10m") Duration importInterval,
    @DefaultValue("1d") Duration window,
    @DefaultValue("5m") Duration safetyLag,
    @DefaultValue("1m") Duration minSplitWindow) {

  public FinanceProperties {
    if (importInterval.isNegative() || importInterval.isZero()) {
      throw new IllegalArgumentException("bridge.finance.import-interval must be positive, got " + importInterval);
    }
    if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("bridge.finance.window must be between 1s and 1d (TOP's limit), got " + window);
    }
    if (safetyLag.isNegative()) {
      throw new IllegalArgumentException("bridge.finance.safety-lag must be at least 0, got " + safetyLag);
    }
    if (minSplitWindow.compareTo(Duration.ofSeconds(1)) < 0 || minSplitWindow.compareTo(window) > 0) {
      throw new IllegalArgumentException(
          "bridge.finance.min-split-window must be between 1s and bridge.finance.window, got " + minSplitWindow);
    }
  }
}
