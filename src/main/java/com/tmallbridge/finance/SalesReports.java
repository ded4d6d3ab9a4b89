package com.tmallbridge.finance;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The sales reports, each one set-based SQL statement (SKU and category one more for their totals)
 * over a {@link ReportRange}: sales by day, shop, SKU, category and province; margin per SKU where the
 * ERP keeps a standard cost; refunds by reason; settlement fees and net income by day. Money stays
 * integer fen from the database to the caller.
 *
 * <p>What counts: a trade counts on the day of its {@code pay_time} (China Standard Time), whatever
 * happened to it later (gross sales: a trade refunded later stays in the sales and its refund
 * appears in the refunds report). A refund counts on the day Tmall first reported it as {@code
 * SUCCESS} (its {@code modified} time then). A settlement line counts on the day of its {@code
 * biz_time}, settled or not (the unsettled share is a column of its own).
 *
 * <p>These statements read, read-only, the tables of other modules as a reporting read model:
 * {@code order_trade}, {@code order_line} (order), {@code aftersale_refund}, {@code
 * aftersale_refund_status} (after-sale), {@code product_listing} (product), {@code shop} (shop), besides
 * finance's own {@code finance_settlement_line}. Spring Modulith checks Java dependencies only; going
 * through the façades row by row would not be set-based. A change to one of those columns must
 * update the SQL here ({@code SalesReportsTests} fails otherwise).
 */
@Service
public class SalesReports {
  /**
   * The day of a time as its index in the range (0 = the first day). China Standard Time has had no
   * daylight saving since 1991, so every day is 86,400 seconds long from the range's first midnight;
   * unlike {@code at time zone}, this reads the same on H2 (whose casts use the session's zone) and
   * PostgreSQL. Whole seconds in integer arithmetic: H2 divides the fractional epoch as a numeric of
   * ever larger precision, minutes for 100,000 rows. Integer division truncates, which is the floor
   * here because the range's filter keeps every time at or after the start.
   */
  private static final String DAY = "cast((cast(floor(extract(epoch from %s)) as bigint) - :startEpoch) / 86400 as integer)";

  /** Every paid trade of the range with the sums of its lines (the key is the trade's own, hence max). */
  private static final String TRADES = """
      select max(%s) as k1, '' as k2, max(t.payment_fen) as payment_fen, max(t.post_fee_fen) as post_fee_fen,
             coalesce(sum(l.quantity), 0) as units, coalesce(sum(l.amount_fen), 0) as goods
        from order_trade t join shop s on s.id = t.shop_id
        left join order_line l on l.shop_id = t.shop_id and l.tid = t.tid
       where t.pay_time >= :start and t.pay_time < :end and (:all or t.shop_id in (:shops))
       group by t.shop_id, t.tid""";
  private static final String BY_TRADE = """
      select k1, max(k2) as k2, count(*) as orders, sum(units) as units, sum(goods) as goods, sum(post_fee_fen) as post_fee,
             sum(payment_fen) as payment
        from (%s) x group by k1 order by %s""";

  /**
   * Every line of the range's paid trades, with the category of its item when a listing holds one and
   * the category's name path when the product match has read it.
   */
  private static final String LINES = """
      select %s as k1, %s as k2, l.tid, l.quantity, l.amount_fen
        from order_line l join order_trade t on t.shop_id = l.shop_id and t.tid = l.tid
        left join (select shop_id, num_iid, max(cid) as cid from product_listing group by shop_id, num_iid) p
          on p.shop_id = l.shop_id and p.num_iid = l.num_iid
        left join product_category c on c.cid = p.cid
       where t.pay_time >= :start and t.pay_time < :end and (:all or t.shop_id in (:shops))""";
  private static final String BY_LINE = """
      select k1, max(k2) as k2, count(distinct tid) as orders, sum(quantity) as units, sum(amount_fen) as goods
        from (%s) x group by k1 order by goods desc, k1""";

  /** Refunds that became SUCCESS in the range, by the buyer's reason. */
  private static final String REFUNDS = """
      select k1, max(k2) as k2, count(*) as refunds, sum(num) as units, sum(refund_fee_fen) as amount from (
        select %s as k1, '' as k2, r.num, r.refund_fee_fen
          from aftersale_refund r
          join (select shop_id, refund_id, min(modified) as done from aftersale_refund_status
                 where status = 'SUCCESS' group by shop_id, refund_id) d on d.shop_id = r.shop_id and d.refund_id = r.refund_id
         where r.status = 'SUCCESS' and d.done >= :start and d.done < :end and (:all or r.shop_id in (:shops))) x
       group by k1 order by amount desc, k1""";

