package com.tmallbridge.product;

import org.jspecify.annotations.Nullable;

/**
 * A Tmall SKU to be matched, with the merchant codes Tmall reports for it.
 *
 * @param numIid the item
 * @param skuId the SKU, {@code ""} for an item without SKUs (null is taken as {@code ""})
 * @param skuOuterId the SKU's merchant code ({@code outer_sku_id}), may be null
 * @param itemOuterId the item's merchant code ({@code outer_iid}), may be null
 */
public record SkuRef(String numIid, String skuId, @Nullable String skuOuterId, @Nullable String itemOuterId) {

  public SkuRef {
    skuId = skuId == null ? "" : skuId;
    skuOuterId = blankToNull(skuOuterId);
    itemOuterId = blankToNull(itemOuterId);
  }

  /** The merchant code that applies: the SKU's, else the item's; null when neither is set. */
  public @Nullable String merchantCode() {
    return skuOuterId != null ? skuOuterId : itemOuterId;
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
