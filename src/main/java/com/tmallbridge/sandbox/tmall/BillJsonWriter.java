package com.tmallbridge.sandbox.tmall;

import static com.tmallbridge.sandbox.tmall.ResponseShape.text;
import static com.tmallbridge.sandbox.tmall.ResponseShape.time;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes TOP {@code Bill}, {@code BookBill} and {@code Account} objects with exactly the requested
 * fields. As TOP's SDK types them: {@code bid}, {@code account_id} are numbers (or strings when so
 * configured), {@code trade_id}, {@code order_id} and {@code num_iid} strings, {@code amount} and
 * {@code total_amount} whole numbers in fen (TOP's Bill declares them Number; an amount is negative
 * for a refund), {@code status} 0 unpaid / 1 paid, times GMT+8 wall time; absent values are left
 * out.
 */
final class BillJsonWriter {
  private static final String TMALL_ALIPAY_ID = "2088101117955611";
  private static final String TMALL_ALIPAY_MAIL = "tmallfee@service.alibaba.com";

  private interface BillField {
    void write(BillLine line, Instant now, ObjectNode node, ResponseShape shape);
  }

  private final Map<String, BillField> fields = new LinkedHashMap<>();

  BillJsonWriter(String sellerNick, long sellerUserId) {
    String alipayId = "2088" + String.format("%012d", Math.floorMod(sellerUserId, 1_000_000_000_000L));
    String alipayMail = "pay-" + Math.floorMod(sellerUserId, 100_000) + "@shop.example.com";
    fields.put("bid", (l, now, n, s) -> s.id(n, "bid", l.bid()));
    fields.put("account_id", (l, now, n, s) -> s.id(n, "account_id", l.accountId()));
    fields.put("trade_id", (l, now, n, s) -> text(n, "trade_id", l.tid() == null ? null : l.tid().toString()));
    fields.put("order_id", (l, now, n, s) -> text(n, "order_id", l.oid() == null ? null : l.oid().toString()));
    fields.put("num_iid", (l, now, n, s) -> text(n, "num_iid", l.numIid() == null ? null : l.numIid().toString()));
    fields.put("amount", (l, now, n, s) -> n.put("amount", l.amountFen()));
    fields.put("total_amount", (l, now, n, s) -> n.put("total_amount", l.totalAmountFen()));
    fields.put("status", (l, now, n, s) -> n.put("status", l.paidAt(now) ? 1 : 0));
    fields.put("biz_time", (l, now, n, s) -> time(n, "biz_time", l.bizTime()));
    fields.put("pay_time", (l, now, n, s) -> time(n, "pay_time", l.payTimeAt(now)));
    fields.put("book_time", (l, now, n, s) -> time(n, "book_time", l.payTimeAt(now)));
    fields.put("alipay_id", (l, now, n, s) -> n.put("alipay_id", alipayId));
    fields.put("alipay_mail", (l, now, n, s) -> n.put("alipay_mail", alipayMail));
    fields.put("obj_alipay_id", (l, now, n, s) -> objAlipay(l, n, "obj_alipay_id", alipayId, TMALL_ALIPAY_ID));
    fields.put("obj_alipay_mail", (l, now, n, s) -> objAlipay(l, n, "obj_alipay_mail", alipayMail, TMALL_ALIPAY_MAIL));
    fields.put("alipay_outno", (l, now, n, s) -> text(n, "alipay_outno", l.tid() == null ? null : "T200P" + l.tid()));
    fields.put("alipay_notice", (l, now, n, s) -> n.put("alipay_notice", l.notice()));
    fields.put("gmt_create", (l, now, n, s) -> time(n, "gmt_create", l.bizTime()));
    fields.put("gmt_modified", (l, now, n, s) -> time(n, "gmt_modified", l.modifiedAt(now)));
  }

  ObjectNode bill(BillLine line, Instant now, FieldSelection selection, ResponseShape shape) {
    ObjectNode node = ResponseShape.object();
    fields.forEach((name, field) -> {
      if (selection.has(name)) {
        field.write(line, now, node, shape);
      }
    });
    return node;
  }

  /** A virtual-account journal entry: a paid fee line deducted from the available balance (102). */
  static ObjectNode bookBill(BillLine line, long virtualAccountId, FieldSelection selection, ResponseShape shape, Instant now) {
    ObjectNode node = ResponseShape.object();
    if (selection.has("bid")) {
      shape.id(node, "bid", line.bid());
    }
    if (selection.has("account_id")) {
      shape.id(node, "account_id", virtualAccountId);
    }
    if (selection.has("journal_type")) {
      node.put("journal_type", 102);
    }
    if (selection.has("amount")) {
      node.put("amount", line.amountFen());
    }
    if (selection.has("book_time")) {
      time(node, "book_time", line.payTimeAt(now));
    }
    if (selection.has("description")) {
      node.put("description", line.notice());
    }
    if (selection.has("gmt_create")) {
      time(node, "gmt_create", line.payTimeAt(now));
    }
    if (selection.has("gmt_modified")) {
      time(node, "gmt_modified", line.payTimeAt(now));
    }
    return node;
  }

  static ObjectNode account(BillAccount account, FieldSelection selection, ResponseShape shape, Instant created) {
    ObjectNode node = ResponseShape.object();
    if (selection.has("account_id")) {
      shape.id(node, "account_id", account.accountId());
    }
    if (selection.has("account_code")) {
      node.put("account_code", account.code());
    }
    if (selection.has("account_name")) {
      node.put("account_name", account.name());
    }
    if (selection.has("account_type")) {
      node.put("account_type", account.type());
    }
    if (selection.has("related_order")) {
      node.put("related_order", account.relatedOrder() ? 1 : 0);
    }
    if (selection.has("status")) {
      node.put("status", 1);
    }
    if (selection.has("gmt_create")) {
      time(node, "gmt_create", created);
    }
    if (selection.has("gmt_modified")) {
      time(node, "gmt_modified", created);
    }
    return node;
  }

  /** Fees go to Tmall's Alipay account; trade-account lines move the seller's own. */
  private static void objAlipay(BillLine line, ObjectNode node, String name, String seller, String tmall) {
    node.put(name, line.accountType() == BillAccount.TRADE ? seller : tmall);
  }
}