  /** Settlement lines of the range by day of their business time, one column per kind. */
  private static final String FEES = """
      select k1, max(k2) as k2, sum(income) as income, sum(post_fee) as post_fee, sum(commission) as commission, sum(points) as points,
             sum(service_fee) as service_fee, sum(refund) as refund, sum(other) as other, sum(amount_fen) as net,
             sum(unsettled) as unsettled from (
        select %s as k1, '' as k2, f.amount_fen,
               case when f.kind = 'INCOME' then f.amount_fen else 0 end as income,
               case when f.kind = 'POST_FEE' then f.amount_fen else 0 end as post_fee,
               case when f.kind = 'COMMISSION' then f.amount_fen else 0 end as commission,
               case when f.kind = 'POINTS' then f.amount_fen else 0 end as points,
               case when f.kind = 'SERVICE_FEE' then f.amount_fen else 0 end as service_fee,
               case when f.kind = 'REFUND' then f.amount_fen else 0 end as refund,
               case when f.kind not in ('INCOME', 'POST_FEE', 'COMMISSION', 'POINTS', 'SERVICE_FEE', 'REFUND') then f.amount_fen else 0 end
                 as other,
               case when f.paid then 0 else f.amount_fen end as unsettled
          from finance_settlement_line f
         where f.biz_time >= :start and f.biz_time < :end and (:all or f.shop_id in (:shops))) x
       group by k1 order by k1""";

  private static final String TOTAL_KEY = "'" + ReportTable.TOTAL + "'";
  private static final List<ReportColumn> TRADE_COLUMNS = List.of(ReportColumn.count("orders"), ReportColumn.count("units"),
      ReportColumn.amount("goods"), ReportColumn.amount("postFee"), ReportColumn.amount("payment"));
  private static final List<ReportColumn> LINE_COLUMNS =
      List.of(ReportColumn.count("orders"), ReportColumn.count("units"), ReportColumn.amount("goods"));
  private static final List<ReportColumn> REFUND_COLUMNS =
      List.of(ReportColumn.count("refunds"), ReportColumn.count("units"), ReportColumn.amount("amount"));
  private static final List<ReportColumn> FEE_COLUMNS = List.of(ReportColumn.amount("income"), ReportColumn.amount("postFee"),
      ReportColumn.amount("commission"), ReportColumn.amount("points"), ReportColumn.amount("serviceFee"),
      ReportColumn.amount("refund"), ReportColumn.amount("other"), ReportColumn.amount("net"), ReportColumn.amount("unsettled"));

  private static final Logger LOG = LoggerFactory.getLogger(SalesReports.class);
  private static final List<ReportColumn> MARGIN_COLUMNS = List.of(ReportColumn.count("units"), ReportColumn.amount("goods"),
      ReportColumn.amount("cost"), ReportColumn.amount("margin"));

  private final JdbcClient jdbc;
  private final Function<Collection<MaterialCode>, List<Material>> materials;

  /** Reads standard costs from the active ERP's {@link MaterialCatalog} (none when it has no catalogue). */
  @Autowired
  SalesReports(JdbcClient jdbc, ErpRegistry erp) {
    this(jdbc, codes -> erp.supports(MaterialCatalog.class) ? erp.capability(MaterialCatalog.class).find(codes) : List.of());
  }

  /** @param materials the ERP's active materials among some codes, with their standard costs where known */
  SalesReports(JdbcClient jdbc, Function<Collection<MaterialCode>, List<Material>> materials) {
    this.jdbc = jdbc;
    this.materials = materials;
  }

