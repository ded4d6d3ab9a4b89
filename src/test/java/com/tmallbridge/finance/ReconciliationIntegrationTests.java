package com.tmallbridge.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.ErrorCode;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.ErpConnector;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import com.tmallbridge.erp.SalesOrderQuery;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.CleanDatabase;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import com.tmallbridge.testsupport.TestErrorCode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Each difference category made to appear and then to disappear once the side in error is fixed,
 * a re-run replacing the day's result, and a clean trade finding nothing; on H2 and PostgreSQL.
 */
@SpringBootTest
@CleanDatabase
class ReconciliationIntegrationTests extends SpringDatabaseTestBase {
  @Autowired ReconciliationManagement reconciliation;
  @Autowired ShopManagement shops;
  @Autowired DataSource dataSource;
  @Autowired ReconciliationCondition alertCondition;
  @Autowired ReconciliationRepository repository;
  @Autowired ErpRegistry erp;
  @Autowired FeeRateProperties rates;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Clock clock;

  private Shop shop;
  private ReconciliationRows rows;
  private LocalDate day;

  @BeforeEach
  void setUp() {
    shop = shops.add(new ShopRegistration("RC", "对账店", "http://127.0.0.1:1/router/rest", "k", "s", "x", "md5", null));
    rows = new ReconciliationRows(JdbcClient.create(dataSource), shop.id().value(), shop.code());
    day = reconciliation.today().minusDays(2);
  }

  /** A trade all three sides agree on: paid 100.00, in the ERP, settled with fees at their rates. */
  private void cleanTrade(String tid, LocalDate on) {
    rows.trade(tid, on, "TRADE_FINISHED", 10_000);
    rows.erpOrder(tid, 10_000, "SHIPPED");
    rows.settled(tid, 10_000, on);
  }

  private List<Difference> differences(LocalDate on) {
    return reconciliation.differences(shop.id(), on, null, 1000);
  }

  @Test
  void aTradeAllSidesAgreeOnHasNoDifferenceAndCountsInTheSummary() {
    cleanTrade("1001", day);
    rows.trade("1002", day.plusDays(1), "TRADE_FINISHED", 5_000); // another day: not counted

    DaySummary summary = reconciliation.run(shop.id(), day);

    assertThat(differences(day)).isEmpty();
    assertThat(summary.orders()).isEqualTo(1);
    assertThat(summary.tmallPaidFen()).isEqualTo(10_000);
    assertThat(summary.erpOrders()).isEqualTo(1);
    assertThat(summary.erpFen()).isEqualTo(10_000);
    assertThat(summary.settledFen()).isEqualTo(10_000);
    assertThat(summary.feesFen()).isEqualTo(-650);
    assertThat(summary.totalDifferences()).isZero();
  }

  @Test
  void missingInErpAppearsUntilTheErpHasTheOrder() {
    rows.trade("2001", day, "WAIT_SELLER_SEND_GOODS", 8_800);
    rows.trade("2002", day, "TRADE_CLOSED", 1_000); // refunded in full before export: nothing owed

    assertThat(reconciliation.run(shop.id(), day).differences()).containsEntry(DifferenceCategory.MISSING_IN_ERP, 1);
    assertThat(differences(day)).extracting(Difference::tid, Difference::category, Difference::tmallFen, Difference::erpFen)
        .containsExactly(tuple("2001", DifferenceCategory.MISSING_IN_ERP, 8_800L, null));

    rows.erpOrder("2001", 8_800, "CONFIRMED");
    assertThat(reconciliation.run(shop.id(), day).totalDifferences()).isZero();
  }

  @Test
  void amountMismatchAppearsUntilTheErpTotalEqualsThePayment() {
    cleanTrade("3001", day);
    rows.erpTotal("3001", 9_000);

    reconciliation.run(shop.id(), day);
    assertThat(differences(day)).extracting(Difference::category, Difference::tmallFen, Difference::erpFen)
        .containsExactly(tuple(DifferenceCategory.AMOUNT_MISMATCH, 10_000L, 9_000L));

    rows.erpTotal("3001", 10_000);
    reconciliation.run(shop.id(), day);
    assertThat(differences(day)).isEmpty();
  }

  @Test
  void refundNotReflectedAppearsUntilTheAfterSaleFlowBookedIt() {
    rows.trade("4001", day, "TRADE_FINISHED", 10_000);
    rows.erpOrder("4001", 10_000, "SHIPPED");
    rows.settled("4001", 10_000, day);
    rows.line("4001", "REFUND", -3_000, true, day);
    rows.refund("R4001", "4001", 3_000, "OPEN");

    reconciliation.run(shop.id(), day);
    assertThat(differences(day)).extracting(Difference::category, Difference::tmallFen, Difference::erpFen)
        .containsExactly(tuple(DifferenceCategory.REFUND_NOT_REFLECTED, 7_000L, 10_000L));

    rows.refundStage("R4001", "ADJUSTED");
    reconciliation.run(shop.id(), day);
    assertThat(differences(day)).isEmpty();
  }

