package com.tmallbridge.aftersale;

import com.tmallbridge.erp.ErpOrderStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.erp.DeliveryHold;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import com.tmallbridge.erp.SalesOrderQuery;
import com.tmallbridge.order.OrderSync;
import com.tmallbridge.order.RefundChangeNoticed;
import com.tmallbridge.order.TradeMessages;
import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.sandbox.tmall.FaultSettings;
import com.tmallbridge.sandbox.tmall.RefundKind;
import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.SandboxRefund;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.sandbox.tmall.TmcSettings;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.SandboxMaterials;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Refunds pushed by the sandbox's TMC (every message published twice) reach the after-sale store
 * and their ERP effect while order and refund polling wait an hour after their first pull: a fetch
 * that fails fails the message, which comes again and then goes through; duplicates change
 * nothing. On H2 and PostgreSQL.
 */
@SpringBootTest(properties = {"bridge.order.poll-interval=1h", "bridge.aftersale.poll-interval=1h",
    "bridge.channel.tmall.tmc.enabled=true", "bridge.channel.tmall.max-attempts=2"})
class AfterSaleMessagesSandboxTests extends SpringDatabaseTestBase {
  private static TmallSandbox sandbox;

  @Autowired OrderSync orderSync;
  @Autowired RefundSync refundSync;
  @Autowired TradeMessages messages;
  @Autowired AfterSaleManagement afterSale;
  @Autowired ShopManagement shops;
  @Autowired ProductManagement products;
  @Autowired ErpRegistry erp;
  @Autowired ApplicationEventPublisher events;

  @DynamicPropertySource
  static void tmc(DynamicPropertyRegistry registry) {
    sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(31));
    sandbox.tmcSettings(TmcSettings.defaults().withDuplicateRate(1.0).withRedeliveryTimeout(Duration.ofSeconds(1)));
    registry.add("bridge.channel.tmall.tmc.url", sandbox::tmcUrl);
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @Test
  void aPushedRefundBeforeShippingHoldsTheErpDeliveryAfterAFailedFetchAndDuplicatesChangeNothing() {
    Instant now = sandbox.clock().instant();
    sandbox.generateHistory(30, now.minus(Duration.ofHours(2)), now.minus(Duration.ofMinutes(1)));
    var c = sandbox.credentials();
    Shop shop = shops.add(new ShopRegistration("TR", c.sellerNick(), sandbox.url(), c.appKey(), c.appSecret(), c.sessionKey(), "md5",
        now.minus(Duration.ofHours(3))));
    SandboxMaterials.seed(sandbox, shop, products, erp, -1);
    orderSync.start();
    refundSync.start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(messages::connected);
      await().atMost(Duration.ofSeconds(30)).until(() -> orderSync.completedCycles() >= 1 && refundSync.completedCycles() >= 1);
      SandboxTrade trade = await().atMost(Duration.ofSeconds(30)).until(this::confirmedTrade, Optional::isPresent).orElseThrow();
      ErpDocNo so = erpOrder(trade).orElseThrow().docNo();

      sandbox.faults(FaultSettings.none().withMethodErrorRate("taobao.refund.get", 1.0));
      SandboxRefund opened = sandbox.openRefund(trade.tid(), trade.lines().get(0).oid(), RefundKind.REFUND_ONLY, null, "不想要了");
      String refundId = Long.toString(opened.refundId());
      await().atMost(Duration.ofSeconds(30)).until(() -> messages.stats().failed() >= 1 && sandbox.tmcCounters().get("failed") >= 1);
      assertThat(afterSale.refund(shop.id(), refundId)).as("nothing stored while the fetch fails").isEmpty();

      sandbox.faults(FaultSettings.none());
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        assertThat(afterSale.refund(shop.id(), refundId)).hasValueSatisfying(d -> assertThat(d.refund().stage()).isEqualTo(RefundStage.HELD));
        assertThat(erp.capability(DeliveryHold.class).isHeld(so)).isTrue();
      });
      await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.tmcCounters().get("inFlight") == 0 && sandbox.tmcCounters().get("ready") == 0);
      RefundDetail held = afterSale.refund(shop.id(), refundId).orElseThrow();
      events.publishEvent(new RefundChangeNoticed(shop.id(), refundId, Long.toString(trade.tid())));

      assertThat(afterSale.refund(shop.id(), refundId)).contains(held);
      assertThat(held.history()).extracting(RefundDetail.StatusSeen::status).containsExactly("WAIT_SELLER_AGREE");
      assertThat(held.effects()).extracting(RefundDetail.Effect::effect).containsExactly("HOLD");
      assertThat(sandbox.tmcCounters().get("duplicated")).isPositive();
      assertThat(messages.stats().refunds()).isGreaterThanOrEqualTo(2);
      assertThat(orderSync.completedCycles()).as("no second order poll").isEqualTo(1);
      assertThat(refundSync.completedCycles()).as("no second refund pull").isEqualTo(1);
    } finally {
      refundSync.stop();
      orderSync.stop();
    }
  }

  /** A paid trade waiting to ship whose ERP order exists, unshipped. */
  private Optional<SandboxTrade> confirmedTrade() {
    return sandbox.trades().stream()
        .filter(t -> t.status().equals("WAIT_SELLER_SEND_GOODS"))
        .filter(t -> erpOrder(t).map(o -> o.status() == ErpOrderStatus.OPEN).orElse(false))
        .findFirst();
  }

  private Optional<ErpSalesOrderSummary> erpOrder(SandboxTrade t) {
    return erp.capability(SalesOrderQuery.class).findByChannelOrder("TR", new ChannelOrderNo(Long.toString(t.tid())));
  }

}
