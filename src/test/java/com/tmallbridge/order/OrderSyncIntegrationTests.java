package com.tmallbridge.order;

import com.tmallbridge.erp.ErpOrderStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.channel.UnreadableTrade;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import com.tmallbridge.erp.SalesOrderQuery;
import com.tmallbridge.sandbox.tmall.FaultSettings;
import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.SandboxSku;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.shop.ShopStatus;
import com.tmallbridge.sync.Checkpoints;
import com.tmallbridge.testsupport.CleanDatabase;
import com.tmallbridge.testsupport.SandboxMaterials;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The order flow against the Tmall sandbox and the built-in ERP, on H2 and PostgreSQL. */
@SpringBootTest
@CleanDatabase
class OrderSyncIntegrationTests extends SpringDatabaseTestBase {
  @Autowired OrderSync sync;
  @Autowired OrderManagement orders;
  @Autowired ProductManagement products;
  @Autowired ShopManagement shops;
  @Autowired ErpRegistry erp;
  @Autowired Checkpoints checkpoints;
  @Autowired TradeImporter importer;

  private TmallSandbox sandbox;
  private Instant now;

  @BeforeEach
  void startSandbox() {
    sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(7));
    now = sandbox.clock().instant();
    sandbox.generateHistory(150, now.minus(Duration.ofHours(3)), now.minus(Duration.ofMinutes(1)));
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private Shop addShop(String session) {
    var c = sandbox.credentials();
    return shops.add(new ShopRegistration("T1", "测试店", sandbox.url(), c.appKey(), c.appSecret(), session, "md5", now.minus(Duration.ofHours(4))));
  }

  private Map<String, List<ErpSalesOrderSummary>> erpOrders() {
    List<ErpSalesOrderSummary> all = new ArrayList<>();
    erp.capability(SalesOrderQuery.class).forEachChannelOrder(all::add);
    return all.stream().collect(Collectors.groupingBy(o -> o.orderNo().value()));
  }

  private long itemUsedByPaidTrades() {
    return sandbox.trades().stream().filter(SandboxTrade::everPaid).flatMap(t -> t.lines().stream())
        .collect(Collectors.groupingBy(l -> l.numIid(), Collectors.counting()))
        .entrySet().stream().filter(e -> e.getValue() >= 2).findFirst().orElseThrow().getKey();
  }

  /** Paid, then closed (refunded) before the bridge queued it: its ERP order is never created (docs/order-changes.md). */
  private static boolean closedAfterPayment(SandboxTrade t) {
    return t.everPaid() && "TRADE_CLOSED".equals(t.status());
  }

  @Test
  void exportsEveryPaidTradeOnceHoldsUnmappedOnesAndExportsThemAfterTheFix() throws Exception {
    Shop shop = addShop(sandbox.credentials().sessionKey());
    long missingItem = itemUsedByPaidTrades();
    SandboxMaterials.seed(sandbox, shop, products, erp, missingItem);

    OrderSync.CycleResult first = sync.runOnce();
    assertThat(first.polls()).allSatisfy(p -> assertThat(p.error()).isNull());

    Map<String, List<ErpSalesOrderSummary>> inErp = erpOrders();
    Set<String> held = orders.exceptions(null, 1000).stream().map(ExceptionView::tid).collect(Collectors.toSet());
    for (SandboxTrade t : sandbox.trades()) {
      String tid = Long.toString(t.tid());
      boolean usesMissing = t.lines().stream().anyMatch(l -> l.numIid() == missingItem);
      if (!t.everPaid()) {
        assertThat(inErp).as("unpaid %s", tid).doesNotContainKey(tid);
      } else if (usesMissing) {
        assertThat(held).as("held %s", tid).contains(tid);
        assertThat(inErp).doesNotContainKey(tid);
      } else if (closedAfterPayment(t)) {
        assertThat(inErp.getOrDefault(tid, List.of())).as("closed %s", tid).allSatisfy(o -> assertThat(o.status()).isEqualTo(ErpOrderStatus.CANCELLED));
      } else {
        assertThat(inErp.get(tid)).as("exported %s", tid).hasSize(1);
        assertThat(inErp.get(tid).get(0).totalFen()).isEqualTo(t.paymentFen());
      }
    }
    assertThat(held).isNotEmpty();
    assertThat(orders.exceptions(null, 1000)).allSatisfy(e -> {
      assertThat(e.reasonCode()).isEqualTo("UNMAPPED_SKU");
      assertThat(e.message()).contains("does not have");
    });

    SandboxMaterials.seed(sandbox, shop, products, erp, -1);
    orders.retryAllOpen();
    sync.drain();
    Map<String, List<ErpSalesOrderSummary>> after = erpOrders();
    long paid = sandbox.trades().stream().filter(t -> t.everPaid() && !closedAfterPayment(t)).count();
    assertThat(after.values().stream().filter(l -> l.get(0).status() != ErpOrderStatus.CANCELLED)).hasSize((int) paid);
    assertThat(after.values()).allSatisfy(list -> assertThat(list).hasSize(1));
    assertThat(orders.unresolvedExceptions()).isZero();
  }

