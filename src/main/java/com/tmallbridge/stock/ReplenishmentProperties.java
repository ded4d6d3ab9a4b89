package com.tmallbridge.stock;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Defaults of the replenishment calculation ({@code bridge.stock.replenishment.*}); a material
 * or a material in one warehouse may override each of them (see {@link ReplenishmentSettings}).
 *
 * @param windowDays days of sales history the average daily sales is taken over
 * @param leadDays days between ordering and the goods being on hand
 * @param safetyDays safety stock as days of average sales (used when {@code safetyQuantity} is unset)
 * @param safetyQuantity safety stock in units; when set it replaces {@code safetyDays}
 * @param coverageDays days of sales an order should cover after it arrives (review period)
 * @param minOrderQuantity smallest order worth placing, in units
 * @param packSize orders are whole multiples of this many units
 * @param lowStockThreshold on-hand below which an alert opens; unset means the reorder point
 */
@ConfigurationProperties("bridge.stock.replenishment")
public record ReplenishmentProperties(
    @DefaultValue("28") int windowDays,
    @DefaultValue("7") int leadDays,
    @DefaultValue("3") int safetyDays,
    @Nullable Long safetyQuantity,
    @DefaultValue("14") int coverageDays,
    @DefaultValue("1") long minOrderQuantity,
    @DefaultValue("1") long packSize,
    @Nullable Long lowStockThreshold) {

  public ReplenishmentProperties {
    ReplenishmentSettings.check("bridge.stock.replenishment.", windowDays, leadDays, safetyDays, safetyQuantity,
        coverageDays, minOrderQuantity, packSize, lowStockThreshold);
  }

  /** The defaults as settings. */
  ReplenishmentSettings settings() {
    return new ReplenishmentSettings(windowDays, leadDays, safetyQuantity == null ? safetyDays : null, safetyQuantity,
        coverageDays, minOrderQuantity, packSize, lowStockThreshold);
  }
}
