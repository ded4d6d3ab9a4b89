package com.tmallbridge.channel.tmall;

import static com.tmallbridge.channel.tmall.TopValues.fen;
import static com.tmallbridge.channel.tmall.TopValues.nonEmptyText;
import static com.tmallbridge.channel.tmall.TopValues.requiredText;

import com.tmallbridge.channel.ChannelItem;
import com.tmallbridge.channel.ChannelSku;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Maps TOP {@code Item} / {@code Sku} JSON objects (items.onsale.get, item.seller.get,
 * items.seller.list.get) to channel records. A SKU without its own price inherits the item's.
 * Pure functions.
 */
final class ItemMapper {
  /** Fields of the on-sale list (it cannot return SKUs). */
  static final String LIST_FIELDS = "num_iid,title,outer_id,price,num,approve_status,cid";
  /** Fields of the detail calls; {@code sku} (not {@code skus}) returns every SKU field. */
  static final String DETAIL_FIELDS = LIST_FIELDS + ",sku";

  private ItemMapper() {}

  /**
   * Maps an item object with its SKUs (none when the object has none).
   *
   * @throws IllegalArgumentException naming the item and field when a value is missing or malformed
   */
  static ChannelItem item(JsonNode item) {
    String numIid = requiredText(item, "num_iid");
    try {
      long priceFen = fen(item, "price", 0);
      List<ChannelSku> skus = TopValues.list(item, "skus").stream().map(s -> sku(s, priceFen)).toList();
      String title = TopValues.text(item, "title");
      return new ChannelItem(
          numIid,
          title == null ? "" : title,
          nonEmptyText(item, "outer_id"),
          priceFen,
          Math.toIntExact(TopValues.integer(item, "num", 0)),
          nonEmptyText(item, "approve_status"),
          skus,
          cid(item));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new IllegalArgumentException("item " + numIid + ": " + e.getMessage(), e);
    }
  }

  /** The leaf category id; null when absent or 0. */
  private static @Nullable Long cid(JsonNode item) {
    long cid = TopValues.integer(item, "cid", 0);
    return cid > 0 ? cid : null;
  }

  static ChannelSku sku(JsonNode sku, long itemPriceFen) {
    String skuId = requiredText(sku, "sku_id");
    try {
      return new ChannelSku(
          skuId,
          nonEmptyText(sku, "outer_id"),
          nonEmptyText(sku, "properties"),
          nonEmptyText(sku, "properties_name"),
          fen(sku, "price", itemPriceFen),
          Math.toIntExact(TopValues.integer(sku, "quantity", 0)));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new IllegalArgumentException("sku " + skuId + ": " + e.getMessage(), e);
    }
  }
}
