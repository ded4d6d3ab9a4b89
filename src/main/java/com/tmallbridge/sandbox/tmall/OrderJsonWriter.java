package com.tmallbridge.sandbox.tmall;

import static com.tmallbridge.sandbox.tmall.ResponseShape.money;
import static com.tmallbridge.sandbox.tmall.ResponseShape.text;
import static com.tmallbridge.sandbox.tmall.ResponseShape.time;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes TOP {@code Order} (sub-order) objects with the requested fields. A sub-order's status
 * follows its trade unless it was closed by a refund or the trade ships in split parcels; its
 * carrier, tracking number and consign time are those of its parcel; {@code sku_id} is a string as
 * TOP declares it for orders.
 */
final class OrderJsonWriter {
  private interface OrderField {
    void write(TradeRecord trade, OrderLine line, ObjectNode node, ResponseShape shape);
  }

  private final Map<String, OrderField> fields = new LinkedHashMap<>();

  OrderJsonWriter() {
    fields.put("oid", (t, l, n, s) -> s.id(n, "oid", l.oid()));
    fields.put("status", (t, l, n, s) -> n.put("status", t.lineStatus(l).name()));
    fields.put("refund_status", (t, l, n, s) -> n.put("refund_status", t.lineRefundStatus(l)));
    fields.put("refund_id", (t, l, n, s) -> refundId(t, l, n));
    fields.put("num_iid", (t, l, n, s) -> s.id(n, "num_iid", l.numIid()));
    fields.put(
        "sku_id",
        (t, l, n, s) -> text(n, "sku_id", l.skuId() == null ? null : l.skuId().toString()));
    fields.put("outer_iid", (t, l, n, s) -> text(n, "outer_iid", l.outerIid()));
    fields.put("outer_sku_id", (t, l, n, s) -> text(n, "outer_sku_id", l.outerSkuId()));
    fields.put("title", (t, l, n, s) -> n.put("title", l.title()));
    fields.put(
        "sku_properties_name",
        (t, l, n, s) -> text(n, "sku_properties_name", l.skuPropertiesName()));
    fields.put("num", (t, l, n, s) -> n.put("num", l.num()));
    fields.put("price", (t, l, n, s) -> money(n, "price", l.priceFen()));
    fields.put("total_fee", (t, l, n, s) -> money(n, "total_fee", l.paymentFen()));
    fields.put("payment", (t, l, n, s) -> money(n, "payment", l.paymentFen()));
    fields.put("discount_fee", (t, l, n, s) -> money(n, "discount_fee", l.discountFeeFen()));
    fields.put("adjust_fee", (t, l, n, s) -> money(n, "adjust_fee", l.adjustFeeFen()));
    fields.put(
        "divide_order_fee", (t, l, n, s) -> money(n, "divide_order_fee", l.divideOrderFeeFen()));
    fields.put(
        "part_mjz_discount", (t, l, n, s) -> money(n, "part_mjz_discount", l.partMjzDiscountFen()));
    fields.put("pic_path", (t, l, n, s) -> n.put("pic_path", l.picPath()));
    fields.put("cid", (t, l, n, s) -> n.put("cid", l.cid()));
    fields.put("seller_type", (t, l, n, s) -> n.put("seller_type", "B"));
    fields.put("buyer_rate", (t, l, n, s) -> n.put("buyer_rate", false));
    fields.put("seller_rate", (t, l, n, s) -> n.put("seller_rate", false));
    fields.put("is_oversold", (t, l, n, s) -> n.put("is_oversold", false));
    fields.put("is_service_order", (t, l, n, s) -> n.put("is_service_order", false));
    fields.put("end_time", (t, l, n, s) -> time(n, "end_time", t.lineEndTime(l)));
    fields.put(
        "consign_time",
        (t, l, n, s) ->
            time(n, "consign_time", t.parcelOf(l.oid()).map(Parcel::shippedAt).orElse(null)));
    fields.put("shipping_type", (t, l, n, s) -> n.put("shipping_type", t.shippingType()));
    fields.put(
        "logistics_company",
        (t, l, n, s) ->
            text(
                n,
                "logistics_company",
                t.parcelOf(l.oid()).map(Parcel::companyName).orElse(null)));
    fields.put(
        "invoice_no",
        (t, l, n, s) ->
            text(n, "invoice_no", t.parcelOf(l.oid()).map(Parcel::outSid).orElse(null)));
  }

  ObjectNode write(
      TradeRecord trade, OrderLine line, FieldSelection selection, ResponseShape shape) {
    ObjectNode node = ResponseShape.object();
    fields.forEach(
        (name, field) -> {
          if (selection.has(name)) {
            field.write(trade, line, node, shape);
          }
        });
    return node;
  }

  /** Sub-orders with an after-sale case carry its id (a string, as TOP declares it). */
  private static void refundId(TradeRecord trade, OrderLine line, ObjectNode node) {
    RefundRecord refund = trade.lineState(line.oid()).refund();
    if (refund != null) {
      node.put("refund_id", Long.toString(refund.refundId()));
    }
  }
}
