package com.tmallbridge.demo;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.finance.DaySummary;
import com.tmallbridge.finance.ReconciliationManagement;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.stereotype.Service;

/**
 * The reconciliation benchmark: N paid trades of one shop over the last {@value #DAYS} days,
 * written straight into {@code order_trade}, the built-in ERP's sales orders, {@code
 * aftersale_refund} and {@code finance_settlement_line} with JDBC batches (with about 2 % of them
 * given a fault of each category), then the whole span reconciled in one run, next to the floor: a
 * plain {@code SELECT count(*)} joining the same three sides.
 */
@Service
public class ReconcileBenchmark {
  static final int DAYS = 30;
  private static final int BATCH = 1000;

  private final ReconciliationManagement reconciliation;
  private final ShopManagement shops;
  private final DataSource dataSource;

  ReconcileBenchmark(ReconciliationManagement reconciliation, ShopManagement shops, DataSource dataSource) {
    this.reconciliation = reconciliation;
    this.shops = shops;
    this.dataSource = dataSource;
  }

  /**
   * @param seconds the reconciliation's wall time, ERP look-ups through the SPI included
   * @param floorSeconds the plain count join's wall time
   * @param differences differences found
   * @param expected differences the seeded faults should produce
   */
  public record Figures(int orders, double seconds, double floorSeconds, long differences, long expected) {}

  public Figures run(int orders, long seed, Consumer<String> progress) throws SQLException {
    Shop shop = shops.add(new ShopRegistration("BENCH", "对账基准", "http://127.0.0.1:9/router/rest", "k", "s", "x", "md5", null));
    LocalDate last = reconciliation.today().minusDays(1);
    LocalDate first = last.minusDays(DAYS - 1);
    progress.accept("seeding " + orders + " trades over " + first + " .. " + last + " (seed " + seed + ")");
    long t0 = System.nanoTime();
    Seeder seeder = new Seeder(shop, first, new Random(seed));
    long expected = seeder.seed(orders);
    analyze();
    progress.accept(String.format("seeded in %.1f s; reconciling %d days in one run", secondsSince(t0), DAYS));
    Instant overdue = Instant.now().minus(java.time.Duration.ofDays(15));
    expected += seeder.unsettledModified.stream().filter(m -> m.isBefore(overdue)).count();
    long t1 = System.nanoTime();
    List<DaySummary> days = reconciliation.run(shop.id(), first, last);
    double seconds = secondsSince(t1);
    long differences = days.stream().mapToLong(DaySummary::totalDifferences).sum();
    progress.accept(String.format("reconciled in %.2f s: %d differences (%d expected)", seconds, differences, expected));
    long t2 = System.nanoTime();
    long joined = floor(shop, first, last);
    double floorSeconds = secondsSince(t2);
    progress.accept(String.format("floor: count(*) join of the three sides = %d rows in %.2f s", joined, floorSeconds));
    return new Figures(orders, seconds, floorSeconds, differences, expected);
  }

