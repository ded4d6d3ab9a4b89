package com.tmallbridge.finance;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.core.Voucher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code finance_voucher}: one record per voucher key of what was sent to the ERP and how it went;
 * {@code finance_voucher_event}: which voucher holds each money event (written with a voucher's
 * first record, never moved).
 */
@Repository
class VoucherRecords {
  private static final String COLUMNS = """
      voucher_key, shop_id, kind, voucher_date, explanation, total_fen, connector, status, erp_voucher_no, error, attempts, updated_at""";

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  VoucherRecords(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /** Thrown (before anything is sent) when a fresh voucher's key or one of its events was recorded meanwhile by another run. */
  static final class Taken extends IllegalStateException {
    Taken(String message) {
      super(message);
    }
  }

  /** What {@code finance_voucher_event} and {@code finance_voucher} hold for these events of {@code shop}. */
  VoucherPlanner.Coverage coverage(ShopId shop, List<String> events, Collection<LocalDate> dates) {
    Map<String, String> held = new HashMap<>();
    for (int i = 0; i < events.size(); i += 500) {
      jdbc.sql("select event_key, voucher_key from finance_voucher_event where event_key in (:keys)")
          .param("keys", events.subList(i, Math.min(events.size(), i + 500)))
          .query((rs, n) -> held.put(rs.getString(1), rs.getString(2))).list();
    }
    Map<String, Integer> last = new HashMap<>();
    List<LocalDate> days = List.copyOf(dates);
    for (int i = 0; i < days.size(); i += 500) {
      jdbc.sql("select voucher_key from finance_voucher where shop_id = :shop and voucher_date in (:dates)")
          .param("shop", shop.value()).param("dates", days.subList(i, Math.min(days.size(), i + 500)))
          .query(String.class).list().stream().filter(VoucherPlanner::isSummaryKey).forEach(key -> {
            String[] parts = key.split("\\|", -1);
            last.merge(parts[0] + "|" + parts[2], VoucherPlanner.summaryBatch(key), Math::max);
          });
    }
    return new VoucherPlanner.Coverage(held, last);
  }

  /**
   * Records the first attempt of a fresh voucher: its row in {@code status} (attempts 1) and its
   * events' coverage; in the caller's transaction.
   *
   * @throws Taken when the key or an event is recorded already (another run got there first)
   */
  void claim(ShopId shop, PostingKind kind, VoucherPlanner.Planned planned, String connector, String status, Instant now) {
    Voucher voucher = planned.voucher();
    var at = now.atOffset(ZoneOffset.UTC);
    int inserted = jdbc.sql("""
        insert into finance_voucher (voucher_key, shop_id, kind, voucher_date, explanation, total_fen, connector, status, attempts,
                                     created_at, updated_at)
        values (:key, :shop, :kind, :date, :explanation, :total, :connector, :status, 1, :now, :now)
        on conflict do nothing""")
        .param("key", voucher.key()).param("shop", shop.value()).param("kind", kind.name()).param("date", voucher.date())
        .param("explanation", voucher.explanation()).param("total", voucher.totalFen()).param("connector", connector)
        .param("status", status).param("now", at).update();
    if (inserted == 0) {
      throw new Taken("voucher " + voucher.key() + " was recorded meanwhile by another run; it is planned again next time");
    }
    List<String> events = planned.events();
    batch.batchUpdate("insert into finance_voucher_event (event_key, voucher_key) values (?, ?) on conflict do nothing",
        events.stream().map(e -> new Object[] {e, voucher.key()}).toList());
    long mine = 0;
    for (int i = 0; i < events.size(); i += 500) {
      mine += jdbc.sql("select count(*) from finance_voucher_event where voucher_key = :key and event_key in (:events)")
          .param("key", voucher.key()).param("events", events.subList(i, Math.min(events.size(), i + 500))).query(Long.class).single();
    }
    if (mine != events.size()) {
      throw new Taken((events.size() - mine) + " event(s) of voucher " + voucher.key()
          + " were put in another voucher meanwhile; it is planned again next time");
    }
  }

  /** The keys among {@code keys} already {@code POSTED}. */
  Set<String> posted(List<String> keys) {
    if (keys.isEmpty()) {
      return Set.of();
    }
    Set<String> found = new java.util.HashSet<>();
    for (int i = 0; i < keys.size(); i += 500) {
      found.addAll(jdbc.sql("select voucher_key from finance_voucher where status = 'POSTED' and voucher_key in (:keys)")
          .param("keys", keys.subList(i, Math.min(keys.size(), i + 500))).query(String.class).list());
    }
    return found;
  }

  /** Records an attempt starting: the voucher's row in {@code status} with one more attempt. */
  void attempt(ShopId shop, PostingKind kind, Voucher voucher, String connector, String status, Instant now) {
    var at = now.atOffset(ZoneOffset.UTC);
    jdbc.sql("""
        insert into finance_voucher (voucher_key, shop_id, kind, voucher_date, explanation, total_fen, connector, status, attempts,
                                     created_at, updated_at)
        values (:key, :shop, :kind, :date, :explanation, :total, :connector, :status, 0, :now, :now)
        on conflict do nothing""")
        .param("key", voucher.key()).param("shop", shop.value()).param("kind", kind.name()).param("date", voucher.date())
        .param("explanation", voucher.explanation()).param("total", voucher.totalFen()).param("connector", connector)
        .param("status", status).param("now", at).update();
    jdbc.sql("""
        update finance_voucher set attempts = attempts + 1, status = :status, connector = :connector, voucher_date = :date,
               explanation = :explanation, total_fen = :total, updated_at = :now
         where voucher_key = :key""")
        .param("key", voucher.key()).param("status", status).param("connector", connector).param("date", voucher.date())
        .param("explanation", voucher.explanation()).param("total", voucher.totalFen()).param("now", at).update();
  }

  void posted(String key, String erpVoucherNo, Instant now) {
    jdbc.sql("update finance_voucher set status = 'POSTED', erp_voucher_no = :no, error = null, updated_at = :now where voucher_key = :key")
        .param("key", key).param("no", erpVoucherNo).param("now", now.atOffset(ZoneOffset.UTC)).update();
  }

  void failed(String key, String error, Instant now) {
    jdbc.sql("update finance_voucher set status = 'FAILED', error = :error, updated_at = :now where voucher_key = :key")
        .param("key", key).param("error", error.length() > 2000 ? error.substring(0, 2000) : error)
        .param("now", now.atOffset(ZoneOffset.UTC)).update();
  }

  /** Records, newest day first then by key; both filters optional. */
  List<PostedVoucher> list(@Nullable ShopId shop, @Nullable LocalDate date, int limit) {
    return jdbc.sql("select " + COLUMNS + " from finance_voucher where (:shop = -1 or shop_id = :shop)"
            + " and (cast(:date as date) is null or voucher_date = :date) order by voucher_date desc, voucher_key limit :limit")
        .param("shop", shop == null ? -1L : shop.value()).param("date", date, java.sql.Types.DATE).param("limit", limit)
        .query(VoucherRecords::row).list();
  }

  /** Records of the shops (not empty), day optional, newest day first then by key, one page. */
  List<PostedVoucher> page(Collection<ShopId> shops, @Nullable LocalDate date, int offset, int limit) {
    return jdbc.sql("select " + COLUMNS + " from finance_voucher where shop_id in (:shops)"
            + " and (cast(:date as date) is null or voucher_date = :date) order by voucher_date desc, voucher_key"
            + " offset :offset rows fetch next :limit rows only")
        .param("shops", ids(shops)).param("date", date, java.sql.Types.DATE).param("offset", offset).param("limit", limit)
        .query(VoucherRecords::row).list();
  }

  /** How many records {@link #page} pages through. */
  long count(Collection<ShopId> shops, @Nullable LocalDate date) {
    return jdbc.sql("select count(*) from finance_voucher where shop_id in (:shops) and (cast(:date as date) is null or voucher_date = :date)")
        .param("shops", ids(shops)).param("date", date, java.sql.Types.DATE).query(Long.class).single();
  }

  /** The record under {@code key}, if any. */
  Optional<PostedVoucher> find(String key) {
    return jdbc.sql("select " + COLUMNS + " from finance_voucher where voucher_key = :key").param("key", key)
        .query(VoucherRecords::row).optional();
  }

  private static List<Long> ids(Collection<ShopId> shops) {
    return shops.stream().map(ShopId::value).toList();
  }

  private static PostedVoucher row(ResultSet rs, int i) throws SQLException {
    return new PostedVoucher(rs.getString(1), new ShopId(rs.getLong(2)), PostingKind.valueOf(rs.getString(3)),
        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9),
        rs.getString(10), rs.getInt(11), rs.getObject(12, OffsetDateTime.class).toInstant());
  }
}