  /**
   * Sales of the range grouped as asked. By day, shop and province one row per trade group (orders,
   * units, goods = the lines' amounts, post fee, payment = goods + post fee), by day and shop in
   * their order, by province largest payment first; by SKU and category one row per line group
   * (orders = distinct trades, units, goods), largest goods first. Day rows
   * cover every day of the range (zeros when nothing was paid).
   *
   * @param shops the shops to include; null for every shop
   */
  public ReportTable sales(ReportRange range, @Nullable Collection<ShopId> shops, SalesGrouping by) {
    return switch (by) {
      case DAY -> days(table(by.reportId(), List.of("day"), TRADE_COLUMNS, BY_TRADE.formatted(TRADES.formatted(DAY.formatted("t.pay_time")), "k1"),
          null, range, shops), range);
      case SHOP -> table(by.reportId(), List.of("shop"), TRADE_COLUMNS, BY_TRADE.formatted(TRADES.formatted("s.code"), "k1"),
          null, range, shops);
      case PROVINCE -> table(by.reportId(), List.of("province"), TRADE_COLUMNS,
          BY_TRADE.formatted(TRADES.formatted("coalesce(nullif(t.receiver_state, ''), '-')"), "payment desc, k1"),
          null, range, shops);
      case SKU -> table(by.reportId(), List.of("sku", "title"), LINE_COLUMNS, BY_LINE.formatted(LINES.formatted("l.material_code", "l.title")),
          BY_LINE.formatted(LINES.formatted(TOTAL_KEY, "''")), range, shops);
      case CATEGORY -> table(by.reportId(), List.of("category", "categoryName"), LINE_COLUMNS,
          BY_LINE.formatted(LINES.formatted("coalesce(cast(p.cid as varchar(20)), '-')", "coalesce(c.path, '-')")),
          BY_LINE.formatted(LINES.formatted(TOTAL_KEY, "''")), range, shops);
    };
  }

  /**
   * Refunds that became {@code SUCCESS} in the range, by the buyer's reason ({@code -} when Tmall
   * gave none or the refund was stored before reasons were): refunds, units, amount refunded;
   * largest amount first.
   *
   * @param shops the shops to include; null for every shop
   */
  public ReportTable refunds(ReportRange range, @Nullable Collection<ShopId> shops) {
    return table("refunds", List.of("reason"), REFUND_COLUMNS, REFUNDS.formatted("coalesce(nullif(r.reason, ''), '-')"),
        null, range, shops);
  }

  /**
   * Settlement lines by day of their business time: one column per {@link com.tmallbridge.core.SettlementKind}
   * with its sign (income and post fee positive, the deductions and refunds negative), net = their sum,
   * unsettled = the part of net not yet paid out. Every day of the range has a row.
   *
   * @param shops the shops to include; null for every shop
   */
  public ReportTable fees(ReportRange range, @Nullable Collection<ShopId> shops) {
    return days(table("fees", List.of("day"), FEE_COLUMNS, FEES.formatted(DAY.formatted("f.biz_time")), null, range,
        shops), range);
  }

  /**
   * Margin per SKU for the SKUs whose ERP material has a standard cost: units, goods (as in the SKU
   * report), cost = units × standard cost, margin = goods − cost; largest goods first; totals summed.
   * SKUs without a known cost (no such material, a combo code, no cost kept, or the ERP not
   * answering) are left out: their goods are the SKU report's total goods minus this table's.
   *
   * @param shops the shops to include; null for every shop
   */
  public ReportTable margin(ReportRange range, @Nullable Collection<ShopId> shops) {
    return margin(sales(range, shops, SalesGrouping.SKU));
  }

  private ReportTable margin(ReportTable skus) {
    Map<String, Long> costs = costs(skus.rows().stream().map(r -> new MaterialCode(r.keys().get(0))).toList());
    int units = skus.column("units");
    int goods = skus.column("goods");
    List<ReportRow> rows = new ArrayList<>();
    long[] sum = new long[4];
    for (ReportRow r : skus.rows()) {
      Long unitCost = costs.get(r.keys().get(0));
      if (unitCost == null) {
        continue;
      }
      long cost = Math.multiplyExact(r.value(units), unitCost);
      long[] values = {r.value(units), r.value(goods), cost, Math.subtractExact(r.value(goods), cost)};
      for (int i = 0; i < values.length; i++) {
        sum[i] = Math.addExact(sum[i], values[i]);
      }
      rows.add(new ReportRow(r.keys(), java.util.Arrays.stream(values).boxed().toList()));
    }
    return new ReportTable("margin", skus.keyColumns(), MARGIN_COLUMNS, rows,
        new ReportRow(List.of(ReportTable.TOTAL, ""), java.util.Arrays.stream(sum).boxed().toList()));
  }

  private Map<String, Long> costs(List<MaterialCode> codes) {
    Map<String, Long> costs = new HashMap<>();
    if (codes.isEmpty()) {
      return costs;
    }
    try {
      materials.apply(codes).stream().filter(m -> m.standardCostFen() != null)
          .forEach(m -> costs.put(m.code().value(), m.standardCostFen()));
    } catch (ConnectorException e) {
      LOG.warn("margin report: the ERP did not give the materials' costs, margin left unknown: {}", e.getMessage());
    }
    return costs;
  }

