package com.tmallbridge.order;

import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.core.SalesOrderLine;
import com.tmallbridge.core.ShopId;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** SQL for trades and lines of the order flow (SKU mappings belong to the product module). Exceptions live in {@link ExceptionRepository}. */
@Repository
class OrderRepository {
  private static final String INSERT_TRADE =
      """
      insert into order_trade (shop_id, tid, status, trade_type, created, modified, pay_time, ever_paid, payment_fen,
                               post_fee_fen, receiver_state, state, exception_code, first_seen_at, updated_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;
  private static final String UPDATE_TRADE =
      """
      update order_trade set status = ?, trade_type = ?, created = ?, modified = ?, pay_time = ?, ever_paid = ?,
             payment_fen = ?, post_fee_fen = ?, receiver_state = ?, state = ?, exception_code = ?,
             updated_at = ?
       where shop_id = ? and tid = ?
      """;
  private static final String INSERT_LINE =
      """
      insert into order_line (shop_id, tid, line_no, oid, num_iid, sku_id, material_code, title, quantity, price_fen, amount_fen)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;
  private static final String MARK_EXPORTED = """
      update order_trade set state = 'EXPORTED', erp_order_no = :no, erp_amount_fen = :amount, exported_at = :now,
             exception_code = null, updated_at = :now
       where shop_id = :shop and tid = :tid""";
  private static final String MARK_EXPORTED_AGAIN = """
      update order_trade set state = 'EXPORTED', erp_order_no = ?, erp_amount_fen = ?, exported_at = ?,
             exception_code = null, updated_at = ?
       where shop_id = ? and tid = ?""";
  private static final String MARK_EXPORTED_NEW = MARK_EXPORTED_AGAIN + " and state <> 'EXPORTED'";
  private static final String SET_STATE =
      "update order_trade set state = :state, exception_code = :code, updated_at = :now where shop_id = :shop and tid = :tid";
  private static final String SELECT_VIEW =
      """
      select t.shop_id, s.code, t.tid, t.status, t.state, t.created, t.modified, t.pay_time, t.payment_fen,
             t.erp_order_no, t.erp_amount_fen, t.exception_code
        from order_trade t join shop s on s.id = t.shop_id
      """;

  /**
   * PostgreSQL: one index probe per tid. Without statistics (a new table, or a server whose
   * autovacuum is off) the planner prices {@code tid in (100 values)} at a large share of the table
   * and scans all of it; as a lateral sub-query fenced by {@code offset 0} each tid is looked up in
   * {@code order_trade_tid}, whatever the statistics say.
   */
  private static final String STATES_POSTGRESQL = """
      select x.shop_id, x.tid, x.state
        from unnest(?::varchar[]) q(tid)
        cross join lateral (select t.shop_id, t.tid, t.state from order_trade t where t.tid = q.tid offset 0) x
      """;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  /** Trades this process moved to EXPORTED, counted once committed. */
  private final AtomicLong exported = new AtomicLong();
  private final boolean postgresql;

  OrderRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
    this.postgresql = isPostgresql(template);
  }

  /** Whether this repository's database is PostgreSQL. */
  boolean onPostgresql() {
    return postgresql;
  }

  /** Whether the template's database is PostgreSQL (reads the product name once, at construction of the caller). */
  static boolean isPostgresql(JdbcTemplate template) {
    DataSource dataSource = template.getDataSource();
    try {
      return dataSource != null
          && JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName).toLowerCase(Locale.ROOT).contains("postgresql");
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("cannot read the database product name: " + e.getMessage(), e);
    }
  }

  /** Current state per tid for the given trades of a shop (absent when never seen). */
  Map<String, TradeState> states(ShopId shop, Collection<String> tids) {
    Map<String, TradeState> states = new HashMap<>();
    if (tids.isEmpty()) {
      return states;
    }
    RowCallbackHandler row = rs -> {
      if (rs.getLong(1) == shop.value()) {
        states.put(rs.getString(2), TradeState.valueOf(rs.getString(3)));
      }
    };
    if (postgresql) {
      template.query(STATES_POSTGRESQL, row, (Object) tids.toArray(String[]::new));
      return states;
    }
    // by tid alone: H2 would otherwise scan the shop's whole primary-key range for the IN list
    jdbc.sql("select shop_id, tid, state from order_trade where tid in (:tids)").param("tids", List.copyOf(tids)).query(row);
    return states;
  }

  void insertTrades(List<TradeRow> rows, Instant now) {
    template.batchUpdate(INSERT_TRADE, rows, rows.size(), (ps, r) -> {
      ps.setLong(1, r.shopId());
      ps.setString(2, r.tid());
      int i = bindCommon(ps, 3, r, true);
      ps.setObject(i, utc(now));
      ps.setObject(i + 1, utc(now));
    });
  }

  void updateTrades(List<TradeRow> rows, Instant now) {
    template.batchUpdate(UPDATE_TRADE, rows, rows.size(), (ps, r) -> {
      int i = bindCommon(ps, 1, r, false);
      ps.setObject(i, utc(now));
      ps.setLong(i + 1, r.shopId());
      ps.setString(i + 2, r.tid());
    });
  }

  private static int bindCommon(java.sql.PreparedStatement ps, int start, TradeRow r, boolean insert) throws SQLException {
    int i = start;
    ps.setString(i++, r.status());
    ps.setString(i++, r.type());
    ps.setObject(i++, utc(r.created()));
    ps.setObject(i++, utc(r.modified()));
    ps.setObject(i++, r.payTime() == null ? null : utc(r.payTime()));
    ps.setBoolean(i++, r.everPaid());
    ps.setLong(i++, r.paymentFen());
    ps.setLong(i++, r.postFeeFen());
    ps.setString(i++, r.receiverState());
    ps.setString(i++, r.state().name());
    ps.setString(i++, r.exceptionCode());
    return i;
  }

  /**
   * Replaces the stored lines of the given normalised trades. Only trades in {@code seenBefore} can
   * have lines (they are written with the trade's row, in its transaction), so only theirs are deleted.
   */
  void replaceLines(List<Normalised> normalised, Collection<String> seenBefore) {
    if (normalised.isEmpty()) {
      return;
    }
    List<Object[]> keys = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    for (Normalised n : normalised) {
      SalesOrder o = n.order();
      if (seenBefore.contains(n.trade().tid())) {
        keys.add(new Object[] {o.shop().value(), o.orderNo().value()});
      }
      for (int i = 0; i < o.lines().size(); i++) {
        SalesOrderLine l = o.lines().get(i);
        LineOrigin source = n.origins().get(i);
        rows.add(new Object[] {
          o.shop().value(), o.orderNo().value(), l.lineNo(), l.externalLineId(), source.numIid(),
          source.skuId().isEmpty() ? null : source.skuId(),
          l.material().value(), truncate(l.title(), 500), l.quantity(), l.listPriceFen(), l.amountFen()
        });
      }
    }
    if (!keys.isEmpty()) {
      template.batchUpdate("delete from order_line where shop_id = ? and tid = ?", keys);
    }
    template.batchUpdate(INSERT_LINE, rows);
  }

  /** Records the ERP order of a trade; a trade not exported before counts towards {@link #exportedSinceStart()} once committed. */
  void markExported(ShopId shop, String tid, String erpOrderNo, long amountFen, Instant now) {
    Map<String, Object> p = Map.of("no", erpOrderNo, "amount", amountFen, "now", utc(now), "shop", shop.value(), "tid", tid);
    if (jdbc.sql(MARK_EXPORTED + " and state <> 'EXPORTED'").params(p).update() == 0) {
      jdbc.sql(MARK_EXPORTED).params(p).update();
    } else {
      countExportedOnceCommitted(1);
    }
  }

  /**
   * The ERP order of one trade, for {@link #markExported(List, Instant)}.
   *
   * @param erpOrderNo the ERP's sales order number
   * @param amountFen the amount the ERP order carries
   */
  record Exported(ShopId shop, String tid, String erpOrderNo, long amountFen) {}

  /**
   * {@link #markExported(ShopId, String, String, long, Instant)} for several trades: one JDBC batch
   * for the trades not exported before, another for those that were (rare: a redelivery).
   */
  void markExported(List<Exported> trades, Instant now) {
    OffsetDateTime at = utc(now);
    List<Object[]> rows = new ArrayList<>(trades.size());
    for (Exported e : trades) {
      rows.add(new Object[] {e.erpOrderNo(), e.amountFen(), at, at, e.shop().value(), e.tid()});
    }
    int[] counts = template.batchUpdate(MARK_EXPORTED_NEW, rows);
    List<Object[]> again = new ArrayList<>();
    int fresh = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        again.add(rows.get(i));
      } else if (counts[i] > 0) {
        fresh++;
      }
    }
    if (!again.isEmpty()) {
      template.batchUpdate(MARK_EXPORTED_AGAIN, again);
    }
    countExportedOnceCommitted(fresh);
  }

  private void countExportedOnceCommitted(int trades) {
    if (trades == 0) {
      return;
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          exported.addAndGet(trades);
        }
      });
    } else {
      exported.addAndGet(trades);
    }
  }

  /** Trades this process moved to EXPORTED since it started (committed only): a progress count that reads no table. */
  long exportedSinceStart() {
    return exported.get();
  }

  void setState(ShopId shop, String tid, TradeState state, @Nullable String exceptionCode, Instant now) {
    jdbc.sql(SET_STATE)
        .param("state", state.name()).param("code", exceptionCode).param("now", utc(now))
        .param("shop", shop.value()).param("tid", tid)
        .update();
  }

  /** Trades, newest first, optionally only those in one state. */
  List<TradeView> trades(@Nullable TradeState state, @Nullable ShopId shop, int limit) {
    StringBuilder sql = new StringBuilder(SELECT_VIEW).append(" where 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (state != null) {
      sql.append(" and t.state = :state");
      params.put("state", state.name());
    }
    if (shop != null) {
      sql.append(" and t.shop_id = :shop");
      params.put("shop", shop.value());
    }
    sql.append(" order by t.modified desc, t.tid desc limit :limit");
    params.put("limit", limit);
    return jdbc.sql(sql.toString()).params(params).query(OrderRepository::view).list();
  }

  /**
   * Trades newest-modified first, filtered by whichever arguments are not null: {@code tid} matches
   * the start of the trade id, {@code shops} limits to those shops (not empty).
   */
  List<TradeView> search(@Nullable String tid, @Nullable TradeState state, java.util.@Nullable Collection<ShopId> shops,
      int offset, int limit) {
    StringBuilder sql = new StringBuilder(SELECT_VIEW).append(" where 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (tid != null) {
      sql.append(" and t.tid like :tid");
      params.put("tid", tid.replace("%", "").replace("_", "") + "%");
    }
    if (state != null) {
      sql.append(" and t.state = :state");
      params.put("state", state.name());
    }
    if (shops != null) {
      sql.append(" and t.shop_id in (:shops)");
      params.put("shops", shops.stream().map(ShopId::value).toList());
    }
    sql.append(" order by t.modified desc, t.tid desc offset :offset rows fetch next :limit rows only");
    params.put("offset", offset);
    params.put("limit", limit);
    return jdbc.sql(sql.toString()).params(params).query(OrderRepository::view).list();
  }

  /** Trades first seen, and trades exported, at or after {@code from}, in {@code shops} (null: all). */
  long[] receivedAndExportedSince(Instant from, java.util.@Nullable Collection<ShopId> shops) {
    Map<String, Object> params = new HashMap<>();
    params.put("from", from.atOffset(java.time.ZoneOffset.UTC));
    String scope = "";
    if (shops != null) {
      scope = " and shop_id in (:shops)";
      params.put("shops", shops.stream().map(ShopId::value).toList());
    }
    long received = jdbc.sql("select count(*) from order_trade where first_seen_at >= :from" + scope).params(params)
        .query(Long.class).single();
    long exported = jdbc.sql("select count(*) from order_trade where exported_at >= :from" + scope).params(params)
        .query(Long.class).single();
    return new long[] {received, exported};
  }

  /**
   * Counts of trades by the hour of {@code column} ({@code first_seen_at} or {@code exported_at})
   * in {@code [from, from + hours)}: one entry per hour, zero for an hour without rows. Grouped in
   * the database (seconds since {@code from} divided by 3,600), so a busy day sends 24 rows, not
   * every trade.
   */
  List<Long> perHour(String column, Instant from, int hours, java.util.@Nullable Collection<ShopId> shops) {
    if (!column.equals("first_seen_at") && !column.equals("exported_at")) {
      throw new IllegalArgumentException("no hourly count of " + column);
    }
    Map<String, Object> params = new HashMap<>();
    params.put("from", from.atOffset(java.time.ZoneOffset.UTC));
    params.put("to", from.plusSeconds(3600L * hours).atOffset(java.time.ZoneOffset.UTC));
    String scope = "";
    if (shops != null) {
      scope = " and shop_id in (:shops)";
      params.put("shops", shops.stream().map(ShopId::value).toList());
    }
    // the epoch second of the start is a number the code computes, not input: written into the statement so that the
    // grouping expression is the same in the select list and the group by on PostgreSQL
    String hour = "floor((extract(epoch from " + column + ") - " + from.getEpochSecond() + ") / 3600)";
    long[] counts = new long[hours];
    jdbc.sql("select h, count(*) from (select " + hour + " as h from order_trade where " + column + " >= :from and " + column
        + " < :to" + scope + ") x group by h").params(params)
        .query((rs, n) -> {
          int h = rs.getInt(1);
          if (h >= 0 && h < hours) {
            counts[h] = rs.getLong(2);
          }
          return h;
        }).list();
    return java.util.Arrays.stream(counts).boxed().toList();
  }

  /** The external line ids of a trade's lines, in line order. */
  List<String> lineOids(ShopId shop, String tid) {
    return jdbc.sql("select oid from order_line where shop_id = :shop and tid = :tid order by line_no")
        .param("shop", shop.value()).param("tid", tid).query(String.class).list();
  }

  @Nullable TradeView trade(ShopId shop, String tid) {
    return jdbc.sql(SELECT_VIEW + " where t.shop_id = ? and t.tid = ?").params(shop.value(), tid)
        .query(OrderRepository::view).optional().orElse(null);
  }

  List<TradeLineView> lines(ShopId shop, String tid) {
    return jdbc.sql("select line_no, oid, material_code, quantity, amount_fen from order_line where shop_id = ? and tid = ? order by line_no")
        .params(shop.value(), tid)
        .query((rs, n) -> new TradeLineView(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5))).list();
  }

  /** When the last trade was exported, if any. */
  java.util.Optional<Instant> lastExportedAt() {
    return jdbc.sql("select max(exported_at) from order_trade").query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
        .optional().map(OffsetDateTime::toInstant);
  }

  /** The export time of the {@code n}-th trade exported (1-based, in export order), if that many were. */
  java.util.Optional<Instant> nthExportedAt(long n) {
    return jdbc.sql("select exported_at from order_trade where exported_at is not null order by exported_at offset ? rows fetch next 1 rows only")
        .params(n - 1).query((rs, i) -> rs.getObject(1, OffsetDateTime.class)).optional().map(OffsetDateTime::toInstant);
  }

  /** Number of trades per state. */
  Map<TradeState, Long> countByState() {
    Map<TradeState, Long> counts = new HashMap<>();
    jdbc.sql("select state, count(*) from order_trade group by state")
        .query(rs -> { counts.put(TradeState.valueOf(rs.getString(1)), rs.getLong(2)); });
    return counts;
  }

  private static TradeView view(ResultSet rs, int row) throws SQLException {
    OffsetDateTime pay = rs.getObject("pay_time", OffsetDateTime.class);
    long erpAmount = rs.getLong("erp_amount_fen");
    Long erpAmountOrNull = rs.wasNull() ? null : erpAmount;
    return new TradeView(
        rs.getLong("shop_id"), rs.getString("code"), rs.getString("tid"), rs.getString("status"),
        TradeState.valueOf(rs.getString("state")), rs.getObject("created", OffsetDateTime.class).toInstant(),
        rs.getObject("modified", OffsetDateTime.class).toInstant(), pay == null ? null : pay.toInstant(),
        rs.getLong("payment_fen"), rs.getString("erp_order_no"), erpAmountOrNull, rs.getString("exception_code"));
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