  @Test
  void anUnreadableTradeIsHeldAndAReadableVersionReleasesIt() {
    Shop shop = addShop(sandbox.credentials().sessionKey());
    SandboxMaterials.seed(sandbox, shop, products, erp, -1);
    String code = sandbox.items().stream().flatMap(i -> i.skus().stream()).map(SandboxSku::outerId)
        .filter(java.util.Objects::nonNull).findFirst().orElseThrow();

    importer.holdUnreadable(shop, new UnreadableTrade("424242", "{\"tid\":424242,\"payment\":\"x\"}", "payment 'x' is not a number"));

    assertThat(orders.exceptions(null, 10)).singleElement().satisfies(e -> {
      assertThat(e.reasonCode()).isEqualTo("INVALID_TRADE");
      assertThat(e.message()).contains("424242").contains("cannot be read");
    });
    assertThat(orders.trade(shop.id(), "424242")).hasValueSatisfying(t -> assertThat(t.state()).isEqualTo(TradeState.EXCEPTION));

    importer.importPage(shop, List.of(TestTrades.paid("424242", 1_000, 0, List.of(TestTrades.line("1", code, 1, 1_000, 1_000, null)))));
    sync.drain();

    assertThat(orders.trade(shop.id(), "424242")).hasValueSatisfying(t -> assertThat(t.state()).isEqualTo(TradeState.EXPORTED));
    assertThat(orders.unresolvedExceptions()).isZero();
  }

  @Test
  void replayingAWindowChangesNothing() throws Exception {
    Shop shop = addShop(sandbox.credentials().sessionKey());
    SandboxMaterials.seed(sandbox, shop, products, erp, -1);
    long countedBefore = orders.exportedSinceStart();
    long exportedBefore = orders.stateCounts().getOrDefault(TradeState.EXPORTED, 0L);
    sync.runOnce();
    Map<String, List<ErpSalesOrderSummary>> before = erpOrders();
    Map<TradeState, Long> states = orders.stateCounts();
    long counted = orders.exportedSinceStart();
    assertThat(counted - countedBefore).as("the export counter").isEqualTo(states.get(TradeState.EXPORTED) - exportedBefore).isPositive();

    orders.rewind(shop.id(), now.minus(Duration.ofHours(4)));
    OrderSync.CycleResult replay = sync.runOnce();

    assertThat(replay.polls().get(0).received()).as("the rewound period was read again").isEqualTo(150);
    assertThat(replay.polls().get(0).applied()).isZero();
    assertThat(replay.delivered()).isZero();
    assertThat(erpOrders()).isEqualTo(before);
    assertThat(orders.stateCounts()).isEqualTo(states);
    assertThat(orders.exportedSinceStart()).isEqualTo(counted);
  }

  @Test
  void refusesToRewindIntoTheFutureOrBeyondThreeMonths() {
    Shop shop = addShop(sandbox.credentials().sessionKey());
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> orders.rewind(shop.id(), Instant.now().plus(Duration.ofHours(1)))).withMessageContaining("future");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> orders.rewind(shop.id(), Instant.now().minus(Duration.ofDays(100)))).withMessageContaining("3 months");
  }

  @Test
  void aFailedWindowLeavesTheCheckpointAndIsReadAgain() throws Exception {
    Shop shop = addShop(sandbox.credentials().sessionKey());
    SandboxMaterials.seed(sandbox, shop, products, erp, -1);
    sandbox.faults(FaultSettings.none().withPartialListRate(1.0).withMethodErrorRate("taobao.trade.fullinfo.get", 1.0));
    OrderSync.CycleResult failed = sync.runOnce();
    assertThat(failed.polls().get(0).error()).isNotNull();
    Instant oldestChange = sandbox.trades().stream().map(SandboxTrade::modified).min(Instant::compareTo).orElseThrow();
    assertThat(checkpoints.get("tmall", "trades", shop.id()))
        .as("the checkpoint stays before the window that failed")
        .hasValueSatisfying(cp -> assertThat(cp).isBeforeOrEqualTo(oldestChange));
    assertThat(erpOrders()).isEmpty();

    sandbox.faults(FaultSettings.none());
    sync.runOnce();
    long paid = sandbox.trades().stream().filter(t -> t.everPaid() && !closedAfterPayment(t)).count();
    assertThat(erpOrders()).hasSize((int) paid);
    assertThat(checkpoints.get("tmall", "trades", shop.id())).isPresent();
  }

  @Test
  void anInvalidSessionMarksTheShopForReauthorisationAndStopsCallingIt() throws Exception {
    Shop shop = addShop("not-the-session");
    OrderSync.CycleResult r = sync.runOnce();
    assertThat(r.polls().get(0).error()).contains("NEEDS_REAUTHORISATION");
    assertThat(shops.find(shop.id()).orElseThrow().status()).isEqualTo(ShopStatus.NEEDS_REAUTH);
    long calls = sandbox.apiCalls().values().stream().mapToLong(Long::longValue).sum();

    sync.runOnce();
    assertThat(sandbox.apiCalls().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(calls);

    Shop fixed = addShop(sandbox.credentials().sessionKey());
    assertThat(fixed.status()).isEqualTo(ShopStatus.ACTIVE);
    SandboxMaterials.seed(sandbox, fixed, products, erp, -1);
    sync.runOnce();
    assertThat(erpOrders()).isNotEmpty();
  }
}
