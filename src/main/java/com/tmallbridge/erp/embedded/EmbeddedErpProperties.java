package com.tmallbridge.erp.embedded;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the built-in ERP ({@code bridge.erp.embedded.*}).
 *
 * @param zone time zone of the business day that dates document numbers ({@code SO20251111000001}),
 *     default {@code Asia/Shanghai}
 * @param materialCacheTtl how long a material code seen active is trusted without asking the
 *     database again when a sales order uses it, default {@code 60s}; {@code 0s} turns the cache
 *     off. Only a change made directly in the database (nothing in the bridge deactivates a
 *     material) can go unseen, for at most this long.
 */
@ConfigurationProperties("bridge.erp.embedded")
record EmbeddedErpProperties(
    @DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue("60s") Duration materialCacheTtl) {

  /** The defaults, for wiring without Spring. */
  static EmbeddedErpProperties defaults() {
    return new EmbeddedErpProperties(ZoneId.of("Asia/Shanghai"), Duration.ofSeconds(60));
  }
}
