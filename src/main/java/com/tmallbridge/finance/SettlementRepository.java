package com.tmallbridge.finance;

import com.tmallbridge.channel.BillAccount;
import com.tmallbridge.core.SettlementEntry;
import com.tmallbridge.core.SettlementKind;
import com.tmallbridge.core.ShopId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * SQL of {@code finance_settlement_line}, {@code finance_bill_account} and {@code
 * finance_settlement_cursor}. Lines are keyed by {@code (shop_id, bid)}: storing a line again
 * changes only {@code paid}, {@code pay_time} and {@code updated_at}, and only when they differ.
 * Days are Tmall's (GMT+8) and select lines by {@code biz_time}. Reads are for the rest of the
 * finance module (reconciliation, vouchers, reports) as well as the CLI.
 */
@Repository
public class SettlementRepository {
  /** Tmall's day. */
  public static final ZoneId TMALL_ZONE = ZoneId.of("Asia/Shanghai");

  private static final String INSERT = """
      insert into finance_settlement_line (shop_id, bid, account_id, kind, tid, oid, amount_fen, paid, biz_time, pay_time,
          imported_at, updated_at)
      values (:shop, :bid, :account, :kind, :tid, :oid, :amount, :paid, :bizTime, :payTime, :now, :now)
      on conflict do nothing""";
  private static final String UPDATE_STATUS = """
      update finance_settlement_line set paid = :paid, pay_time = :payTime, updated_at = :now
       where shop_id = :shop and bid = :bid and (paid <> :paid or pay_time is distinct from :payTime)""";
  private static final String SELECT = """
      select shop_id, bid, account_id, kind, tid, oid, amount_fen, paid, biz_time, pay_time from finance_settlement_line""";
  private static final String ORDER = " order by biz_time, bid";

  private final JdbcClient jdbc;

  SettlementRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** How a batch of lines was stored. */
  public record Stored(int inserted, int updated) {}

  /** Stores a page of lines in one transaction (new ones inserted, known ones' status updated). */
  @Transactional
  public Stored store(List<SettlementEntry> lines, Instant now) {
    int inserted = 0;
    int updated = 0;
    for (SettlementEntry line : lines) {
      if (jdbc.sql(INSERT)
          .param("shop", line.shopId().value())
          .param("bid", line.billId())
          .param("account", line.accountId())
          .param("kind", line.kind().name())
          .param("tid", line.tid(), Types.VARCHAR)
          .param("oid", line.oid(), Types.VARCHAR)
          .param("amount", line.amountFen())
          .param("paid", line.paid())
          .param("bizTime", toDb(line.bizTime()))
          .param("payTime", toDbNullable(line.payTime()), Types.TIMESTAMP_WITH_TIMEZONE)
          .param("now", toDb(now))
          .update() == 1) {
        inserted++;
      } else {
        updated += jdbc.sql(UPDATE_STATUS)
            .param("shop", line.shopId().value())
            .param("bid", line.billId())
            .param("paid", line.paid())
            .param("payTime", toDbNullable(line.payTime()), Types.TIMESTAMP_WITH_TIMEZONE)
            .param("now", toDb(now))
            .update();
      }
    }
    return new Stored(inserted, updated);
  }

  /** Records the shop's fee accounts (new ones inserted, known ones' code, name and type replaced). */
  @Transactional
  public void storeAccounts(ShopId shop, List<BillAccount> accounts) {
    for (BillAccount account : accounts) {
      int changed = jdbc.sql("""
              update finance_bill_account set account_code = :code, account_name = :name, account_type = :type
               where shop_id = :shop and account_id = :id""")
          .param("shop", shop.value()).param("id", account.accountId()).param("code", account.code())
          .param("name", account.name()).param("type", account.type())
          .update();
      if (changed == 0) {
        jdbc.sql("""
                insert into finance_bill_account (shop_id, account_id, account_code, account_name, account_type)
                values (:shop, :id, :code, :name, :type) on conflict do nothing""")
            .param("shop", shop.value()).param("id", account.accountId()).param("code", account.code())
            .param("name", account.name()).param("type", account.type())
            .update();
      }
    }
  }

  /** The shop's fee accounts, by id. */
  public List<BillAccount> accounts(ShopId shop) {
    return jdbc.sql("""
            select account_id, account_code, account_name, account_type from finance_bill_account
             where shop_id = :shop order by account_id""")
        .param("shop", shop.value())
        .query((rs, n) -> new BillAccount(rs.getLong("account_id"), rs.getString("account_code"), rs.getString("account_name"),
            rs.getInt("account_type")))
        .list();
  }

  /** Up to where the shop's bills are imported completely; empty before the first complete window. */
  public Optional<Instant> cursor(ShopId shop) {
    return jdbc.sql("select pulled_up_to from finance_settlement_cursor where shop_id = :shop")
        .param("shop", shop.value())
        .query((rs, n) -> read(rs, "pulled_up_to"))
        .optional();
  }

