package com.tmallbridge.finance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes the three sides of a reconciliation straight into their tables, as the order, after-sale,
 * ERP and settlement flows would leave them: trades paid at noon (GMT+8) of a day, the built-in
 * ERP's sales orders (one line, so the summary total is the line plus post fee 0), refunds and
 * settlement lines.
 */
final class ReconciliationRows {
  private final JdbcClient jdbc;
  private final long shop;
  private final String shopCode;
  private int bills;

  ReconciliationRows(JdbcClient jdbc, long shop, String shopCode) {
    this.jdbc = jdbc;
    this.shop = shop;
    this.shopCode = shopCode;
  }

  static Instant noon(LocalDate day) {
    return day.atTime(12, 0).atZone(ReconciliationManagement.zone()).toInstant();
  }

  void trade(String tid, LocalDate day, String status, long paymentFen) {
    trade(tid, day, status, paymentFen, noon(day).plusSeconds(3600));
  }

  void trade(String tid, LocalDate day, String status, long paymentFen, Instant modified) {
    Instant paid = noon(day);
    jdbc.sql("""
        insert into order_trade (shop_id, tid, status, created, modified, pay_time, ever_paid, payment_fen, post_fee_fen, state,
            first_seen_at, updated_at)
        values (:shop, :tid, :status, :paid, :modified, :paid, true, :payment, 0, 'EXPORTED', :paid, :paid)""")
        .param("shop", shop).param("tid", tid).param("status", status).param("paid", utc(paid)).param("modified", utc(modified))
        .param("payment", paymentFen).update();
  }

  void erpOrder(String tid, long totalFen, String status) {
    String doc = "SO" + tid;
    Instant now = Instant.now();
    jdbc.sql("""
        insert into erp_sales_order (doc_no, shop_code, channel_order_no, customer_no, status, ordered_at, paid_at, post_fee_fen,
            total_fen, created_at)
        values (:doc, :shopCode, :tid, 'C1', :status, :now, :now, 0, :total, :now)""")
        .param("doc", doc).param("shopCode", shopCode).param("tid", tid).param("status", status).param("now", utc(now))
        .param("total", totalFen).update();
    jdbc.sql("""
        insert into erp_sales_order_line (doc_no, line_no, external_line_id, material, quantity, list_price_fen, amount_fen, title)
        values (:doc, 1, :tid, 'M1', 1, :total, :total, 'goods')""").param("doc", doc).param("tid", tid).param("total", totalFen).update();
  }

  void erpTotal(String tid, long totalFen) {
    jdbc.sql("update erp_sales_order_line set amount_fen = :total where doc_no = :doc").param("total", totalFen).param("doc", "SO" + tid)
        .update();
  }

  void refund(String refundId, String tid, long feeFen, String stage) {
    Instant now = Instant.now();
    jdbc.sql("""
        insert into aftersale_refund (shop_id, refund_id, tid, oid, status, status_rank, kind, refund_fee_fen, reported_fee_fen,
            has_good_return, num, created, modified, stage, shipped_after_intercept, raw_json, first_seen_at, updated_at)
        values (:shop, :id, :tid, :tid, 'SUCCESS', 9, 'REFUND_ONLY', :fee, :fee, false, 1, :now, :now, :stage, false, '{}', :now, :now)""")
        .param("shop", shop).param("id", refundId).param("tid", tid).param("fee", feeFen).param("stage", stage).param("now", utc(now))
        .update();
  }

  void refundStage(String refundId, String stage) {
    jdbc.sql("update aftersale_refund set stage = :stage where refund_id = :id").param("stage", stage).param("id", refundId).update();
  }

  /** A settlement line at noon of {@code day}; returns its bid. */
  String line(String tid, String kind, long amountFen, boolean paid, LocalDate day) {
    String bid = "B" + (++bills) + "-" + tid;
    Instant at = noon(day);
    jdbc.sql("""
        insert into finance_settlement_line (shop_id, bid, account_id, kind, tid, amount_fen, paid, biz_time, pay_time, imported_at,
            updated_at)
        values (:shop, :bid, 1, :kind, :tid, :amount, :paid, :at, :payTime, :at, :at)""")
        .param("shop", shop).param("bid", bid).param("kind", kind).param("tid", tid).param("amount", amountFen).param("paid", paid)
        .param("at", utc(at)).param("payTime", paid ? utc(at) : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE).update();
    return bid;
  }

  void jdbcPaid(String bid) {
    jdbc.sql("update finance_settlement_line set paid = true, pay_time = biz_time where bid = :bid").param("bid", bid).update();
  }

  void lineAmount(String bid, long amountFen) {
    jdbc.sql("update finance_settlement_line set amount_fen = :amount where bid = :bid").param("amount", amountFen).param("bid", bid).update();
  }

  /** Income paid with the three fees at the default rates (5 %, 0.5 %, 1 %). */
  void settled(String tid, long incomeFen, LocalDate day) {
    line(tid, "INCOME", incomeFen, true, day);
    line(tid, "COMMISSION", -(incomeFen * 50 / 1000), true, day);
    line(tid, "POINTS", -(incomeFen * 5 / 1000), true, day);
    line(tid, "SERVICE_FEE", -(incomeFen * 10 / 1000), true, day);
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
