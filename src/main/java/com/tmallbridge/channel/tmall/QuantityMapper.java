package com.tmallbridge.channel.tmall;

import com.tmallbridge.channel.QuantityUpdate;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Maps the {@code item} of a taobao.skus.quantity.update / taobao.item.quantity.update response
 * ({@code num_iid}, {@code num}, {@code modified} in GMT+8, {@code skus[]} with {@code sku_id} and
 * {@code quantity}) to a {@link QuantityUpdate}. Pure functions.
 */
final class QuantityMapper {
  private QuantityMapper() {}

  /**
   * Maps the response item.
   *
   * @throws IllegalArgumentException naming the item and field when a value is missing or malformed
   */
  static QuantityUpdate update(JsonNode item) {
    String numIid = TopValues.requiredText(item, "num_iid");
    try {
      Map<String, Long> skus = new LinkedHashMap<>();
      for (JsonNode sku : TopValues.list(item, "skus")) {
        skus.put(TopValues.requiredText(sku, "sku_id"), TopValues.requiredInteger(sku, "quantity"));
      }
      return new QuantityUpdate(
          numIid, TopValues.requiredInteger(item, "num"), skus, TopValues.requiredInstant(item, "modified"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("quantity update of item " + numIid + ": " + e.getMessage(), e);
    }
  }
}
