package com.tmallbridge.sandbox.tmall;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One stock position of a shop: a SKU of an item, or an item without SKUs ({@code skuId} {@code
 * ""}).
 *
 * @param numIid the item
 * @param skuId the SKU id in decimal, {@code ""} for an item without SKUs
 */
public record StockKey(long numIid, String skuId) {

  public StockKey {
    Objects.requireNonNull(skuId, "skuId");
  }

  /** The key of a SKU, or of the item itself when {@code skuId} is null. */
  public static StockKey of(long numIid, @Nullable Long skuId) {
    return new StockKey(numIid, skuId == null ? "" : Long.toString(skuId));
  }

  /** Whether this is an item without SKUs. */
  public boolean itemLevel() {
    return skuId.isEmpty();
  }
}
