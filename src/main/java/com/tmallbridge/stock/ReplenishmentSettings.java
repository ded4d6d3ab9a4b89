package com.tmallbridge.stock;

import org.jspecify.annotations.Nullable;

/**
 * The settings in force for one material in one warehouse, after inheritance (warehouse row,
 * then material row, then {@code bridge.stock.replenishment.*}). Exactly one of
 * {@code safetyDays} and {@code safetyQuantity} is set.
 *
 * @param windowDays days of sales history, 1..365
 * @param leadDays days from order to stock on hand, 0..365
 * @param safetyDays safety stock as days of average sales, 0..365, or null when a quantity is set
 * @param safetyQuantity safety stock in units (≥ 0), or null when days are set
 * @param coverageDays days of sales one order should cover, 0..365
 * @param minOrderQuantity smallest order in units (≥ 0)
 * @param packSize order multiple in units (≥ 1)
 * @param lowStockThreshold absolute alert threshold in units (≥ 0), or null for the reorder point
 */
public record ReplenishmentSettings(
    int windowDays,
    int leadDays,
    @Nullable Integer safetyDays,
    @Nullable Long safetyQuantity,
    int coverageDays,
    long minOrderQuantity,
    long packSize,
    @Nullable Long lowStockThreshold) {
  static final int MAX_DAYS = 365;
  static final long MAX_QUANTITY = 1_000_000_000L;

  public ReplenishmentSettings {
    check("", windowDays, leadDays, safetyDays, safetyQuantity, coverageDays, minOrderQuantity, packSize, lowStockThreshold);
    if ((safetyDays == null) == (safetyQuantity == null)) {
      throw new IllegalArgumentException("exactly one of safety days and safety quantity must be set");
    }
  }

  /** The same settings with another sales window and/or lead time (null keeps the current one). */
  public ReplenishmentSettings with(@Nullable Integer window, @Nullable Integer lead) {
    return new ReplenishmentSettings(window == null ? windowDays : window, lead == null ? leadDays : lead, safetyDays,
        safetyQuantity, coverageDays, minOrderQuantity, packSize, lowStockThreshold);
  }

  /**
   * Checks value ranges, naming the offending key with {@code prefix}.
   *
   * @throws IllegalArgumentException on the first value out of range
   */
  static void check(String prefix, @Nullable Integer windowDays, @Nullable Integer leadDays, @Nullable Integer safetyDays,
      @Nullable Long safetyQuantity, @Nullable Integer coverageDays, @Nullable Long minOrderQuantity,
      @Nullable Long packSize, @Nullable Long lowStockThreshold) {
    days(prefix + "window-days", windowDays, 1);
    days(prefix + "lead-days", leadDays, 0);
    days(prefix + "safety-days", safetyDays, 0);
    days(prefix + "coverage-days", coverageDays, 0);
    quantity(prefix + "safety-quantity", safetyQuantity, 0);
    quantity(prefix + "min-order-quantity", minOrderQuantity, 0);
    quantity(prefix + "pack-size", packSize, 1);
    quantity(prefix + "low-stock-threshold", lowStockThreshold, 0);
  }

  private static void days(String key, @Nullable Integer value, int min) {
    if (value != null && (value < min || value > MAX_DAYS)) {
      throw new IllegalArgumentException(key + " must be between " + min + " and " + MAX_DAYS + " days, got " + value);
    }
  }

  private static void quantity(String key, @Nullable Long value, long min) {
    if (value != null && (value < min || value > MAX_QUANTITY)) {
      throw new IllegalArgumentException(key + " must be between " + min + " and " + MAX_QUANTITY + ", got " + value);
    }
  }
}
