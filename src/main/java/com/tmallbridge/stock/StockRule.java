package com.tmallbridge.stock;

import com.tmallbridge.core.ShopId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A publish rule: the shop default ({@code numIid} and {@code skuId} empty), an item override
 * ({@code skuId} empty) or a SKU override. A null field inherits from the next wider rule; the
 * built-in default publishes all sellable stock of every warehouse.
 *
 * @param warehouses warehouse codes that feed the shop; null = all
 * @param percent share of the sellable figure to publish, 0–100, rounded down
 * @param fixedAdd units added after the percentage (may be negative)
 * @param min lowest figure to publish (never above sellable)
 * @param max highest figure to publish
 * @param zeroBelow publish 0 while the sellable figure is below this
 * @param safety units held back from the listing (on top of the per-material safety stock)
 */
public record StockRule(
    ShopId shop,
    String numIid,
    String skuId,
    @Nullable List<String> warehouses,
    @Nullable Integer percent,
    @Nullable Long fixedAdd,
    @Nullable Long min,
    @Nullable Long max,
    @Nullable Long zeroBelow,
    @Nullable Long safety) {

  public StockRule {
    numIid = numIid == null ? "" : numIid.trim();
    skuId = skuId == null ? "" : skuId.trim();
    warehouses = warehouses == null ? null : List.copyOf(warehouses);
  }

  /** Whether this is the shop's default rule. */
  public boolean shopDefault() {
    return numIid.isEmpty();
  }

  /**
   * Checks the values.
   *
   * @throws InvalidStockRuleException naming the first wrong value
   */
  public StockRule validate() {
    if (numIid.isEmpty() && !skuId.isEmpty()) {
      throw new InvalidStockRuleException("a SKU rule needs the item: give --num-iid with --sku-id");
    }
    if (percent != null && (percent < 0 || percent > 100)) {
      throw new InvalidStockRuleException("percent must be between 0 and 100, got " + percent);
    }
    nonNegative("min", min);
    nonNegative("max", max);
    nonNegative("zero-below", zeroBelow);
    nonNegative("safety", safety);
    if (min != null && max != null && min > max) {
      throw new InvalidStockRuleException("min " + min + " is greater than max " + max);
    }
    if (warehouses != null && (warehouses.isEmpty() || warehouses.stream().anyMatch(w -> w == null || w.isBlank() || w.contains(",")))) {
      throw new InvalidStockRuleException("warehouses must be a non-empty list of warehouse codes, got " + warehouses);
    }
    return this;
  }

  private static void nonNegative(String name, @Nullable Long value) {
    if (value != null && value < 0) {
      throw new InvalidStockRuleException(name + " must not be negative, got " + value);
    }
  }
}
