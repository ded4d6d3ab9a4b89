package com.tmallbridge.sandbox.tmall;

import static com.tmallbridge.sandbox.tmall.ResponseShape.money;
import static com.tmallbridge.sandbox.tmall.ResponseShape.text;
import static com.tmallbridge.sandbox.tmall.ResponseShape.time;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes TOP {@code Trade} objects with exactly the requested fields. {@code orders} (or {@code
 * orders.x}) adds the sub-orders via {@link OrderJsonWriter}; {@code promotion_details} lists the
 * shop coupon and item discounts. Absent values (e.g. {@code pay_time} of an unpaid trade) are left
 * out.
 */
final class TradeJsonWriter {
  private interface TradeField {
    void write(TradeRecord trade, ObjectNode node, ResponseShape shape);
  }

  private final Map<String, TradeField> fields = new LinkedHashMap<>();
  private final OrderJsonWriter orders = new OrderJsonWriter();

  TradeJsonWriter(String sellerNick) {
    fields.put("tid", (t, n, s) -> s.id(n, "tid", t.tid()));
    fields.put("status", (t, n, s) -> n.put("status", t.status().name()));
    fields.put("type", (t, n, s) -> n.put("type", t.type().topName()));
    fields.put("created", (t, n, s) -> time(n, "created", t.times().created()));
    fields.put("modified", (t, n, s) -> time(n, "modified", t.times().modified()));
    fields.put("pay_time", (t, n, s) -> time(n, "pay_time", t.times().payTime()));
    fields.put("consign_time", (t, n, s) -> time(n, "consign_time", t.times().consignTime()));
    fields.put("end_time", (t, n, s) -> time(n, "end_time", t.times().endTime()));
    moneyFields();
    fields.put("seller_nick", (t, n, s) -> n.put("seller_nick", sellerNick));
    fields.put("title", (t, n, s) -> n.put("title", sellerNick));
    fields.put("alipay_no", (t, n, s) -> text(n, "alipay_no", t.alipayNo()));
    fields.put("shipping_type", (t, n, s) -> n.put("shipping_type", t.shippingType()));
    fields.put("trade_from", (t, n, s) -> n.put("trade_from", t.tradeFrom()));
    fields.put(
        "sid", (t, n, s) -> text(n, "sid", t.shipment() == null ? null : t.shipment().invoiceNo()));
    fields.put("num", (t, n, s) -> n.put("num", t.quantity()));
    fields.put("num_iid", (t, n, s) -> single(t).ifPresent(l -> s.id(n, "num_iid", l.numIid())));
    fields.put("price", (t, n, s) -> single(t).ifPresent(l -> money(n, "price", l.priceFen())));
    fields.put("pic_path", (t, n, s) -> single(t).ifPresent(l -> n.put("pic_path", l.picPath())));
    fields.put(
        "is_part_consign",
        (t, n, s) ->
            n.put(
                "is_part_consign",
                t.parcels().size() > 1 || t.status() == TradeStatus.SELLER_CONSIGNED_PART));
    fields.put("buyer_rate", (t, n, s) -> n.put("buyer_rate", false));
    fields.put("seller_rate", (t, n, s) -> n.put("seller_rate", false));
    fields.put(
        "seller_can_rate",
        (t, n, s) -> n.put("seller_can_rate", t.status() == TradeStatus.TRADE_FINISHED));
    fields.put("step_trade_status", (t, n, s) -> stepStatus(t, n));
    fields.put("step_paid_fee", (t, n, s) -> stepPaid(t, n));
    buyerFields();
    fields.put(
        "promotion_details",
        (t, n, s) -> s.list(n, "promotion_details", "promotion_detail", promotions(t, s)));
  }

  private void moneyFields() {
    fields.put("payment", (t, n, s) -> money(n, "payment", t.paymentFen()));
    fields.put("total_fee", (t, n, s) -> money(n, "total_fee", t.totalFeeFen()));
    fields.put("post_fee", (t, n, s) -> money(n, "post_fee", t.charges().postFeeFen()));
    fields.put("discount_fee", (t, n, s) -> money(n, "discount_fee", t.charges().discountFeeFen()));
    fields.put("adjust_fee", (t, n, s) -> money(n, "adjust_fee", t.adjustFeeFen()));
    fields.put(
        "received_payment", (t, n, s) -> money(n, "received_payment", t.receivedPaymentFen()));
    fields.put("commission_fee", (t, n, s) -> money(n, "commission_fee", 0));
    fields.put("point_fee", (t, n, s) -> n.put("point_fee", 0));
    fields.put("real_point_fee", (t, n, s) -> n.put("real_point_fee", 0));
  }

