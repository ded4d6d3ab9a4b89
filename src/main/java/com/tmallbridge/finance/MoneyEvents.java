package com.tmallbridge.finance;

import com.tmallbridge.core.SettlementEntry;
import com.tmallbridge.core.SettlementKind;
import com.tmallbridge.core.ShopId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the events vouchers are planned from: exported trades ({@code order_trade} with an ERP
 * order number and {@code exported_at}) and settled settlement lines ({@code
 * finance_settlement_line}, paid, kind not OTHER). Either for one Tmall day, or every one up to a
 * time not yet held by a {@code POSTED} voucher (through {@code finance_voucher_event}; the
 * not-exists test rebuilds each event's key in SQL, as {@link VoucherPlanner} builds it).
 */
@Repository
class MoneyEvents {
  private static final String SALES = """
      select t.tid, t.exported_at, t.payment_fen, t.post_fee_fen, t.erp_order_no from order_trade t
       where t.shop_id = :shop and t.erp_order_no is not null and t.exported_at >= :from and t.exported_at < :to""";
  private static final String SALES_NOT_POSTED = """
       and not exists (select 1 from finance_voucher_event e join finance_voucher v on v.voucher_key = e.voucher_key
                        where e.event_key = 'SALE|' || :code || '|' || t.tid and v.status = 'POSTED')""";
  private static final String LINES = """
      select l.bid, l.account_id, l.kind, l.tid, l.oid, l.amount_fen, l.paid, l.biz_time, l.pay_time from finance_settlement_line l
       where l.shop_id = :shop and l.paid = true and l.kind <> 'OTHER' and l.amount_fen <> 0
         and l.pay_time >= :from and l.pay_time < :to""";
  private static final String LINES_NOT_POSTED = """
       and not exists (select 1 from finance_voucher_event e join finance_voucher v on v.voucher_key = e.voucher_key
                        where e.event_key = (case when l.kind in ('INCOME', 'POST_FEE') then 'RCPT'
                                                    when l.kind = 'COMMISSION' then 'COMM' when l.kind = 'POINTS' then 'PNTS'
                                                    when l.kind = 'SERVICE_FEE' then 'SFEE' else 'RFND' end)
                                               || '|' || :code || '|' || l.bid
                          and v.status = 'POSTED')""";

  private final JdbcClient jdbc;

  MoneyEvents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Trades of {@code shop} exported in [from, to), by tid; with {@code code}, only those whose SALE voucher is not posted. */
  List<SaleEvent> sales(ShopId shop, Instant from, Instant to, boolean onlyNotPosted, String code) {
    return jdbc.sql(SALES + (onlyNotPosted ? "\n" + SALES_NOT_POSTED : "") + " order by t.exported_at, t.tid")
        .param("shop", shop.value()).param("from", from.atOffset(ZoneOffset.UTC)).param("to", to.atOffset(ZoneOffset.UTC))
        .param("code", code)
        .query((rs, i) -> new SaleEvent(rs.getString(1), day(rs.getObject(2, OffsetDateTime.class)), rs.getLong(3), rs.getLong(4),
            rs.getString(5))).list();
  }

  /** Settled lines of {@code shop} paid in [from, to), by pay time and bid; optionally only those whose voucher is not posted. */
  List<SettlementEntry> settled(ShopId shop, Instant from, Instant to, boolean onlyNotPosted, String code) {
    return jdbc.sql(LINES + (onlyNotPosted ? "\n" + LINES_NOT_POSTED : "") + " order by l.pay_time, l.bid")
        .param("shop", shop.value()).param("from", from.atOffset(ZoneOffset.UTC)).param("to", to.atOffset(ZoneOffset.UTC))
        .param("code", code)
        .query((rs, i) -> line(shop, rs)).list();
  }

  private static SettlementEntry line(ShopId shop, ResultSet rs) throws SQLException {
    OffsetDateTime payTime = rs.getObject(9, OffsetDateTime.class);
    return new SettlementEntry(shop, rs.getString(1), rs.getLong(2), SettlementKind.valueOf(rs.getString(3)), rs.getString(4),
        rs.getString(5), rs.getLong(6), rs.getBoolean(7), rs.getObject(8, OffsetDateTime.class).toInstant(),
        payTime == null ? null : payTime.toInstant());
  }

  private static LocalDate day(OffsetDateTime at) {
    return at.atZoneSameInstant(VoucherPlanner.TMALL_ZONE).toLocalDate();
  }
}
