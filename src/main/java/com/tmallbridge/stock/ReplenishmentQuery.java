package com.tmallbridge.stock;

import com.tmallbridge.core.MaterialCode;
import org.jspecify.annotations.Nullable;

/**
 * Which suggestions to compute, and optional what-if overrides.
 *
 * @param material only this material (null: every material in the ERP's catalogue)
 * @param warehouse only this warehouse (null: every ERP warehouse)
 * @param windowDays use this sales window instead of the stored settings (null: settings)
 * @param leadDays use this lead time instead of the stored settings (null: settings)
 */
public record ReplenishmentQuery(
    @Nullable MaterialCode material, @Nullable String warehouse, @Nullable Integer windowDays, @Nullable Integer leadDays) {

  public ReplenishmentQuery {
    ReplenishmentSettings.check("", windowDays, leadDays, null, null, null, null, null, null);
  }

  /** Every material in every warehouse with the stored settings. */
  public static ReplenishmentQuery all() {
    return new ReplenishmentQuery(null, null, null, null);
  }
}
