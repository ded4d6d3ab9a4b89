package com.tmallbridge.product;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the product module ({@code bridge.product.*}).
 *
 * @param priceTolerancePercent how far (in percent of the ERP sale price) a Tmall price may differ
 *     before the mismatch report lists it; 0 lists every difference
 */
@ConfigurationProperties("bridge.product")
public record ProductProperties(@DefaultValue("0") BigDecimal priceTolerancePercent) {

  public ProductProperties {
    if (priceTolerancePercent.signum() < 0) {
      throw new IllegalArgumentException(
          "bridge.product.price-tolerance-percent must not be negative, got " + priceTolerancePercent);
    }
  }
}