  private long floor(Shop shop, LocalDate first, LocalDate last) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("""
            select count(*) from order_trade t
              join erp_sales_order o on o.shop_code = ? and o.channel_order_no = t.tid
              join finance_settlement_line l on l.shop_id = t.shop_id and l.tid = t.tid
             where t.shop_id = ? and t.pay_time >= ? and t.pay_time < ?""")) {
      s.setString(1, shop.code());
      s.setLong(2, shop.id().value());
      s.setObject(3, utc(first.atStartOfDay(ReconciliationManagement.zone()).toInstant()));
      s.setObject(4, utc(last.plusDays(1).atStartOfDay(ReconciliationManagement.zone()).toInstant()));
      try (var rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private void analyze() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("analyze");
    }
  }

  private static double secondsSince(long nanos) {
    return (System.nanoTime() - nanos) / 1e9;
  }

  static OffsetDateTime utc(Instant i) {
    return i.atOffset(ZoneOffset.UTC);
  }

  /** Writes the rows; one fault at most per trade, drawn from {@code random}. */
  private final class Seeder {
    private final Shop shop;
    private final LocalDate first;
    private final Random random;
    private final List<Instant> unsettledModified = new java.util.ArrayList<>();
    private final Instant cutoffAtSeeding = Instant.now().minus(java.time.Duration.ofDays(15));
    private long expected;
    private int bills;

    Seeder(Shop shop, LocalDate first, Random random) {
      this.shop = shop;
      this.first = first;
      this.random = random;
    }

    long seed(int orders) throws SQLException {
      try (Connection c = dataSource.getConnection();
          PreparedStatement trade = c.prepareStatement("""
              insert into order_trade (shop_id, tid, status, created, modified, pay_time, ever_paid, payment_fen, post_fee_fen, state,
                  first_seen_at, updated_at) values (?, ?, 'TRADE_FINISHED', ?, ?, ?, true, ?, 0, 'EXPORTED', ?, ?)""");
          PreparedStatement header = c.prepareStatement("""
              insert into erp_sales_order (doc_no, shop_code, channel_order_no, customer_no, status, ordered_at, paid_at, post_fee_fen,
                  total_fen, created_at) values (?, ?, ?, 'C1', 'SHIPPED', ?, ?, 0, ?, ?)""");
          PreparedStatement line = c.prepareStatement("""
              insert into erp_sales_order_line (doc_no, line_no, external_line_id, material, quantity, list_price_fen, amount_fen, title)
              values (?, 1, ?, 'M1', 1, ?, ?, 'goods')""");
          PreparedStatement refund = c.prepareStatement("""
              insert into aftersale_refund (shop_id, refund_id, tid, oid, status, status_rank, kind, refund_fee_fen, reported_fee_fen,
                  has_good_return, num, created, modified, stage, shipped_after_intercept, raw_json, first_seen_at, updated_at)
              values (?, ?, ?, ?, 'SUCCESS', 9, 'REFUND_ONLY', ?, ?, false, 1, ?, ?, ?, false, '{}', ?, ?)""");
          PreparedStatement bill = c.prepareStatement("""
              insert into finance_settlement_line (shop_id, bid, account_id, kind, tid, amount_fen, paid, biz_time, pay_time, imported_at,
                  updated_at) values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
        c.setAutoCommit(false);
        for (int i = 0; i < orders; i++) {
          one(i, trade, header, line, refund, bill);
          if ((i + 1) % BATCH == 0 || i == orders - 1) {
            for (PreparedStatement s : List.of(trade, header, line, refund, bill)) {
              s.executeBatch();
            }
            c.commit();
          }
        }
      }
      return expected;
    }

    private void one(int i, PreparedStatement trade, PreparedStatement header, PreparedStatement line, PreparedStatement refund,
        PreparedStatement bill) throws SQLException {
      String tid = Long.toString(100_000_000L + i);
      LocalDate day = first.plusDays(i % DAYS);
      Instant paid = day.atStartOfDay(ReconciliationManagement.zone()).toInstant().plusSeconds(60 + random.nextInt(86_000));
      Instant modified = paid.plusSeconds(3600);
      OffsetDateTime at = utc(paid);
      long payment = 1_000 + random.nextInt(99_000);
      int fault = random.nextInt(1000);
      trade.setLong(1, shop.id().value());
      trade.setString(2, tid);
      trade.setObject(3, at);
      trade.setObject(4, utc(modified));
      trade.setObject(5, at);
      trade.setLong(6, payment);
      trade.setObject(7, at);
      trade.setObject(8, at);
      trade.addBatch();
      if (fault >= 10) { // 1 %: missing in the ERP
        long total = fault < 15 ? payment - 100 : payment; // 0.5 %: amount mismatch
        header.setString(1, "SO" + tid);
        header.setString(2, shop.code());
        header.setString(3, tid);
        header.setObject(4, at);
        header.setObject(5, at);
        header.setLong(6, total);
        header.setObject(7, at);
        header.addBatch();
        line.setString(1, "SO" + tid);
        line.setString(2, tid);
        line.setLong(3, total);
        line.setLong(4, total);
        line.addBatch();
      }
      expected += fault < 15 ? 1 : 0;
      long refunded = 0;
      if (fault >= 15 && fault < 35) { // 2 % refunded by a quarter; a quarter of those not reflected in the ERP
        refunded = payment / 4;
        refund.setLong(1, shop.id().value());
        refund.setString(2, "R" + tid);
        refund.setString(3, tid);
        refund.setString(4, tid);
        refund.setLong(5, refunded);
        refund.setLong(6, refunded);
        for (int p = 7; p <= 8; p++) {
          refund.setObject(p, at);
        }
        refund.setString(9, fault < 20 ? "OPEN" : "ADJUSTED");
        refund.setObject(10, at);
        refund.setObject(11, at);
        refund.addBatch();
        expected += fault < 20 ? 1 : 0;
      }
      boolean nearCutoff = Math.abs(java.time.Duration.between(cutoffAtSeeding, modified).toHours()) < 2; // the run's cutoff is later
      if (fault >= 45 && fault < 145 && !nearCutoff) { // 10 % unsettled: income waiting, no fees yet
        bill(bill, tid, "INCOME", payment - refunded, false, paid);
        unsettledModified.add(modified);
        return;
      }
      long income = fault >= 40 && fault < 45 ? payment - 100 : payment; // 0.5 %: settlement mismatch
      expected += fault >= 35 && fault < 45 ? 1 : 0; // 0.5 %: commission at 7 %
      bill(bill, tid, "INCOME", income, true, paid);
      if (refunded > 0) {
        bill(bill, tid, "REFUND", -refunded, true, paid);
      }
      bill(bill, tid, "COMMISSION", -(income * (fault >= 35 && fault < 40 ? 70 : 50) / 1000), true, paid);
      bill(bill, tid, "POINTS", -(income * 5 / 1000), true, paid);
      bill(bill, tid, "SERVICE_FEE", -(income * 10 / 1000), true, paid);
      if (i % 1000 == 999) { // 0.1 %: a settlement line of a trade the bridge never read
        bill(bill, "9" + tid, "INCOME", payment, true, paid);
        expected++;
      }
    }

    private void bill(PreparedStatement bill, String tid, String kind, long amount, boolean settled, Instant at) throws SQLException {
      bill.setLong(1, shop.id().value());
      bill.setString(2, "BB" + (++bills));
      bill.setString(3, kind);
      bill.setString(4, tid);
      bill.setLong(5, amount);
      bill.setBoolean(6, settled);
      bill.setObject(7, utc(at));
      bill.setObject(8, settled ? utc(at) : null);
      bill.setObject(9, utc(at));
      bill.setObject(10, utc(at));
      bill.addBatch();
    }
  }
}
