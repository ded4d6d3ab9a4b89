package com.tmallbridge.sandbox.tmall;

import static com.tmallbridge.sandbox.tmall.ResponseShape.money;
import static com.tmallbridge.sandbox.tmall.ResponseShape.text;
import static com.tmallbridge.sandbox.tmall.ResponseShape.time;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes TOP {@code Refund} objects with exactly the requested fields. {@code refund_id} is a
 * string as TOP declares it; {@code tid}, {@code oid} and {@code num_iid} are numbers (or strings
 * when so configured). Item details come from the sub-order the case is about.
 */
final class RefundJsonWriter {
  private static final String RETURN_ADDRESS = "浙江省杭州市余杭区文一西路969号 退货仓 收 0571-****8888";
  private static final Duration SELLER_TIMEOUT = Duration.ofDays(2);
  private static final Duration BUYER_TIMEOUT = Duration.ofDays(7);

  private interface RefundField {
    void write(RefundRecord refund, TradeRecord trade, OrderLine line, ObjectNode node, ResponseShape shape);
  }

  private final Map<String, RefundField> fields = new LinkedHashMap<>();

  RefundJsonWriter(String sellerNick) {
    fields.put("refund_id", (r, t, l, n, s) -> n.put("refund_id", Long.toString(r.refundId())));
    fields.put("tid", (r, t, l, n, s) -> s.id(n, "tid", r.tid()));
    fields.put("oid", (r, t, l, n, s) -> s.id(n, "oid", r.oid()));
    fields.put("alipay_no", (r, t, l, n, s) -> text(n, "alipay_no", t.alipayNo()));
    fields.put("total_fee", (r, t, l, n, s) -> money(n, "total_fee", r.totalFeeFen()));
    fields.put("refund_fee", (r, t, l, n, s) -> money(n, "refund_fee", r.refundFeeFen()));
    fields.put("payment", (r, t, l, n, s) -> money(n, "payment", r.paymentFen()));
    fields.put("buyer_nick", (r, t, l, n, s) -> n.put("buyer_nick", t.buyer().nick()));
    fields.put("buyer_open_uid", (r, t, l, n, s) -> n.put("buyer_open_uid", t.buyer().openUid()));
    fields.put("seller_nick", (r, t, l, n, s) -> n.put("seller_nick", sellerNick));
    fields.put("status", (r, t, l, n, s) -> n.put("status", r.status().name()));
    fields.put("order_status", (r, t, l, n, s) -> n.put("order_status", t.lineStatus(l).name()));
    fields.put("good_status", (r, t, l, n, s) -> n.put("good_status", r.goodStatus()));
    fields.put("has_good_return", (r, t, l, n, s) -> n.put("has_good_return", r.kind().goodsReturn()));
    fields.put("refund_phase", (r, t, l, n, s) -> n.put("refund_phase", r.refundPhase()));
    fields.put("dispute_type", (r, t, l, n, s) -> n.put("dispute_type", r.kind().disputeType()));
    fields.put("reason", (r, t, l, n, s) -> n.put("reason", r.reason()));
    fields.put("desc", (r, t, l, n, s) -> n.put("desc", r.reason()));
    fields.put("created", (r, t, l, n, s) -> time(n, "created", r.created()));
    fields.put("modified", (r, t, l, n, s) -> time(n, "modified", r.modified()));
    fields.put(
        "refund_version", (r, t, l, n, s) -> n.put("refund_version", r.modified().toEpochMilli()));
    fields.put("company_name", (r, t, l, n, s) -> text(n, "company_name", r.companyName()));
    fields.put("sid", (r, t, l, n, s) -> text(n, "sid", r.sid()));
    fields.put(
        "good_return_time", (r, t, l, n, s) -> time(n, "good_return_time", r.goodReturnTime()));
    fields.put("address", (r, t, l, n, s) -> address(r, n));
    fields.put("title", (r, t, l, n, s) -> n.put("title", l.title()));
    fields.put("num", (r, t, l, n, s) -> n.put("num", l.num()));
    fields.put("num_iid", (r, t, l, n, s) -> s.id(n, "num_iid", l.numIid()));
    fields.put("price", (r, t, l, n, s) -> money(n, "price", l.priceFen()));
    fields.put("sku", (r, t, l, n, s) -> text(n, "sku", l.skuPropertiesName()));
    fields.put(
        "outer_id",
        (r, t, l, n, s) -> text(n, "outer_id", l.outerSkuId() != null ? l.outerSkuId() : l.outerIid()));
    fields.put("shipping_type", (r, t, l, n, s) -> n.put("shipping_type", t.shippingType()));
    fields.put("cs_status", (r, t, l, n, s) -> n.put("cs_status", 1));
    fields.put("advance_status", (r, t, l, n, s) -> n.put("advance_status", 0));
    fields.put("split_taobao_fee", (r, t, l, n, s) -> money(n, "split_taobao_fee", 0));
    fields.put("split_seller_fee", (r, t, l, n, s) -> money(n, "split_seller_fee", 0));
    fields.put("refund_remind_timeout", (r, t, l, n, s) -> remindTimeout(r, n));
  }

  ObjectNode write(RefundRecord refund, TradeRecord trade, FieldSelection selection, ResponseShape shape) {
    OrderLine line = trade.line(refund.oid()).orElseThrow();
    ObjectNode node = ResponseShape.object();
    fields.forEach(
        (name, field) -> {
          if (selection.has(name)) {
            field.write(refund, trade, line, node, shape);
          }
        });
    return node;
  }

  private static void address(RefundRecord refund, ObjectNode node) {
    if (refund.kind().goodsReturn() && refund.status() != RefundStatus.WAIT_SELLER_AGREE) {
      node.put("address", RETURN_ADDRESS);
    }
  }

  /** The deadline of whoever must act now: the seller 2 days, the buyer returning goods 7 days. */
  private static void remindTimeout(RefundRecord refund, ObjectNode node) {
    ObjectNode timeout = node.putObject("refund_remind_timeout");
    Duration wait =
        switch (refund.status()) {
          case WAIT_SELLER_AGREE, WAIT_SELLER_CONFIRM_GOODS -> SELLER_TIMEOUT;
          case WAIT_BUYER_RETURN_GOODS -> BUYER_TIMEOUT;
          default -> null;
        };
    timeout.put("exist_timeout", wait != null);
    if (wait != null) {
      timeout.put("remind_type", refund.status() == RefundStatus.WAIT_BUYER_RETURN_GOODS ? 2 : 1);
      time(timeout, "timeout", refund.modified().plus(wait));
    }
  }
}
