package com.tmallbridge.stock;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The effective publish rule of one listing after merging SKU override, item override and shop
 * default (each null field inherits from the wider rule; the built-in default publishes all
 * sellable stock of every warehouse).
 *
 * @param warehouses warehouses that feed the shop; null = all
 * @param percent share of the sellable figure to publish, 0–100 (rounded down)
 * @param fixedAdd added after the percentage, may be negative
 * @param min published figure is raised to at least this (but never above sellable)
 * @param max published figure is capped at this; null = no cap
 * @param zeroBelow publish 0 when the sellable figure is below this
 * @param safety units (of the listing) held back from this listing
 */
record RuleSettings(
    @Nullable List<String> warehouses, int percent, long fixedAdd, long min, @Nullable Long max, long zeroBelow, long safety) {

  static final RuleSettings DEFAULT = new RuleSettings(null, 100, 0, 0, null, 0, 0);

  /** The figure this rule wants for a listing that could sell {@code view} units (view ≥ 0). */
  long wanted(long view) {
    if (view < zeroBelow || view == 0) {
      return 0;
    }
    long figure = view * percent / 100 + fixedAdd;
    figure = Math.max(figure, min);
    if (max != null) {
      figure = Math.min(figure, max);
    }
    return Math.max(0, Math.min(figure, view));
  }
}
