package com.tmallbridge.testsupport;

import com.tmallbridge.shop.Shop;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows the money screens' tests write straight into the bridge's tables: a trade exported to the
 * ERP (the SALE voucher's event) and a paid settlement line. Shared by the finance and console tests.
 */
public final class MoneyRows {
  private final JdbcClient jdbc;

  public MoneyRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A paid trade exported as ERP order {@code SO-<tid>} at {@code exportedAt} (ISO offset time). */
  public void exportedTrade(Shop shop, String tid, long paymentFen, long postFeeFen, String exportedAt) {
    OffsetDateTime at = OffsetDateTime.parse(exportedAt);
    jdbc.sql("""
        insert into order_trade (shop_id, tid, status, created, modified, pay_time, ever_paid, payment_fen, post_fee_fen, state,
                                 erp_order_no, exported_at, first_seen_at, updated_at)
        values (:shop, :tid, 'WAIT_SELLER_SEND_GOODS', :at, :at, :at, true, :payment, :postFee, 'EXPORTED', :erp, :at, :at, :at)""")
        .param("shop", shop.id().value()).param("tid", tid).param("at", at).param("payment", paymentFen).param("postFee", postFeeFen)
        .param("erp", "SO-" + tid).update();
  }

  /** A settled line of {@code kind} (a {@code SettlementKind} name), paid at {@code paidAt}; {@code tid} may be null. */
  public void settled(Shop shop, String bid, String kind, String tid, long amountFen, String paidAt) {
    OffsetDateTime at = OffsetDateTime.parse(paidAt);
    jdbc.sql("""
        insert into finance_settlement_line (shop_id, bid, account_id, kind, tid, oid, amount_fen, paid, biz_time, pay_time, imported_at,
                                             updated_at)
        values (:shop, :bid, 1, :kind, :tid, null, :amount, true, :at, :at, :at, :at)""")
        .param("shop", shop.id().value()).param("bid", bid).param("kind", kind).param("tid", tid, java.sql.Types.VARCHAR).param("amount", amountFen)
        .param("at", at).update();
  }
}
