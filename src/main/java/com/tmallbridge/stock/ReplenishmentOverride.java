package com.tmallbridge.stock;

import com.tmallbridge.core.MaterialCode;
import org.jspecify.annotations.Nullable;

/**
 * Settings stored for one material, in one warehouse or (warehouse null) in all of them. A null
 * field inherits: from the material's all-warehouse row, then from
 * {@code bridge.stock.replenishment.*}. At most one of {@code safetyDays} and
 * {@code safetyQuantity} is set; whichever the most specific row sets wins.
 */
public record ReplenishmentOverride(
    MaterialCode material,
    @Nullable String warehouse,
    @Nullable Integer windowDays,
    @Nullable Integer leadDays,
    @Nullable Integer safetyDays,
    @Nullable Long safetyQuantity,
    @Nullable Integer coverageDays,
    @Nullable Long minOrderQuantity,
    @Nullable Long packSize,
    @Nullable Long lowStockThreshold) {

  public ReplenishmentOverride {
    if (warehouse != null && warehouse.isBlank()) {
      warehouse = null;
    }
    ReplenishmentSettings.check("", windowDays, leadDays, safetyDays, safetyQuantity, coverageDays, minOrderQuantity,
        packSize, lowStockThreshold);
    if (safetyDays != null && safetyQuantity != null) {
      throw new IllegalArgumentException("set safety days or a safety quantity, not both");
    }
  }

  /** An override that changes nothing. */
  static ReplenishmentOverride empty(MaterialCode material, @Nullable String warehouse) {
    return new ReplenishmentOverride(material, warehouse, null, null, null, null, null, null, null, null);
  }

  /** This row with the non-null fields of {@code update} written over it. */
  ReplenishmentOverride merge(ReplenishmentOverride update) {
    boolean safetyChanged = update.safetyDays != null || update.safetyQuantity != null;
    return new ReplenishmentOverride(material, warehouse,
        pick(update.windowDays, windowDays), pick(update.leadDays, leadDays),
        safetyChanged ? update.safetyDays : safetyDays, safetyChanged ? update.safetyQuantity : safetyQuantity,
        pick(update.coverageDays, coverageDays), pick(update.minOrderQuantity, minOrderQuantity),
        pick(update.packSize, packSize), pick(update.lowStockThreshold, lowStockThreshold));
  }

  /** The settings in force when this row is laid over {@code base}. */
  ReplenishmentSettings over(ReplenishmentSettings base) {
    boolean ownSafety = safetyDays != null || safetyQuantity != null;
    return new ReplenishmentSettings(
        pick(windowDays, base.windowDays()), pick(leadDays, base.leadDays()),
        ownSafety ? safetyDays : base.safetyDays(), ownSafety ? safetyQuantity : base.safetyQuantity(),
        pick(coverageDays, base.coverageDays()), pick(minOrderQuantity, base.minOrderQuantity()),
        pick(packSize, base.packSize()), lowStockThreshold != null ? lowStockThreshold : base.lowStockThreshold());
  }

  private static <T> @Nullable T pick(@Nullable T preferred, @Nullable T fallback) {
    return preferred != null ? preferred : fallback;
  }
}
