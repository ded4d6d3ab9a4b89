package com.tmallbridge.channel.tmall;

import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds the requests of TOP's stock APIs, always in full (absolute) mode, {@code type=1}:
 * taobao.skus.quantity.update ({@code skuid_quantities} as {@code skuId:qty;skuId:qty}) and
 * taobao.item.quantity.update ({@code sku_id} optional). Arguments are checked here, before any
 * call: ids are TOP numbers (a {@code :} or {@code ;} in an id would corrupt the list), at most
 * {@value #MAX_SKUS} SKUs, no negative quantity (full mode rejects it).
 */
final class StockRequests {
  static final String SKUS_QUANTITY_UPDATE = "taobao.skus.quantity.update";
  static final String ITEM_QUANTITY_UPDATE = "taobao.item.quantity.update";
  /** skus.quantity.update takes at most this many SKUs. */
  static final int MAX_SKUS = 20;
  /** {@code type} value of a full (absolute) update; 2 would be incremental. */
  static final int FULL_UPDATE = 1;

  private static final Pattern TOP_ID = Pattern.compile("[1-9][0-9]{0,18}");

  private StockRequests() {}

  /**
   * Sets the quantities of 1-20 SKUs of one item.
   *
   * @throws IllegalArgumentException for a bad id, no or more than 20 SKUs, or a negative quantity
   */
  static TopRequest skusQuantityUpdate(String numIid, Map<String, Long> quantitiesBySkuId) {
    requireId("num_iid", numIid);
    if (quantitiesBySkuId.isEmpty() || quantitiesBySkuId.size() > MAX_SKUS) {
      throw new IllegalArgumentException(
          SKUS_QUANTITY_UPDATE + " takes 1-" + MAX_SKUS + " SKUs, got " + quantitiesBySkuId.size() + " for item " + numIid);
    }
    StringJoiner list = new StringJoiner(";");
    quantitiesBySkuId.forEach((skuId, quantity) -> {
      requireId("sku_id", skuId);
      requireQuantity(skuId, quantity);
      list.add(skuId + ":" + quantity);
    });
    return TopRequest.of(SKUS_QUANTITY_UPDATE)
        .with("num_iid", numIid)
        .with("skuid_quantities", list.toString())
        .with("type", FULL_UPDATE);
  }

  /**
   * Sets the quantity of an item, or of one of its SKUs when {@code skuId} is not null.
   *
   * @throws IllegalArgumentException for a bad id or a negative quantity
   */
  static TopRequest itemQuantityUpdate(String numIid, @Nullable String skuId, long quantity) {
    requireId("num_iid", numIid);
    TopRequest request = TopRequest.of(ITEM_QUANTITY_UPDATE).with("num_iid", numIid);
    if (skuId != null) {
      requireId("sku_id", skuId);
      request = request.with("sku_id", skuId);
    }
    requireQuantity(skuId == null ? numIid : skuId, quantity);
    return request.with("quantity", quantity).with("type", FULL_UPDATE);
  }

  private static void requireId(String field, @Nullable String id) {
    if (id == null || !TOP_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(field + " '" + id + "' is not a TOP id (a positive number)");
    }
  }

  private static void requireQuantity(String id, @Nullable Long quantity) {
    if (quantity == null || quantity < 0) {
      throw new IllegalArgumentException("quantity of " + id + " must be >= 0 in a full update, got " + quantity);
    }
  }
}
