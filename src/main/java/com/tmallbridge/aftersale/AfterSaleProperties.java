package com.tmallbridge.aftersale;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the after-sale flow ({@code bridge.aftersale.*}).
 *
 * @param window longest modified-time window of one refund query (≤ 1 day, TOP's limit)
 * @param overlap how far each pull re-reads before the checkpoint, for refunds TOP indexes late
 * @param pollInterval time between refund pulls when running continuously ({@link RefundSync#start()})
 * @param caseOrderWait longest time a case that takes goods back waits, after the bridge first stored it, for the
 *     earlier cases of its sub-order to be read and booked ({@link CaseOrder}); after it the case is booked anyway
 *     and a warning is logged
 */
@ConfigurationProperties("bridge.aftersale")
public record AfterSaleProperties(
    @DefaultValue("30m") Duration window,
    @DefaultValue("3m") Duration overlap,
    @DefaultValue("1m") Duration pollInterval,
    @DefaultValue("30m") Duration caseOrderWait) {

  public AfterSaleProperties {
    if (window.isNegative() || window.isZero() || window.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("bridge.aftersale.window must be between 1s and 1d (TOP's limit), got " + window);
    }
    if (overlap.isNegative() || overlap.compareTo(window) >= 0) {
      throw new IllegalArgumentException(
          "bridge.aftersale.overlap must be at least 0 and shorter than bridge.aftersale.window, got " + overlap);
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("bridge.aftersale.poll-interval must be positive, got " + pollInterval);
    }
    if (caseOrderWait.isNegative()) {
      throw new IllegalArgumentException("bridge.aftersale.case-order-wait must be at least 0, got " + caseOrderWait);
    }
  }
}
