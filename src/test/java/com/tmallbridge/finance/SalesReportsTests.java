package com.tmallbridge.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.core.ErrorCode;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.Material;
import com.tmallbridge.testsupport.DatabaseTest;
import com.tmallbridge.testsupport.TestDatabase;
import com.tmallbridge.testsupport.TestErrorCode;
import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalDate;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The reports' figures on {@link ReportSeed}'s data set, exact to the fen, on each database. */
@DatabaseTest
class SalesReportsTests {
  static final ReportRange RANGE = new ReportRange(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-03"));

  private static final ErrorCode DOWN = new TestErrorCode("TEST-001", "the ERP is down");

  private final TestDatabase database = TestDatabase.create();
  private final HikariDataSource dataSource = dataSource(database);
  private final JdbcTemplate template = new JdbcTemplate(dataSource);
  private final SalesReports reports = reports(template);

  /** Reports whose ERP knows materials A (standard cost 30.00) and B (no cost). */
  static SalesReports reports(JdbcTemplate template) {
    List<Material> erp = List.of(new Material(new MaterialCode("A"), "A", "pcs", 5000, 3000L), new Material(new MaterialCode("B"), "B", "pcs",
        5050));
    return new SalesReports(JdbcClient.create(template), codes -> erp.stream().filter(m -> codes.contains(m.code())).toList());
  }

  static HikariDataSource dataSource(TestDatabase database) {
    HikariDataSource ds = new HikariDataSource();
    ds.setJdbcUrl(database.url());
    ds.setUsername(database.username());
    ds.setPassword(database.password());
    ds.setMaximumPoolSize(2);
    Flyway.configure().dataSource(ds).locations(database.migrationLocations()).load().migrate();
    return ds;
  }

  @BeforeEach
  void seed() {
    new ReportSeed(JdbcClient.create(template)).insertAll();
  }

  @AfterEach
  void close() {
    if (database.kind().equals("postgres")) {
      template.execute("DROP SCHEMA " + template.queryForObject("SELECT current_schema()", String.class) + " CASCADE");
    }
    dataSource.close();
  }

  @Test
  void salesByDayCountEveryDayOfTheRangeByPaidTimeInBeijing() {
    ReportTable t = reports.sales(RANGE, null, SalesGrouping.DAY);

    assertThat(t.header()).containsExactly("day", "orders", "units", "goods", "postFee", "payment");
    assertThat(t.rows()).extracting(t::texts).containsExactly(
        List.of("2026-11-01", "2", "4", "200.49", "10.00", "210.49"),
        List.of("2026-11-02", "0", "0", "0.00", "0.00", "0.00"),
        List.of("2026-11-03", "1", "3", "151.50", "8.00", "159.50"));
    assertThat(t.texts(t.totals())).containsExactly("TOTAL", "3", "7", "351.99", "18.00", "369.99");
  }

  @Test
  void salesByShopAndProvince() {
    ReportTable shops = reports.sales(RANGE, null, SalesGrouping.SHOP);
    assertThat(shops.rows()).extracting(shops::texts).containsExactly(
        List.of("TM01", "2", "4", "200.49", "10.00", "210.49"),
        List.of("TM02", "1", "3", "151.50", "8.00", "159.50"));
    assertThat(shops.texts(shops.totals())).containsExactly("TOTAL", "3", "7", "351.99", "18.00", "369.99");

    ReportTable provinces = reports.sales(RANGE, null, SalesGrouping.PROVINCE);
    assertThat(provinces.rows()).extracting(provinces::texts).containsExactly(
        List.of("浙江省", "2", "4", "200.49", "10.00", "210.49"),
        List.of("广东省", "1", "3", "151.50", "8.00", "159.50"));
    assertThat(provinces.texts(provinces.totals())).containsExactly("TOTAL", "3", "7", "351.99", "18.00", "369.99");
  }

  @Test
  void salesBySkuAndCategoryCountATradeOnceInTheTotal() {
    ReportTable skus = reports.sales(RANGE, null, SalesGrouping.SKU);
    assertThat(skus.header()).containsExactly("sku", "title", "orders", "units", "goods");
    assertThat(skus.rows()).extracting(skus::texts).containsExactly(
        List.of("B", "商品 B", "2", "4", "202.00"),
        List.of("A", "商品 A", "2", "3", "149.99"));
    assertThat(skus.texts(skus.totals())).containsExactly("TOTAL", "", "3", "7", "351.99");

    ReportTable categories = reports.sales(RANGE, null, SalesGrouping.CATEGORY);
    assertThat(categories.header()).containsExactly("category", "categoryName", "orders", "units", "goods");
    assertThat(categories.rows()).extracting(categories::texts).containsExactly(
        List.of("-", "-", "1", "3", "151.50"),
        List.of("50010", "女装/女士精品 > 连衣裙", "2", "3", "149.99"),
        List.of("50020", "-", "1", "1", "50.50"));
    assertThat(categories.texts(categories.totals())).containsExactly("TOTAL", "", "3", "7", "351.99");
  }

  @Test
  void marginOnlyForMaterialsWithAStandardCost() {
    ReportTable t = reports.margin(RANGE, null);

    assertThat(t.header()).containsExactly("sku", "title", "units", "goods", "cost", "margin");
    assertThat(t.rows()).extracting(t::texts).containsExactly(List.of("A", "商品 A", "3", "149.99", "90.00", "59.99"));
    assertThat(t.texts(t.totals())).containsExactly("TOTAL", "", "3", "149.99", "90.00", "59.99");
    ReportTable noErp = new SalesReports(JdbcClient.create(template), codes -> {
      throw new ConnectorException(DOWN, true, "down");
    }).margin(RANGE, null);
    assertThat(noErp.rows()).isEmpty();
    assertThat(noErp.totals().values()).containsOnly(0L);
  }

  @Test
  void refundsByReasonOnTheDayTheyFirstSucceeded() {
    ReportTable t = reports.refunds(RANGE, null);

    assertThat(t.rows()).extracting(t::texts).containsExactly(
        List.of("质量问题", "2", "2", "101.00"),
        List.of("七天无理由", "1", "1", "50.50"),
        List.of("-", "1", "1", "49.99"));
    assertThat(t.texts(t.totals())).containsExactly("TOTAL", "4", "4", "201.49");
  }

  @Test
  void feesAndNetIncomeByDayWithTheUnsettledShare() {
    ReportTable t = reports.fees(RANGE, null);

    assertThat(t.header()).containsExactly("day", "income", "postFee", "commission", "points", "serviceFee", "refund", "other", "net",
        "unsettled");
    assertThat(t.rows()).extracting(t::texts).containsExactly(
        List.of("2026-11-01", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"),
        List.of("2026-11-02", "150.50", "10.00", "-3.21", "-0.75", "-1.00", "0.00", "0.00", "155.54", "-1.00"),
        List.of("2026-11-03", "151.50", "0.00", "0.00", "0.00", "0.00", "-50.50", "-0.01", "100.99", "151.49"));
    assertThat(t.texts(t.totals())).containsExactly("TOTAL", "302.00", "10.00", "-3.21", "-0.75", "-1.00", "-50.50", "-0.01", "256.53",
        "150.49");
  }

  @Test
  void aShopFilterKeepsOnlyThatShopsRows() {
    List<ShopId> tm02 = List.of(new ShopId(2));

    ReportTable sales = reports.sales(RANGE, tm02, SalesGrouping.SHOP);
    assertThat(sales.rows()).extracting(sales::texts).containsExactly(List.of("TM02", "1", "3", "151.50", "8.00", "159.50"));
    assertThat(sales.texts(sales.totals())).containsExactly("TOTAL", "1", "3", "151.50", "8.00", "159.50");
    assertThat(reports.refunds(RANGE, tm02).totals().values()).containsExactly(2L, 2L, 10100L);
    assertThat(reports.fees(RANGE, tm02).totals().value(reports.fees(RANGE, tm02).column("net"))).isEqualTo(15149L);
    ReportTable none = reports.sales(RANGE, List.of(), SalesGrouping.DAY);
    assertThat(none.totals().values()).containsOnly(0L);
  }

  @Test
  void allHoldsEveryReportInSheetOrder() {
    assertThat(reports.all(RANGE, null).tables()).extracting(ReportTable::id).containsExactly("sales-day", "sales-shop", "sales-sku",
        "sales-category", "sales-province", "margin", "refunds", "fees");
  }

  @Test
  void aRangeBackwardsOrLongerThanAYearIsRefused() {
    assertThatThrownBy(() -> new ReportRange(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-01")))
        .hasMessageContaining("before --from");
    assertThatThrownBy(() -> new ReportRange(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-02")))
        .hasMessageContaining("366 days");
    assertThat(new ReportRange(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31")).days()).hasSize(366);
  }
}