  private void buyerFields() {
    fields.put("buyer_nick", (t, n, s) -> n.put("buyer_nick", t.buyer().nick()));
    fields.put("buyer_open_uid", (t, n, s) -> n.put("buyer_open_uid", t.buyer().openUid()));
    fields.put("oaid", (t, n, s) -> n.put("oaid", t.buyer().oaid()));
    fields.put("receiver_name", (t, n, s) -> n.put("receiver_name", t.buyer().receiver().name()));
    fields.put("receiver_country", (t, n, s) -> n.put("receiver_country", ""));
    fields.put(
        "receiver_state", (t, n, s) -> n.put("receiver_state", t.buyer().receiver().state()));
    fields.put("receiver_city", (t, n, s) -> n.put("receiver_city", t.buyer().receiver().city()));
    fields.put(
        "receiver_district",
        (t, n, s) -> n.put("receiver_district", t.buyer().receiver().district()));
    fields.put("receiver_town", (t, n, s) -> n.put("receiver_town", t.buyer().receiver().town()));
    fields.put(
        "receiver_address", (t, n, s) -> n.put("receiver_address", t.buyer().receiver().address()));
    fields.put("receiver_zip", (t, n, s) -> n.put("receiver_zip", t.buyer().receiver().zip()));
    fields.put(
        "receiver_mobile", (t, n, s) -> n.put("receiver_mobile", t.buyer().receiver().mobile()));
    fields.put(
        "receiver_phone", (t, n, s) -> text(n, "receiver_phone", t.buyer().receiver().phone()));
    fields.put("buyer_message", (t, n, s) -> text(n, "buyer_message", t.notes().buyerMessage()));
    fields.put(
        "has_buyer_message",
        (t, n, s) -> n.put("has_buyer_message", t.notes().buyerMessage() != null));
    fields.put("seller_memo", (t, n, s) -> text(n, "seller_memo", t.notes().sellerMemo()));
    fields.put("seller_flag", (t, n, s) -> n.put("seller_flag", t.notes().sellerFlag()));
  }

  /**
   * The trade with the selected fields.
   *
   * @param withOrders false to leave {@code orders} out even when requested (a partial list entry)
   */
  ObjectNode write(
      TradeRecord trade, FieldSelection selection, ResponseShape shape, boolean withOrders) {
    ObjectNode node = ResponseShape.object();
    fields.forEach(
        (name, field) -> {
          if (selection.has(name)) {
            field.write(trade, node, shape);
          }
        });
    Optional<FieldSelection> orderFields = selection.nested("orders", "order");
    if (withOrders && orderFields.isPresent()) {
      List<ObjectNode> lines = new ArrayList<>(trade.lines().size());
      trade.lines().forEach(line -> lines.add(orders.write(trade, line, orderFields.get(), shape)));
      shape.list(node, "orders", "order", lines);
    }
    return node;
  }

  private static Optional<OrderLine> single(TradeRecord trade) {
    return trade.lines().size() == 1 ? Optional.of(trade.lines().get(0)) : Optional.empty();
  }

  private static void stepStatus(TradeRecord trade, ObjectNode node) {
    if (trade.type() == TradeType.STEP) {
      boolean paid = trade.times().payTime() != null;
      node.put("step_trade_status", paid ? "FRONT_PAID_FINAL_PAID" : "FRONT_NOPAID_FINAL_NOPAID");
    }
  }

  private static void stepPaid(TradeRecord trade, ObjectNode node) {
    if (trade.type() == TradeType.STEP) {
      money(node, "step_paid_fee", trade.times().payTime() != null ? trade.paymentFen() : 0);
    }
  }

  private static List<ObjectNode> promotions(TradeRecord trade, ResponseShape shape) {
    List<ObjectNode> details = new ArrayList<>();
    if (trade.charges().discountFeeFen() > 0) {
      details.add(
          promotion(
              shape,
              trade.tid(),
              trade.charges().promotionName(),
              trade.charges().discountFeeFen(),
              "shopbonus"));
    }
    for (OrderLine line : trade.lines()) {
      if (line.discountFeeFen() > 0) {
        details.add(
            promotion(
                shape, line.oid(), "单品优惠", line.discountFeeFen(), "Tmall$tmallItemPromotion"));
      }
    }
    return details;
  }

  private static ObjectNode promotion(
      ResponseShape shape, long id, String name, long fen, String kind) {
    ObjectNode node = ResponseShape.object();
    shape.id(node, "id", id);
    node.put("promotion_name", name);
    money(node, "discount_fee", fen);
    node.put("promotion_id", kind + "-" + (id % 1_000_000_007L));
    return node;
  }
}
