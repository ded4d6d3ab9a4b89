package com.tmallbridge.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.SandboxMaterials;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Trades going through the order path record every stage's timer: a pull cycle (TOP calls, page
 * import, outbox wait, claim and delivery to the built-in ERP), then pushed messages (TMC queue,
 * message handling, pushed import). Counts only: benchmarks, not tests, look at the times. On H2
 * and PostgreSQL.
 */
@SpringBootTest(properties = {"bridge.order.poll-interval=1h", "bridge.channel.tmall.tmc.enabled=true"})
class OrderPathTimersIntegrationTests extends SpringDatabaseTestBase {
  private static TmallSandbox sandbox;

  @Autowired OrderSync sync;
  @Autowired TradeMessages messages;
  @Autowired ShopManagement shops;
  @Autowired ProductManagement products;
  @Autowired ErpRegistry erp;
  @Autowired MeterRegistry meters;

  @DynamicPropertySource
  static void tmc(DynamicPropertyRegistry registry) {
    sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(41));
    registry.add("bridge.channel.tmall.tmc.url", sandbox::tmcUrl);
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @Test
  void everyStageOfPulledAndPushedTradesRecordsItsTimer() throws Exception {
    Instant now = sandbox.clock().instant();
    sandbox.generateHistory(40, now.minus(Duration.ofHours(2)), now.minus(Duration.ofMinutes(1)));
    var c = sandbox.credentials();
    Shop shop = shops.add(new ShopRegistration("TT", c.sellerNick(), sandbox.url(), c.appKey(), c.appSecret(), c.sessionKey(), "md5",
        now.minus(Duration.ofHours(3))));
    SandboxMaterials.seed(sandbox, shop, products, erp, -1);

    sync.runOnce();

    assertThat(count("bridge.tmall.call", "method", "taobao.trades.sold.increment.get")).isPositive();
    assertThat(count("bridge.tmall.permit")).isPositive();
    assertThat(count("bridge.order.import", "via", "poll")).isPositive();
    assertThat(count("bridge.outbox.wait", "type", OrderMessages.CREATE_SALES_ORDER)).isPositive();
    assertThat(count("bridge.outbox.claim")).isPositive();
    assertThat(count("bridge.outbox.delivery", "type", OrderMessages.CREATE_SALES_ORDER)).isPositive();
    assertThat(count("bridge.order.import", "via", "tmc")).as("nothing pushed yet").isZero();
    long pulledPages = count("bridge.tmall.call", "method", "taobao.trades.sold.increment.get");

    sync.start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(messages::connected);
      sandbox.generateLive(4, Duration.ofSeconds(2));
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        assertThat(count("bridge.tmc.queued")).isPositive();
        // a round lists its pushed trades with increment.get (fullinfo.get only as the fall-back, see
        // PushedTradeBatchesIntegrationTests), so the reads show as more list calls than the pull made
        assertThat(count("bridge.tmall.call", "method", "taobao.trades.sold.increment.get")
            + count("bridge.tmall.call", "method", "taobao.trade.fullinfo.get")).isGreaterThan(pulledPages);
        assertThat(count("bridge.order.message")).isPositive();
        assertThat(count("bridge.order.import", "via", "tmc")).isPositive();
      });
    } finally {
      sync.stop();
    }
  }

  private long count(String name, String... tags) {
    return Search.in(meters).name(name).tags(tags).timers().stream().mapToLong(t -> t.count()).sum();
  }
}