  /** Moves the shop's cursor to {@code mark}, never back. */
  @Transactional
  public void advanceCursor(ShopId shop, Instant mark, Instant now) {
    int changed = jdbc.sql("""
            update finance_settlement_cursor set pulled_up_to = :mark, updated_at = :now
             where shop_id = :shop and pulled_up_to < :mark""")
        .param("shop", shop.value()).param("mark", toDb(mark)).param("now", toDb(now))
        .update();
    if (changed == 0) {
      jdbc.sql("""
              insert into finance_settlement_cursor (shop_id, pulled_up_to, updated_at) values (:shop, :mark, :now)
              on conflict do nothing""")
          .param("shop", shop.value()).param("mark", toDb(mark)).param("now", toDb(now))
          .update();
    }
  }

  /** Every line of one trade, by biz_time then bid. */
  public List<SettlementEntry> linesOfTrade(ShopId shop, String tid) {
    return jdbc.sql(SELECT + " where shop_id = :shop and tid = :tid" + ORDER)
        .param("shop", shop.value()).param("tid", tid)
        .query(SettlementRepository::line).list();
  }

  /** Every line of one Tmall day (GMT+8) by biz_time, by biz_time then bid. */
  public List<SettlementEntry> linesOfDay(ShopId shop, LocalDate day) {
    return jdbc.sql(SELECT + " where shop_id = :shop and biz_time >= :from and biz_time < :to" + ORDER)
        .param("shop", shop.value()).param("from", toDb(dayStart(day))).param("to", toDb(dayStart(day.plusDays(1))))
        .query(SettlementRepository::line).list();
  }

  /**
   * Lines filtered by the non-null arguments (any shop, any day, any trade when null), by
   * biz_time then bid, at most {@code limit}.
   */
  public List<SettlementEntry> lines(@Nullable ShopId shop, @Nullable LocalDate day, @Nullable String tid, int limit) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    if (shop != null) {
      where.append(" and shop_id = :shop");
    }
    if (day != null) {
      where.append(" and biz_time >= :from and biz_time < :to");
    }
    if (tid != null) {
      where.append(" and tid = :tid");
    }
    var spec = jdbc.sql(SELECT + where + " order by shop_id, biz_time, bid fetch first " + Math.max(1, limit) + " rows only");
    if (shop != null) {
      spec = spec.param("shop", shop.value());
    }
    if (day != null) {
      spec = spec.param("from", toDb(dayStart(day))).param("to", toDb(dayStart(day.plusDays(1))));
    }
    if (tid != null) {
      spec = spec.param("tid", tid);
    }
    return spec.query(SettlementRepository::line).list();
  }

  /** Sum of signed amounts per kind of the lines whose biz_time is in {@code [from, to)}; kinds without lines are absent. */
  public Map<SettlementKind, Long> totalsByKind(ShopId shop, Instant from, Instant to) {
    Map<SettlementKind, Long> totals = new EnumMap<>(SettlementKind.class);
    jdbc.sql("""
            select kind, sum(amount_fen) as total from finance_settlement_line
             where shop_id = :shop and biz_time >= :from and biz_time < :to group by kind""")
        .param("shop", shop.value()).param("from", toDb(from)).param("to", toDb(to))
        .query(rs -> {
          totals.put(SettlementKind.valueOf(rs.getString("kind")), rs.getLong("total"));
        });
    return totals;
  }

  /** Number of lines of the shop (all shops when null). */
  public long count(@Nullable ShopId shop) {
    return shop == null
        ? jdbc.sql("select count(*) from finance_settlement_line").query(Long.class).single()
        : jdbc.sql("select count(*) from finance_settlement_line where shop_id = :shop").param("shop", shop.value())
            .query(Long.class).single();
  }

  /** Start of a Tmall day. */
  public static Instant dayStart(LocalDate day) {
    return day.atStartOfDay(TMALL_ZONE).toInstant();
  }

  private static SettlementEntry line(ResultSet rs, int row) throws SQLException {
    return new SettlementEntry(
        new ShopId(rs.getLong("shop_id")),
        rs.getString("bid"),
        rs.getLong("account_id"),
        SettlementKind.valueOf(rs.getString("kind")),
        rs.getString("tid"),
        rs.getString("oid"),
        rs.getLong("amount_fen"),
        rs.getBoolean("paid"),
        read(rs, "biz_time"),
        readNullable(rs, "pay_time"));
  }

  private static OffsetDateTime toDb(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static @Nullable OffsetDateTime toDbNullable(@Nullable Instant instant) {
    return instant == null ? null : toDb(instant);
  }

  private static Instant read(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  private static @Nullable Instant readNullable(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