  /** Every report of the range: the sales in each grouping, the margin, then refunds and fees. */
  public ReportSet all(ReportRange range, @Nullable Collection<ShopId> shops) {
    List<ReportTable> tables = new ArrayList<>();
    for (SalesGrouping by : SalesGrouping.values()) {
      tables.add(sales(range, shops, by));
    }
    tables.add(margin(tables.get(SalesGrouping.SKU.ordinal())));
    tables.add(refunds(range, shops));
    tables.add(fees(range, shops));
    return new ReportSet(range, tables);
  }

  /**
   * The table of {@code grouped}'s rows with its totals: {@code total}'s one row when given (for
   * figures that do not add up over the rows, e.g. distinct trades), else the sums of the rows
   * (each record falls in exactly one row).
   */
  private ReportTable table(String id, List<String> keys, List<ReportColumn> columns, String grouped, @Nullable String total,
      ReportRange range, @Nullable Collection<ShopId> shops) {
    List<ReportRow> rows = query(grouped, keys.size(), columns, range, shops);
    if (total == null) {
      return new ReportTable(id, keys, columns, rows, sum(rows, keys.size(), columns.size()));
    }
    List<ReportRow> totals = query(total, keys.size(), columns, range, shops);
    ReportRow sum = totals.isEmpty() ? zero(ReportTable.TOTAL, keys.size(), columns.size()) : totals.get(0);
    return new ReportTable(id, keys, columns, rows, sum);
  }

  private static ReportRow sum(List<ReportRow> rows, int keyCount, int valueCount) {
    long[] sums = new long[valueCount];
    for (ReportRow r : rows) {
      for (int i = 0; i < valueCount; i++) {
        sums[i] = Math.addExact(sums[i], r.value(i));
      }
    }
    ReportRow zero = zero(ReportTable.TOTAL, keyCount, valueCount);
    return new ReportRow(zero.keys(), java.util.Arrays.stream(sums).boxed().toList());
  }

  private List<ReportRow> query(String sql, int keyCount, List<ReportColumn> columns, ReportRange range,
      @Nullable Collection<ShopId> shops) {
    List<Long> ids = shops == null || shops.isEmpty() ? List.of(-1L) : shops.stream().map(ShopId::value).toList();
    return jdbc.sql(sql)
        .param("start", range.start().atOffset(ZoneOffset.UTC))
        .param("end", range.end().atOffset(ZoneOffset.UTC))
        .param("startEpoch", range.start().getEpochSecond())
        .param("all", shops == null)
        .param("shops", ids)
        .query((rs, n) -> row(rs, keyCount, columns.size()))
        .list();
  }

  private static ReportRow row(ResultSet rs, int keyCount, int valueCount) throws SQLException {
    List<String> keys = new ArrayList<>();
    keys.add(rs.getString(1));
    if (keyCount > 1) {
      String second = rs.getString(2);
      keys.add(ReportTable.TOTAL.equals(keys.get(0)) || second == null ? "" : second);
    }
    List<Long> values = new ArrayList<>();
    for (int i = 0; i < valueCount; i++) {
      values.add(rs.getLong(3 + i));
    }
    return new ReportRow(keys, values);
  }

  /** The table with a row for every day of the range, zeros where the database had none. */
  private static ReportTable days(ReportTable table, ReportRange range) {
    Map<String, ReportRow> byDay = new HashMap<>();
    table.rows().forEach(r -> byDay.put(r.keys().get(0), r));
    List<ReportRow> rows = new ArrayList<>();
    List<LocalDate> days = range.days();
    for (int i = 0; i < days.size(); i++) {
      String day = days.get(i).toString();
      ReportRow found = byDay.remove(Integer.toString(i));
      rows.add(found != null ? new ReportRow(List.of(day), found.values()) : zero(day, 1, table.columns().size()));
    }
    if (!byDay.isEmpty()) {
      throw new IllegalStateException("report " + table.id() + " has rows outside " + range + ": " + byDay.keySet());
    }
    return new ReportTable(table.id(), table.keyColumns(), table.columns(), rows, table.totals());
  }

  private static ReportRow zero(String key, int keyCount, int valueCount) {
    List<String> keys = new ArrayList<>();
    keys.add(key);
    while (keys.size() < keyCount) {
      keys.add("");
    }
    return new ReportRow(keys, java.util.Collections.nCopies(valueCount, 0L));
  }
}
