package com.tmallbridge.erp.embedded;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the built-in ERP ({@code bridge.erp.embedded.*}).
 *
 * @param zone time zone of the business day that dates document numbers ({@code SO20251111000001}),
 *     default {@code Asia/Shanghai}
 */
@ConfigurationProperties("bridge.erp.embedded")
record EmbeddedErpProperties(@DefaultValue("Asia/Shanghai") ZoneId zone) {

  /** The defaults, for wiring without Spring. */
  static EmbeddedErpProperties defaults() {
    return new EmbeddedErpProperties(ZoneId.of("Asia/Shanghai"));
  }
}