  @Test
  void settledUnknownTradeAppearsUntilTheTradeIsRead() {
    rows.settled("5001", 4_000, day);

    reconciliation.run(shop.id(), day);
    assertThat(differences(day)).extracting(Difference::tid, Difference::category, Difference::settledFen)
        .containsExactly(tuple("5001", DifferenceCategory.SETTLED_UNKNOWN_TRADE, 3_740L));

    rows.trade("5001", day, "TRADE_FINISHED", 4_000);
    rows.erpOrder("5001", 4_000, "SHIPPED");
    reconciliation.run(shop.id(), day);
    assertThat(differences(day)).isEmpty();
  }

  @Test
  void unsettledPastDaysAppearsUntilTheIncomeIsPaid() {
    LocalDate old = reconciliation.today().minusDays(20);
    rows.trade("6001", old, "TRADE_FINISHED", 2_000);
    rows.erpOrder("6001", 2_000, "SHIPPED");
    rows.trade("6002", day, "TRADE_FINISHED", 2_000); // finished two days ago: not overdue yet
    rows.erpOrder("6002", 2_000, "SHIPPED");
    String income = rows.line("6001", "INCOME", 2_000, false, old);

    reconciliation.run(shop.id(), old, day);
    assertThat(differences(old)).extracting(Difference::category, Difference::tmallFen, Difference::settledFen)
        .containsExactly(tuple(DifferenceCategory.UNSETTLED_PAST_DAYS, 2_000L, 2_000L));
    assertThat(differences(day)).isEmpty();

    rows.jdbcPaid(income);
    rows.line("6001", "COMMISSION", -100, true, old);
    rows.line("6001", "POINTS", -10, true, old);
    rows.line("6001", "SERVICE_FEE", -20, true, old);
    reconciliation.run(shop.id(), old);
    assertThat(differences(old)).isEmpty();
  }

  @Test
  void feeOutOfRateAppearsUntilTheFeeIsAtItsRateAndToleratesOneFenOfRounding() {
    cleanTrade("7001", day);
    String commission = rows.line("7001", "COMMISSION", -200, true, day); // 500 + 200 = 7 %
    rows.trade("7002", day, "TRADE_FINISHED", 999);
    rows.erpOrder("7002", 999, "SHIPPED");
    rows.line("7002", "INCOME", 999, true, day);
    rows.line("7002", "COMMISSION", -50, true, day); // 49.95 rounds to 50
    rows.line("7002", "POINTS", -5, true, day);
    rows.line("7002", "SERVICE_FEE", -10, true, day);

    reconciliation.run(shop.id(), day);
    assertThat(differences(day)).extracting(Difference::tid, Difference::category, Difference::tmallFen, Difference::settledFen)
        .containsExactly(tuple("7001", DifferenceCategory.FEE_OUT_OF_RATE, -500L, -700L));
    assertThat(differences(day).get(0).detail()).startsWith("COMMISSION outside 5% ± 0.1%");

    rows.lineAmount(commission, 0);
    reconciliation.run(shop.id(), day);
    assertThat(differences(day)).isEmpty();
  }

  @Test
  void settlementMismatchAppearsUntilIncomeAndRefundsEqualThePaymentNetOfRefunds() {
    rows.trade("8001", day, "TRADE_FINISHED", 10_000);
    rows.erpOrder("8001", 10_000, "SHIPPED");
    rows.refund("R8001", "8001", 2_500, "ADJUSTED");
    rows.settled("8001", 10_000, day);
    String refund = rows.line("8001", "REFUND", -2_000, true, day);

    reconciliation.run(shop.id(), day);
    assertThat(differences(day)).extracting(Difference::category, Difference::tmallFen, Difference::settledFen)
        .containsExactly(tuple(DifferenceCategory.SETTLEMENT_MISMATCH, 7_500L, 8_000L));

    rows.lineAmount(refund, -2_500);
    reconciliation.run(shop.id(), day);
    assertThat(differences(day)).isEmpty();
  }

  @Test
  void runningADayAgainReplacesItsResult() {
    rows.trade("9001", day, "WAIT_SELLER_SEND_GOODS", 1_000);
    rows.trade("9002", day, "WAIT_SELLER_SEND_GOODS", 1_000);
    DaySummary first = reconciliation.run(shop.id(), day);
    DaySummary second = reconciliation.run(shop.id(), day);

    assertThat(second.runId()).isGreaterThan(first.runId());
    assertThat(differences(day)).hasSize(2).allSatisfy(d -> assertThat(d.runId()).isEqualTo(second.runId()));
    assertThat(reconciliation.days(List.of(shop.id()), day, day)).singleElement()
        .satisfies(s -> assertThat(s.differences()).containsEntry(DifferenceCategory.MISSING_IN_ERP, 2));
    for (String staging : List.of("finance_recon_span", "finance_recon_trade", "finance_recon_refund", "finance_recon_unknown",
        "finance_recon_erp")) {
      assertThat(JdbcClient.create(dataSource).sql("select count(*) from " + staging).query(Long.class).single()).as(staging).isZero();
    }
  }

