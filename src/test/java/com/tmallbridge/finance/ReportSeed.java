package com.tmallbridge.finance;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small data set for the reports, inserted directly into the tables the reports read. Times are
 * given as Beijing wall time. Two shops: TM01 (id 1) and TM02 (id 2); the range 2026-11-01..2026-11-03.
 *
 * <p>Paid in the range: T1 (TM01, 11-01 09:00, 浙江省, A×2 = 100.00 + B×1 = 50.50, post 10.00),
 * T2 (TM01, 11-01 23:59:59, 浙江省, A×1 = 49.99), T3 (TM02, 11-03 00:00, 广东省, B×3 = 151.50, post 8.00).
 * Outside: T0 paid 10-31 23:59:59, T4 paid 11-04 00:00, T5 never paid.
 * Totals: 3 orders, 7 units, goods 351.99, post fee 18.00, payment 369.99.
 */
final class ReportSeed {
  private final JdbcClient jdbc;

  ReportSeed(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static OffsetDateTime beijing(String wallTime) {
    return LocalDateTime.parse(wallTime).atOffset(ZoneOffset.ofHours(8));
  }

  void insertAll() {
    shop(1, "TM01");
    shop(2, "TM02");
    trade(1, "T0", "2026-10-31T23:59:59", "浙江省", 1000, 0, "A", 1, 1000);
    trade(1, "T1", "2026-11-01T09:00:00", "浙江省", 16050, 1000, "A", 2, 10000);
    line(1, "T1", 2, "B", 1, 5050);
    trade(1, "T2", "2026-11-01T23:59:59", "浙江省", 4999, 0, "A", 1, 4999);
    trade(2, "T3", "2026-11-03T00:00:00", "广东省", 15950, 800, "B", 3, 15150);
    trade(2, "T4", "2026-11-04T00:00:00", "广东省", 999, 0, "B", 1, 999);
    trade(2, "T5", null, null, 700, 0, "B", 1, 700);
    listing(1, "item-A", 50010);
    listing(2, "item-A", 50010);
    listing(1, "item-B", 50020);
    // item-B of TM02 has no listing: its lines report category "-"
    // 50010 was named by a product match; 50020 not yet (its name reads "-")
    jdbc.sql("insert into product_category (cid, name, path, read_at) values (50010, '连衣裙', '女装/女士精品 > 连衣裙', :t)")
        .param("t", beijing("2026-10-01T00:00:00")).update();

    refund(1, "R1", "T1", "SUCCESS", "七天无理由", 1, 5050, "2026-11-02T10:00:00");
    refund(2, "R2", "T3", "SUCCESS", "质量问题", 1, 5050, "2026-11-03T12:00:00");
    refund(2, "R3", "T3", "SUCCESS", "质量问题", 1, 5050, "2026-11-03T13:00:00");
    refund(1, "R4", "T2", "SUCCESS", null, 1, 4999, "2026-11-01T08:00:00");
    refund(1, "R5", "T2", "WAIT_SELLER_AGREE", "七天无理由", 1, 4999, "2026-11-02T08:00:00");
    refund(1, "R6", "T0", "SUCCESS", "七天无理由", 1, 1000, "2026-11-04T00:00:00");

    settlement(1, "b1", "INCOME", 16050 - 1000, true, "2026-11-02T01:00:00");
    settlement(1, "b2", "POST_FEE", 1000, true, "2026-11-02T01:00:00");
    settlement(1, "b3", "COMMISSION", -321, true, "2026-11-02T01:00:00");
    settlement(1, "b4", "POINTS", -75, true, "2026-11-02T01:00:00");
    settlement(1, "b5", "SERVICE_FEE", -100, false, "2026-11-02T01:00:00");
    settlement(1, "b6", "REFUND", -5050, true, "2026-11-03T09:00:00");
    settlement(2, "b7", "INCOME", 15150, false, "2026-11-03T23:59:59");
    settlement(2, "b8", "OTHER", -1, false, "2026-11-03T23:59:59");
    settlement(2, "b9", "INCOME", 999, true, "2026-11-04T00:00:00");
  }

  void shop(long id, String code) {
    jdbc.sql("""
        insert into shop (id, code, name, channel, gateway_url, app_key, app_secret, session_key, sign_method, first_pull_from,
          status, created_at, updated_at)
        values (:id, :code, :code, 'TMALL', 'http://127.0.0.1:9/router/rest', 'k', 's', 'x', 'md5', :t, 'ACTIVE', :t, :t)""")
        .param("id", id).param("code", code).param("t", beijing("2026-10-01T00:00:00")).update();
  }

  void trade(long shop, String tid, @Nullable String paid, @Nullable String province, long paymentFen, long postFeeFen, String material,
      int quantity, long amountFen) {
    OffsetDateTime created = beijing("2026-10-30T00:00:00");
    jdbc.sql("""
        insert into order_trade (shop_id, tid, status, created, modified, pay_time, ever_paid, payment_fen, post_fee_fen,
          receiver_state, state, first_seen_at, updated_at)
        values (:shop, :tid, 'WAIT_SELLER_SEND_GOODS', :created, :created, :paid, :everPaid, :payment, :post, :province, 'EXPORTED',
          :created, :created)""")
        .param("shop", shop).param("tid", tid).param("created", created).param("paid", paid == null ? null : beijing(paid))
        .param("everPaid", paid != null).param("payment", paymentFen).param("post", postFeeFen).param("province", province).update();
    line(shop, tid, 1, material, quantity, amountFen);
  }

  void line(long shop, String tid, int lineNo, String material, int quantity, long amountFen) {
    jdbc.sql("""
        insert into order_line (shop_id, tid, line_no, oid, num_iid, sku_id, material_code, title, quantity, price_fen, amount_fen)
        values (:shop, :tid, :no, :oid, :item, null, :material, :title, :quantity, :price, :amount)""")
        .param("shop", shop).param("tid", tid).param("no", lineNo).param("oid", tid + "-" + lineNo).param("item", "item-" + material)
        .param("material", material).param("title", "商品 " + material).param("quantity", quantity).param("price", amountFen / quantity)
        .param("amount", amountFen).update();
  }

  void listing(long shop, String numIid, long cid) {
    for (String sku : new String[] {"", "s1"}) {
      jdbc.sql("""
          insert into product_listing (shop_id, num_iid, sku_id, title, price_fen, quantity, on_sale, read_at, cid)
          values (:shop, :item, :sku, 'listing', 100, 1, true, :t, :cid)""")
          .param("shop", shop).param("item", numIid).param("sku", sku).param("t", beijing("2026-10-01T00:00:00")).param("cid", cid)
          .update();
    }
  }

  void refund(long shop, String refundId, String tid, String status, @Nullable String reason, int num, long feeFen, String done) {
    OffsetDateTime at = beijing(done);
    jdbc.sql("""
        insert into aftersale_refund (shop_id, refund_id, tid, oid, status, status_rank, kind, refund_fee_fen, reported_fee_fen,
          has_good_return, num, created, modified, stage, shipped_after_intercept, reason, raw_json, first_seen_at, updated_at)
        values (:shop, :id, :tid, :tid, :status, 1, 'REFUND_ONLY', :fee, :fee, false, :num, :created, :at, 'ADJUSTED', false, :reason, '{}',
          :at, :at)""")
        .param("shop", shop).param("id", refundId).param("tid", tid).param("status", status).param("fee", feeFen).param("num", num)
        .param("created", at.minusDays(1)).param("at", at).param("reason", reason).update();
    status(shop, refundId, "WAIT_SELLER_AGREE", at.minusDays(1));
    if (status.equals("SUCCESS")) {
      status(shop, refundId, "SUCCESS", at);
      // a later snapshot in the same status does not move the day the refund succeeded
      status(shop, refundId, "SUCCESS", at.plusDays(3));
    }
  }

  private void status(long shop, String refundId, String status, OffsetDateTime at) {
    jdbc.sql("""
        insert into aftersale_refund_status (shop_id, refund_id, status, modified, seen_at)
        values (:shop, :id, :status, :at, :at)""")
        .param("shop", shop).param("id", refundId).param("status", status).param("at", at).update();
  }

  void settlement(long shop, String bid, String kind, long amountFen, boolean paid, String bizTime) {
    OffsetDateTime at = beijing(bizTime);
    jdbc.sql("""
        insert into finance_settlement_line (shop_id, bid, account_id, kind, tid, oid, amount_fen, paid, biz_time, pay_time, imported_at,
          updated_at)
        values (:shop, :bid, 1, :kind, null, null, :amount, :paid, :at, :payTime, :at, :at)""")
        .param("shop", shop).param("bid", bid).param("kind", kind).param("amount", amountFen).param("paid", paid).param("at", at)
        .param("payTime", paid ? at.plusDays(1) : null).update();
  }
}
