package com.tmallbridge.stock;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the stock flow ({@code bridge.stock.*}).
 *
 * @param interval time between stock cycles when running continuously (ERP changes, deliveries,
 *     dirty materials, due pushes)
 * @param fullPassInterval time between full recomputations of every listing
 * @param feedBatch ERP stock changes or deliveries read per call
 * @param pushTimeout how long a queued push holds back further pushes of its item (a blocked
 *     message must not stop an item for ever)
 */
@ConfigurationProperties("bridge.stock")
public record StockProperties(
    @DefaultValue("30s") Duration interval,
    @DefaultValue("10m") Duration fullPassInterval,
    @DefaultValue("500") int feedBatch,
    @DefaultValue("15m") Duration pushTimeout) {

  public StockProperties {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("bridge.stock.interval must be positive, got " + interval);
    }
    if (fullPassInterval.isNegative() || fullPassInterval.isZero()) {
      throw new IllegalArgumentException("bridge.stock.full-pass-interval must be positive, got " + fullPassInterval);
    }
    if (feedBatch < 1 || feedBatch > 10_000) {
      throw new IllegalArgumentException("bridge.stock.feed-batch must be between 1 and 10000, got " + feedBatch);
    }
    if (pushTimeout.isNegative() || pushTimeout.isZero()) {
      throw new IllegalArgumentException("bridge.stock.push-timeout must be positive, got " + pushTimeout);
    }
  }
}