  @Test
  void aDayWhoseLastRunFoundDifferencesRaisesAnAlertUntilARunFindsNone() {
    rows.trade("9101", day, "WAIT_SELLER_SEND_GOODS", 1_000);
    reconciliation.run(shop.id(), day);

    assertThat(alertCondition.findings(java.time.Instant.now())).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(com.tmallbridge.alert.AlertKind.RECONCILIATION_DIFFERENCE);
      assertThat(f.subject()).isEqualTo("RC " + day);
      assertThat(f.shop()).isEqualTo(shop.id());
      assertThat(f.text()).startsWith("1 reconciliation difference(s) on " + day);
    });

    rows.erpOrder("9101", 1_000, "CONFIRMED");
    reconciliation.run(shop.id(), day);
    assertThat(alertCondition.findings(java.time.Instant.now())).isEmpty();
  }

  @Test
  void theErpSideIsReadInBatchesByParallelReadersAndAFailedBatchFailsTheRunKeepingThePreviousResult() {
    for (int i = 0; i < 7; i++) {
      cleanTrade("810" + i, day);
    }
    rows.trade("8200", day, "WAIT_SELLER_SEND_GOODS", 1_000); // no ERP order
    SalesOrderQuery builtIn = erp.capability(SalesOrderQuery.class);
    ReconciliationProperties twoByTwo = new ReconciliationProperties(15, 2, 3, 2);

    CountingErp counting = new CountingErp(builtIn, 0);
    long run = new Reconciler(repository, new ErpRegistry(List.of(counting), "counting"), twoByTwo, rates, transactions, clock)
        .run(shop, List.of(day));

    assertThat(counting.batches).hasSize(4).allSatisfy(n -> assertThat(n).isBetween(1, 2));
    assertThat(differences(day)).extracting(Difference::tid, Difference::category, Difference::runId)
        .containsExactly(tuple("8200", DifferenceCategory.MISSING_IN_ERP, run));
    assertThat(reconciliation.days(List.of(shop.id()), day, day)).singleElement()
        .satisfies(s -> assertThat(s.erpOrders()).isEqualTo(7));

    CountingErp failing = new CountingErp(builtIn, 3);
    assertThatThrownBy(() -> new Reconciler(repository, new ErpRegistry(List.of(failing), "counting"), twoByTwo, rates, transactions,
        clock).run(shop, List.of(day))).isInstanceOf(ConnectorException.class).hasMessageContaining("batch 3 lost");

    assertThat(differences(day)).extracting(Difference::tid, Difference::runId).containsExactly(tuple("8200", run));
    assertThat(JdbcClient.create(dataSource).sql("select count(*) from finance_recon_erp").query(Long.class).single()).isZero();
  }

  /** The built-in ERP's look-ups, counted; the {@code failAt}-th (1-based; 0: none) throws. */
  private static final class CountingErp implements ErpConnector, SalesOrderQuery {
    private static final ErrorCode LOST = new TestErrorCode("TEST-LOST", "the answer was lost");
    private final SalesOrderQuery delegate;
    private final int failAt;
    private final AtomicInteger calls = new AtomicInteger();
    final List<Integer> batches = new CopyOnWriteArrayList<>();

    CountingErp(SalesOrderQuery delegate, int failAt) {
      this.delegate = delegate;
      this.failAt = failAt;
    }

    @Override
    public String id() {
      return "counting";
    }

    @Override
    public String displayName() {
      return "Counting";
    }

    @Override
    public Health check() {
      return new Health(true, "ok");
    }

    @Override
    public Optional<ErpSalesOrderSummary> findByChannelOrder(String shopCode, ChannelOrderNo orderNo) {
      return delegate.findByChannelOrder(shopCode, orderNo);
    }

    @Override
    public Map<ChannelOrderNo, ErpSalesOrderSummary> findByChannelOrders(String shopCode, Collection<ChannelOrderNo> orderNos) {
      int call = calls.incrementAndGet();
      batches.add(orderNos.size());
      if (call == failAt) {
        throw new ConnectorException(LOST, true, "batch " + call + " lost");
      }
      return delegate.findByChannelOrders(shopCode, orderNos);
    }

    @Override
    public void forEachChannelOrder(Consumer<ErpSalesOrderSummary> sink) {
      delegate.forEachChannelOrder(sink);
    }
  }
}
