package com.tmallbridge.channel;

import java.time.Instant;
import java.util.Map;

/**
 * What the channel reports after a quantity update.
 *
 * @param numIid the item
 * @param itemQuantity the item's total quantity
 * @param skuQuantities quantity per SKU id as the channel returned it (may list more SKUs than
 *     were updated; empty for items without SKUs)
 * @param modified the channel's modification time of the item
 */
public record QuantityUpdate(String numIid, long itemQuantity, Map<String, Long> skuQuantities, Instant modified) {

  public QuantityUpdate {
    skuQuantities = Map.copyOf(skuQuantities);
  }
}
