package com.tmallbridge.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import com.tmallbridge.erp.SalesOrderQuery;
import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.sandbox.tmall.LiveRun;
import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.sandbox.tmall.TmcSettings;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.SandboxMaterials;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * TMC end to end: the sandbox's top-link WebSocket pushes trade messages (with duplicates and
 * reordering switched on) to the real {@code TmallMessageStream}, and {@link OrderSync} with TMC
 * enabled brings every live trade paid after its one initial poll into the built-in ERP exactly
 * once; the next poll would only come in an hour, so the messages did it. On H2 and PostgreSQL.
 */
@SpringBootTest(properties = {"bridge.order.poll-interval=1h", "bridge.channel.tmall.tmc.enabled=true"})
class TradeMessagesSandboxTests extends SpringDatabaseTestBase {
  private static TmallSandbox sandbox;

  @Autowired OrderSync sync;
  @Autowired TradeMessages messages;
  @Autowired ShopManagement shops;
  @Autowired ProductManagement products;
  @Autowired ErpRegistry erp;

  @DynamicPropertySource
  static void tmc(DynamicPropertyRegistry registry) {
    sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(23));
    sandbox.tmcSettings(TmcSettings.defaults().withDuplicateRate(0.3).withReorderWindow(8).withRedeliveryTimeout(Duration.ofSeconds(2)));
    registry.add("bridge.channel.tmall.tmc.url", sandbox::tmcUrl);
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @Test
  void pushedMessagesBringEveryPaidLiveTradeIntoTheErpExactlyOnce() throws Exception {
    var c = sandbox.credentials();
    Shop shop = shops.add(new ShopRegistration("T1", c.sellerNick(), sandbox.url(), c.appKey(), c.appSecret(), c.sessionKey(), "md5",
        sandbox.clock().instant().minus(Duration.ofMinutes(5))));
    SandboxMaterials.seed(sandbox, shop, products, erp, -1);
    sync.start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(messages::connected);
      await().atMost(Duration.ofSeconds(30)).until(() -> sync.completedCycles() >= 1);

      LiveRun run = sandbox.generateLive(40, Duration.ofSeconds(4));
      assertThat(run.awaitDone(Duration.ofSeconds(60))).isTrue();
      List<String> everPaid = sandbox.trades().stream().filter(SandboxTrade::everPaid).map(t -> Long.toString(t.tid())).toList();
      // a trade refunded and closed right after payment may never get an ERP order (it is not created once closed)
      List<String> paid = sandbox.trades().stream().filter(t -> t.everPaid() && !t.status().startsWith("TRADE_CLOSED"))
          .map(t -> Long.toString(t.tid())).toList();
      assertThat(paid).hasSizeGreaterThan(10);

      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(erpOrders().keySet()).containsAll(paid));
      assertThat(sync.completedCycles()).as("no second poll").isEqualTo(1);
      assertThat(erpOrders().values()).allSatisfy(l -> assertThat(l).hasSize(1));
      assertThat(everPaid).containsAll(erpOrders().keySet());
      assertThat(messages.stats().imported()).isGreaterThanOrEqualTo(paid.size());
      assertThat(sandbox.tmcCounters().get("duplicated")).isPositive();
    } finally {
      sync.stop();
    }
    assertThat(messages.connected()).isFalse();
  }

  private Map<String, List<ErpSalesOrderSummary>> erpOrders() {
    List<ErpSalesOrderSummary> all = new ArrayList<>();
    erp.capability(SalesOrderQuery.class).forEachChannelOrder(all::add);
    return all.stream().collect(Collectors.groupingBy(o -> o.orderNo().value()));
  }

}
