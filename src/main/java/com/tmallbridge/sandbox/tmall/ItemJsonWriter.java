package com.tmallbridge.sandbox.tmall;

import static com.tmallbridge.sandbox.tmall.ResponseShape.money;
import static com.tmallbridge.sandbox.tmall.ResponseShape.text;
import static com.tmallbridge.sandbox.tmall.ResponseShape.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes TOP {@code Item} objects with the requested fields; {@code sku}/{@code skus} (or {@code
 * sku.x}) adds the SKUs. Items are re-listed every 7 days, so {@code delist_time} is the end of the
 * current 7-day period.
 */
final class ItemJsonWriter {
  private static final Duration PERIOD = Duration.ofDays(7);

  private interface ItemField {
    void write(SandboxItem item, ObjectNode node, ResponseShape shape);
  }

  private interface SkuField {
    void write(SandboxItem item, SandboxSku sku, ObjectNode node, ResponseShape shape);
  }

  private final Map<String, ItemField> fields = new LinkedHashMap<>();
  private final Map<String, SkuField> skuFields = new LinkedHashMap<>();

  ItemJsonWriter(String sellerNick) {
    fields.put("num_iid", (i, n, s) -> s.id(n, "num_iid", i.numIid()));
    fields.put("title", (i, n, s) -> n.put("title", i.title()));
    fields.put("nick", (i, n, s) -> n.put("nick", sellerNick));
    fields.put("type", (i, n, s) -> n.put("type", "fixed"));
    fields.put("cid", (i, n, s) -> n.put("cid", i.cid()));
    fields.put("seller_cids", (i, n, s) -> n.put("seller_cids", "," + (i.cid() % 1000) + ","));
    fields.put("pic_url", (i, n, s) -> n.put("pic_url", i.picUrl()));
    fields.put("num", (i, n, s) -> n.put("num", i.quantity()));
    fields.put("props", (i, n, s) -> n.put("props", props(i, false)));
    fields.put("props_name", (i, n, s) -> n.put("props_name", props(i, true)));
    fields.put("price", (i, n, s) -> money(n, "price", i.priceFen()));
    fields.put("approve_status", (i, n, s) -> n.put("approve_status", i.approveStatus()));
    fields.put("outer_id", (i, n, s) -> text(n, "outer_id", i.outerId()));
    fields.put("list_time", (i, n, s) -> time(n, "list_time", i.listTime()));
    fields.put("delist_time", (i, n, s) -> time(n, "delist_time", delistTime(i)));
    fields.put("modified", (i, n, s) -> time(n, "modified", i.modified()));
    fields.put("valid_thru", (i, n, s) -> n.put("valid_thru", 7));
    fields.put("has_discount", (i, n, s) -> n.put("has_discount", false));
    fields.put("has_invoice", (i, n, s) -> n.put("has_invoice", true));
    fields.put("has_warranty", (i, n, s) -> n.put("has_warranty", true));
    fields.put("has_showcase", (i, n, s) -> n.put("has_showcase", false));
    fields.put("sold_quantity", (i, n, s) -> n.put("sold_quantity", i.soldQuantity()));
    fields.put(
        "detail_url",
        (i, n, s) -> n.put("detail_url", "https://detail.tmall.com/item.htm?id=" + i.numIid()));
    fields.put("is_virtual", (i, n, s) -> n.put("is_virtual", false));
    fields.put("sub_stock", (i, n, s) -> n.put("sub_stock", i.stockMode().subStock()));
    fields.put(
        "with_hold_quantity", (i, n, s) -> n.put("with_hold_quantity", i.withHoldQuantity()));
    skuFields.put("sku_id", (i, k, n, s) -> s.id(n, "sku_id", k.skuId()));
    skuFields.put("outer_id", (i, k, n, s) -> text(n, "outer_id", k.outerId()));
    skuFields.put("properties", (i, k, n, s) -> n.put("properties", k.properties()));
    skuFields.put("properties_name", (i, k, n, s) -> n.put("properties_name", k.propertiesName()));
    skuFields.put("price", (i, k, n, s) -> money(n, "price", k.priceFen()));
    skuFields.put("quantity", (i, k, n, s) -> n.put("quantity", k.quantity()));
    skuFields.put("created", (i, k, n, s) -> time(n, "created", i.listTime()));
    skuFields.put("modified", (i, k, n, s) -> time(n, "modified", k.modified()));
    skuFields.put(
        "with_hold_quantity", (i, k, n, s) -> n.put("with_hold_quantity", k.withHoldQuantity()));
  }

  ObjectNode write(SandboxItem item, FieldSelection selection, ResponseShape shape) {
    ObjectNode node = ResponseShape.object();
    fields.forEach(
        (name, field) -> {
          if (selection.has(name)) {
            field.write(item, node, shape);
          }
        });
    Optional<FieldSelection> skuSelection = selection.nested("sku", "skus");
    if (skuSelection.isPresent()) {
      List<ObjectNode> skus = new ArrayList<>(item.skus().size());
      for (SandboxSku sku : item.skus()) {
        ObjectNode skuNode = ResponseShape.object();
        skuFields.forEach(
            (name, field) -> {
              if (skuSelection.get().has(name)) {
                field.write(item, sku, skuNode, shape);
              }
            });
        skus.add(skuNode);
      }
      shape.list(node, "skus", "sku", skus);
    }
    return node;
  }

  /** End of the current 7-day listing period, always after the last modification. */
  static Instant delistTime(SandboxItem item) {
    long periods =
        Duration.between(item.listTime(), item.modified()).toSeconds() / PERIOD.toSeconds();
    return item.listTime().plus(PERIOD.multipliedBy(periods + 1));
  }

  private static String props(SandboxItem item, boolean withNames) {
    Set<String> props = new LinkedHashSet<>();
    for (SandboxSku sku : item.skus()) {
      for (String part : (withNames ? sku.propertiesName() : sku.properties()).split(";")) {
        props.add(part);
      }
    }
    return String.join(";", props);
  }
}
