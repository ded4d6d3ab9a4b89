package com.tmallbridge.sandbox.tmall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The item methods: {@code taobao.items.onsale.get} (on-sale items only, restricted field list,
 * {@code q}/{@code cid}/modified filters, {@code order_by}, {@code page_size} ≤ 200), {@code
 * taobao.item.seller.get} (one item, any field, unknown id is an error) and {@code
 * taobao.items.seller.list.get} (≤ 20 ids, unknown ids silently skipped). Items are read from the
 * shop's live {@link ShopStock}; an item of another seller of the sandbox is refused by
 * item.seller.get ({@link StockMethods#NOT_OWNED}) and skipped by items.seller.list.get.
 */
final class ItemMethods {
  private static final Set<String> ONSALE_FIELDS =
      Set.of(
          "approve_status",
          "num_iid",
          "title",
          "nick",
          "type",
          "cid",
          "pic_url",
          "num",
          "props",
          "valid_thru",
          "list_time",
          "price",
          "has_discount",
          "has_invoice",
          "has_warranty",
          "has_showcase",
          "modified",
          "delist_time",
          "postage_id",
          "seller_cids",
          "outer_id",
          "sold_quantity");
  private static final Map<String, ToLongFunction<SandboxItem>> SORT_KEYS =
      Map.of(
          "list_time", item -> item.listTime().getEpochSecond(),
          "delist_time", item -> ItemJsonWriter.delistTime(item).getEpochSecond(),
          "num", SandboxItem::quantity,
          "modified", item -> item.modified().getEpochSecond(),
          "sold_quantity", SandboxItem::soldQuantity);
  private static final String[] UNSUPPORTED_FILTERS = {
    "seller_cids",
    "has_discount",
    "has_showcase",
    "is_taobao",
    "is_ex",
    "is_cspu",
    "is_combine",
    "auction_type"
  };

  private final ShopStock shop;
  private final LongPredicate ownedByAnotherSeller;
  private final ItemJsonWriter writer;

  ItemMethods(ShopStock shop, LongPredicate ownedByAnotherSeller, ItemJsonWriter writer) {
    this.shop = shop;
    this.ownedByAnotherSeller = ownedByAnotherSeller;
    this.writer = writer;
  }

  ObjectNode onsale(ApiCall call) {
    BusinessParams params = call.params();
    FieldSelection fields = params.fields().restrictedTo(ONSALE_FIELDS);
    params.rejectUnsupported(UNSUPPORTED_FILTERS);
    Comparator<SandboxItem> order = order(params.optional("order_by"));
    int pageNo = params.intInRange("page_no", 1, 1, Integer.MAX_VALUE);
    int pageSize = params.intInRange("page_size", 40, 1, 200);
    Predicate<SandboxItem> filter = filter(params);
    List<SandboxItem> matching = new ArrayList<>();
    for (SandboxItem item : shop.onSaleItemLevel()) {
      if (filter.test(item)) {
        matching.add(item);
      }
    }
    matching.sort(order);
    long from = Math.min((long) (pageNo - 1) * pageSize, matching.size());
    List<ObjectNode> items = new ArrayList<>();
    matching
        .subList((int) from, (int) Math.min(from + pageSize, matching.size()))
        .forEach(item -> items.add(writer.write(item, fields, call.shape())));
    ObjectNode body = ResponseShape.object();
    body.put("total_results", matching.size());
    call.shape().list(body, "items", "item", items);
    return body;
  }

  ObjectNode sellerGet(ApiCall call) {
    FieldSelection fields = call.params().fields();
    long numIid = call.params().requiredLong("num_iid");
    SandboxItem item =
        shop.item(numIid)
            .orElseThrow(
                () ->
                    ownedByAnotherSeller.test(numIid)
                        ? TopError.of(
                            15,
                            "Remote service error",
                            StockMethods.NOT_OWNED,
                            "item " + numIid + " does not belong to this seller")
                        : TopError.of(
                            15,
                            "Remote service error",
                            "isv.item-get-service-error:ITEM_NOT_FOUND",
                            "item " + numIid + " does not exist"));
    ObjectNode body = ResponseShape.object();
    body.set("item", writer.write(item, fields, call.shape()));
    return body;
  }

  ObjectNode sellerListGet(ApiCall call) {
    FieldSelection fields = call.params().fields();
    String[] ids = call.params().required("num_iids").split(",");
    if (ids.length > 20) {
      throw TopError.invalidArgument("num_iids", "at most 20 num_iids per call, got " + ids.length);
    }
    List<ObjectNode> items = new ArrayList<>();
    for (String id : ids) {
      shop.item(parseId(id.trim()))
          .ifPresent(item -> items.add(writer.write(item, fields, call.shape())));
    }
    ObjectNode body = ResponseShape.object();
    call.shape().list(body, "items", "item", items);
    return body;
  }

  private static Predicate<SandboxItem> filter(BusinessParams params) {
    String q = params.optional("q");
    String cid = params.optional("cid");
    @Nullable Instant start = params.optionalTime("start_modified");
    @Nullable Instant end = params.optionalTime("end_modified");
    return item ->
        (q == null || item.title().contains(q))
            && (cid == null || cid.equals(Long.toString(item.cid())))
            && (start == null || !item.modified().isBefore(start))
            && (end == null || !item.modified().isAfter(end));
  }

  /** {@code column:asc|desc}; default {@code list_time:desc}; ties by num_iid. */
  private static Comparator<SandboxItem> order(@Nullable String orderBy) {
    String[] parts = (orderBy == null ? "list_time:desc" : orderBy).split(":");
    ToLongFunction<SandboxItem> key = SORT_KEYS.get(parts[0]);
    boolean known =
        key != null && (parts.length == 1 || parts.length == 2 && parts[1].matches("asc|desc"));
    if (!known) {
      throw TopError.invalidArgument(
          "order_by",
          "order_by must be column:asc|desc with column one of "
              + SORT_KEYS.keySet()
              + ", got '"
              + orderBy
              + "'");
    }
    Comparator<SandboxItem> byKey = Comparator.comparingLong(key);
    if (parts.length == 1 || "desc".equals(parts[1])) {
      byKey = byKey.reversed();
    }
    return byKey.thenComparingLong(SandboxItem::numIid);
  }

  private static long parseId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw TopError.invalidArgument("num_iids", "num_iids must be numbers, got '" + id + "'");
    }
  }
}
