package com.tmallbridge.sandbox.tmall;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongPredicate;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stock methods of one shop, as the TOP method docs describe them:
 *
 * <ul>
 *   <li>{@code taobao.skus.quantity.update}: {@code num_iid}*, {@code skuid_quantities} ({@code
 *       skuId:qty;skuId:qty}, at most 20 pairs) or, when that is empty, {@code outerid_quantities}
 *       (every SKU of the item with that merchant code is updated), {@code type} 1 full (default)
 *       or 2 incremental. A full quantity must be ≥ 0; an increment that would go below 0 sets the
 *       SKU to 0.
 *   <li>{@code taobao.item.quantity.update}: {@code num_iid}*, {@code quantity}*, {@code sku_id} or
 *       {@code outer_id} (a SKU merchant code; {@code sku_id} wins), {@code type}. Without either
 *       it updates an item without SKUs. A full quantity must be ≥ 0; an increment may be negative
 *       but the result may not go below 0 (an error, unlike skus.quantity.update).
 * </ul>
 *
 * Both answer {@code item} with {@code num_iid}, {@code num} (the sum of the SKU quantities for an
 * item with SKUs), {@code modified} and {@code skus} → every SKU's {@code sku_id}, {@code
 * quantity}, {@code modified}. A call is all or nothing.
 *
 * <p>Errors: code 40 {@code isv.missing-parameter}, code 41 {@code isv.invalid-parameter:<name>}
 * (malformed pairs, more than 20, duplicates, a negative full quantity, a bad type), code 15 with
 * {@link #ITEM_NOT_FOUND}, {@link #NOT_OWNED} (the item belongs to another seller of the sandbox),
 * {@link #SKU_UPDATE_FAILED} (unknown SKU id or merchant code, an item without SKUs, an increment
 * below 0) and {@link #ITEM_UPDATE_FAILED} (item-level update of an item with SKUs, an increment
 * below 0). Thread-safe.
 */
final class StockMethods {
  static final String ITEM_NOT_FOUND = "isv.item-not-exist:invalid-numIid-or-iid-tmall";
  static final String NOT_OWNED = "isv.invalid-permission:item-not-owned-by-seller";
  static final String SKU_UPDATE_FAILED = "isv.item-quantity-sku-update-service-error-tmall";
  static final String ITEM_UPDATE_FAILED = "isv.item-quantity-item-update-service-error-tmall";
  static final int MAX_PAIRS = 20;

  private final ShopStock stock;
  private final LongPredicate ownedByAnotherSeller;
  private final Clock clock;
  private final LongAdder calls = new LongAdder();
  private final LongAdder positions = new LongAdder();
  private final LongAdder rejected = new LongAdder();

  StockMethods(ShopStock stock, LongPredicate ownedByAnotherSeller, Clock clock) {
    this.stock = stock;
    this.ownedByAnotherSeller = ownedByAnotherSeller;
    this.clock = clock;
  }

  ObjectNode skusQuantityUpdate(ApiCall call) {
    try {
      return counted(skusUpdate(call));
    } catch (TopError e) {
      rejected.increment();
      throw e;
    }
  }

  ObjectNode itemQuantityUpdate(ApiCall call) {
    try {
      return counted(itemUpdate(call));
    } catch (TopError e) {
      rejected.increment();
      throw e;
    }
  }

  StockStats stats() {
    return new StockStats(calls.sum(), positions.sum(), rejected.sum());
  }

  private record Outcome(SandboxItem item, int changed, ResponseShape shape) {}

  private ObjectNode counted(Outcome outcome) {
    calls.increment();
    positions.add(outcome.changed());
    ObjectNode body = ResponseShape.object();
    body.set("item", write(outcome.item(), outcome.shape()));
    return body;
  }

  private Outcome skusUpdate(ApiCall call) {
    BusinessParams params = call.params();
    long numIid = params.requiredLong("num_iid");
    boolean incremental = incremental(params);
    String bySkuId = params.optional("skuid_quantities");
    String byOuterId = params.optional("outerid_quantities");
    if (bySkuId == null && byOuterId == null) {
      throw TopError.missingParameter("skuid_quantities or outerid_quantities");
    }
    String parameter = bySkuId != null ? "skuid_quantities" : "outerid_quantities";
    Map<String, Long> pairs = pairs(parameter, bySkuId != null ? bySkuId : byOuterId, incremental);
    SandboxItem item = owned(numIid);
    if (item.skus().isEmpty()) {
      throw TopError.of(
          15,
          "Remote service error",
          SKU_UPDATE_FAILED,
          "item " + numIid + " has no SKUs: use taobao.item.quantity.update");
    }
    List<ShopStock.Change> changes = new ArrayList<>();
    pairs.forEach(
        (key, value) -> {
          List<Integer> matched =
              bySkuId != null ? List.of(position(item, skuId(parameter, key))) : byOuterId(item, key);
          matched.forEach(
              position -> changes.add(new ShopStock.Change(position, value, incremental, true)));
        });
    SandboxItem after =
        stock.apply(numIid, changes, clock.instant(), parameter, SKU_UPDATE_FAILED);
    return new Outcome(after, changes.size(), call.shape());
  }

  private Outcome itemUpdate(ApiCall call) {
    BusinessParams params = call.params();
    long numIid = params.requiredLong("num_iid");
    long quantity = params.requiredLong("quantity");
    boolean incremental = incremental(params);
    if (quantity < Integer.MIN_VALUE || quantity > Integer.MAX_VALUE) {
      throw TopError.invalidArgument("quantity", "quantity is out of range: " + quantity);
    }
    if (!incremental && quantity < 0) {
      throw TopError.invalidArgument(
          "quantity", "a full update (type=1) needs quantity >= 0, got " + quantity);
    }
    String skuIdText = params.optional("sku_id");
    String outerId = params.optional("outer_id");
    Long skuId = skuIdText == null ? null : skuId("sku_id", skuIdText);
    SandboxItem item = owned(numIid);
    List<Integer> positions;
    String failure;
    if (skuId != null) {
      positions = List.of(position(item, skuId));
      failure = SKU_UPDATE_FAILED;
    } else if (outerId != null) {
      if (item.skus().isEmpty()) {
        throw TopError.of(
            15,
            "Remote service error",
            SKU_UPDATE_FAILED,
            "item " + numIid + " has no SKUs, so no SKU has merchant code " + outerId);
      }
      positions = byOuterId(item, outerId);
      failure = SKU_UPDATE_FAILED;
    } else {
      if (!item.skus().isEmpty()) {
        throw TopError.of(
            15,
            "Remote service error",
            ITEM_UPDATE_FAILED,
            "item "
                + numIid
                + " has SKUs: its num is the sum of their quantities, update a SKU by sku_id or"
                + " outer_id");
      }
      positions = List.of(0);
      failure = ITEM_UPDATE_FAILED;
    }
    List<ShopStock.Change> changes = new ArrayList<>(positions.size());
    positions.forEach(
        position -> changes.add(new ShopStock.Change(position, quantity, incremental, false)));
    SandboxItem after = stock.apply(numIid, changes, clock.instant(), "quantity", failure);
    return new Outcome(after, changes.size(), call.shape());
  }

  /** The item definition when this seller owns it; TOP's errors otherwise. */
  private SandboxItem owned(long numIid) {
    return stock
        .definition(numIid)
        .orElseThrow(
            () ->
                ownedByAnotherSeller.test(numIid)
                    ? TopError.of(
                        15,
                        "Remote service error",
                        NOT_OWNED,
                        "item " + numIid + " does not belong to this seller")
                    : TopError.of(
                        15,
                        "Remote service error",
                        ITEM_NOT_FOUND,
                        "item " + numIid + " does not exist"));
  }

  private static boolean incremental(BusinessParams params) {
    String type = params.optional("type");
    if (type == null || "1".equals(type)) {
      return false;
    }
    if ("2".equals(type)) {
      return true;
    }
    throw TopError.invalidArgument(
        "type", "type must be 1 (full) or 2 (incremental), got '" + type + "'");
  }

  /**
   * {@code key:qty;key:qty}, at most 20 pairs, no key twice; empty segments (a trailing {@code ;})
   * are ignored. The key is everything before the last {@code :}.
   */
  private static Map<String, Long> pairs(String parameter, String text, boolean incremental) {
    Map<String, Long> pairs = new LinkedHashMap<>();
    for (String segment : text.split(";")) {
      if (segment.isBlank()) {
        continue;
      }
      int colon = segment.lastIndexOf(':');
      String key = colon < 0 ? "" : segment.substring(0, colon).trim();
      String value = colon < 0 ? "" : segment.substring(colon + 1).trim();
      if (key.isEmpty() || value.isEmpty()) {
        throw TopError.invalidArgument(
            parameter, parameter + " must be key:quantity;key:quantity, got '" + segment + "'");
      }
      long quantity;
      try {
        quantity = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw TopError.invalidArgument(
            parameter, "quantity of " + key + " must be an integer, got '" + value + "'");
      }
      if (!incremental && quantity < 0) {
        throw TopError.invalidArgument(
            parameter,
            "a full update (type=1) needs quantities >= 0, got " + quantity + " for " + key);
      }
      if (pairs.put(key, quantity) != null) {
        throw TopError.invalidArgument(parameter, key + " appears twice in " + parameter);
      }
    }
    if (pairs.isEmpty()) {
      throw TopError.missingParameter(parameter);
    }
    if (pairs.size() > MAX_PAIRS) {
      throw TopError.invalidArgument(
          parameter, "at most " + MAX_PAIRS + " SKUs per call, got " + pairs.size());
    }
    return pairs;
  }

  private static long skuId(String parameter, String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw TopError.invalidArgument(parameter, "SKU ids must be numbers, got '" + text + "'");
    }
  }

  private static int position(SandboxItem item, long skuId) {
    List<SandboxSku> skus = item.skus();
    for (int i = 0; i < skus.size(); i++) {
      if (skus.get(i).skuId() == skuId) {
        return i;
      }
    }
    throw TopError.of(
        15,
        "Remote service error",
        SKU_UPDATE_FAILED,
        "item " + item.numIid() + " has no SKU " + skuId);
  }

  private static List<Integer> byOuterId(SandboxItem item, String outerId) {
    List<Integer> matched = new ArrayList<>(1);
    List<SandboxSku> skus = item.skus();
    for (int i = 0; i < skus.size(); i++) {
      if (outerId.equals(skus.get(i).outerId())) {
        matched.add(i);
      }
    }
    if (matched.isEmpty()) {
      throw TopError.of(
          15,
          "Remote service error",
          SKU_UPDATE_FAILED,
          "item " + item.numIid() + " has no SKU with merchant code " + outerId);
    }
    return matched;
  }

  private static ObjectNode write(SandboxItem item, ResponseShape shape) {
    ObjectNode node = ResponseShape.object();
    shape.id(node, "num_iid", item.numIid());
    node.put("num", item.quantity());
    ResponseShape.time(node, "modified", item.modified());
    List<ObjectNode> skus = new ArrayList<>(item.skus().size());
    for (SandboxSku sku : item.skus()) {
      ObjectNode skuNode = ResponseShape.object();
      shape.id(skuNode, "sku_id", sku.skuId());
      skuNode.put("quantity", sku.quantity());
      ResponseShape.time(skuNode, "modified", sku.modified());
      skus.add(skuNode);
    }
    shape.list(node, "skus", "sku", skus);
    return node;
  }
}
