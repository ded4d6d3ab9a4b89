package com.tmallbridge.fulfilment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the fulfilment flow ({@code bridge.fulfilment.*}).
 *
 * @param interval time between cycles when running continuously (new ERP deliveries read and queued)
 * @param feedBatch ERP deliveries read per call
 * @param companiesMaxAge how long a shop's cached Tmall carrier list is trusted; an unmapped
 *     carrier with an older list fetches it again before it is reported
 */
@ConfigurationProperties("bridge.fulfilment")
public record FulfilmentProperties(
    @DefaultValue("30s") Duration interval,
    @DefaultValue("200") int feedBatch,
    @DefaultValue("24h") Duration companiesMaxAge) {

  public FulfilmentProperties {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("bridge.fulfilment.interval must be positive, got " + interval);
    }
    if (feedBatch < 1 || feedBatch > 10_000) {
      throw new IllegalArgumentException("bridge.fulfilment.feed-batch must be between 1 and 10000, got " + feedBatch);
    }
    if (companiesMaxAge.isNegative() || companiesMaxAge.isZero()) {
      throw new IllegalArgumentException("bridge.fulfilment.companies-max-age must be positive, got " + companiesMaxAge);
    }
  }
}
