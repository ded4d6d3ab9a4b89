package com.tmallbridge.channel.tmall;

import static com.tmallbridge.channel.tmall.TopValues.fen;
import static com.tmallbridge.channel.tmall.TopValues.instant;
import static com.tmallbridge.channel.tmall.TopValues.nonEmptyText;
import static com.tmallbridge.channel.tmall.TopValues.requiredInstant;
import static com.tmallbridge.channel.tmall.TopValues.requiredText;
import static com.tmallbridge.channel.tmall.TopValues.text;

import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.ChannelTradeLine;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Maps TOP {@code Trade} / {@code Order} JSON objects (from trades.sold.increment.get,
 * trades.sold.get and trade.fullinfo.get, wrapped or simplify form) to channel records: money
 * from yuan text to fen, GMT+8 times to instants, ids given as numbers or strings to text. Absent
 * optional fields become null (text) or 0 (money). Pure functions.
 */
final class TradeMapper {
  /** Trade-level fields the mapper reads. */
  static final List<String> TRADE_FIELDS =
      List.of(
          "tid", "status", "type", "created", "modified", "pay_time", "payment", "post_fee", "total_fee",
          "discount_fee", "adjust_fee", "buyer_nick", "buyer_open_uid", "receiver_name", "receiver_mobile",
          "receiver_phone", "receiver_state", "receiver_city", "receiver_district", "receiver_address",
          "receiver_zip", "buyer_message", "seller_memo", "seller_flag");

  /** Sub-order fields the mapper reads. */
  static final List<String> ORDER_FIELDS =
      List.of(
          "oid", "num_iid", "sku_id", "outer_iid", "outer_sku_id", "title", "sku_properties_name", "num",
          "price", "total_fee", "payment", "divide_order_fee", "discount_fee", "adjust_fee", "status",
          "refund_status");

  private TradeMapper() {}

  /**
   * The {@code fields} parameter that returns everything {@link #trade} reads: the trade fields,
   * {@code orders} and every {@code orders.<field>}.
   */
  static String fieldsParameter() {
    StringBuilder fields = new StringBuilder(String.join(",", TRADE_FIELDS)).append(",orders");
    ORDER_FIELDS.forEach(f -> fields.append(",orders.").append(f));
    return fields.toString();
  }

  /** The trade's id ({@code tid}, number or string). */
  static String tid(JsonNode trade) {
    return requiredText(trade, "tid");
  }

  /**
   * Whether a list entry lacks what {@link #trade} needs, so the full trade must be fetched with
   * trade.fullinfo.get: no sub-orders, a sub-order without oid, num or payment, or no
   * status/created/modified.
   */
  static boolean needsDetail(JsonNode trade) {
    List<JsonNode> orders = TopValues.list(trade, "orders");
    if (orders.isEmpty()) {
      return true;
    }
    for (String field : List.of("status", "created", "modified")) {
      if (nonEmptyText(trade, field) == null) {
        return true;
      }
    }
    return orders.stream()
        .anyMatch(o -> nonEmptyText(o, "oid") == null || nonEmptyText(o, "num") == null || nonEmptyText(o, "payment") == null);
  }

  /**
   * Maps a trade object.
   *
   * @throws IllegalArgumentException naming the trade and field when a required field is missing or
   *     a money or time value is malformed
   */
  static ChannelTrade trade(JsonNode trade) {
    String tid = tid(trade);
    try {
      return new ChannelTrade(
          tid, requiredText(trade, "status"), nonEmptyText(trade, "type"),
          requiredInstant(trade, "created"), requiredInstant(trade, "modified"), instant(trade, "pay_time"),
          fen(trade, "payment", 0), fen(trade, "post_fee", 0), fen(trade, "total_fee", 0),
          fen(trade, "discount_fee", 0), fen(trade, "adjust_fee", 0),
          nonEmptyText(trade, "buyer_nick"), nonEmptyText(trade, "buyer_open_uid"),
          nonEmptyText(trade, "receiver_name"), nonEmptyText(trade, "receiver_mobile"),
          nonEmptyText(trade, "receiver_phone"), nonEmptyText(trade, "receiver_state"),
          nonEmptyText(trade, "receiver_city"), nonEmptyText(trade, "receiver_district"),
          nonEmptyText(trade, "receiver_address"), nonEmptyText(trade, "receiver_zip"),
          nonEmptyText(trade, "buyer_message"), nonEmptyText(trade, "seller_memo"),
          (int) TopValues.integer(trade, "seller_flag", 0),
          TopValues.list(trade, "orders").stream().map(TradeMapper::line).toList(),
          trade.toString());
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new IllegalArgumentException("trade " + tid + ": " + e.getMessage(), e);
    }
  }

  /**
   * Maps the JSON text of a trade object, as kept in {@link ChannelTrade#rawJson()}.
   *
   * @throws IllegalArgumentException when the text is not a trade object this mapper can read
   */
  static ChannelTrade fromJson(String rawJson) {
    return trade(TopJson.readObject(rawJson));
  }

  static ChannelTradeLine line(JsonNode order) {
    String oid = requiredText(order, "oid");
    try {
      return new ChannelTradeLine(
          oid, requiredText(order, "num_iid"), nonEmptyText(order, "sku_id"),
          nonEmptyText(order, "outer_iid"), nonEmptyText(order, "outer_sku_id"),
          orEmpty(text(order, "title")), nonEmptyText(order, "sku_properties_name"),
          Math.toIntExact(TopValues.requiredInteger(order, "num")),
          fen(order, "price", 0), fen(order, "total_fee", 0), TopValues.requiredFen(order, "payment"),
          TopValues.optionalFen(order, "divide_order_fee"),
          fen(order, "discount_fee", 0), fen(order, "adjust_fee", 0),
          nonEmptyText(order, "status"), nonEmptyText(order, "refund_status"));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new IllegalArgumentException("order " + oid + ": " + e.getMessage(), e);
    }
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }
}
