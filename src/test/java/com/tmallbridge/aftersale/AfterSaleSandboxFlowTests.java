package com.tmallbridge.aftersale;

import com.tmallbridge.erp.ErpOrderStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tmallbridge.channel.ShipmentPublisher;
import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.DeliveryHold;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.erp.SalesOrderQuery;
import com.tmallbridge.erp.StockLedger;
import com.tmallbridge.erp.embedded.operations.EmbeddedErpOperations;
import com.tmallbridge.erp.embedded.operations.Shipment;
import com.tmallbridge.order.OrderSync;
import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.sandbox.tmall.RefundKind;
import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.SandboxRefund;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.SandboxTradeLine;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.CleanDatabase;
import com.tmallbridge.testsupport.SandboxMaterials;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import com.tmallbridge.sync.Dispatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Refunds before and after shipping against the Tmall sandbox (TOP refund methods through the
 * production client) and the built-in ERP, on H2 and PostgreSQL.
 */
@SpringBootTest(properties = "bridge.order.once-grace=0s")
@CleanDatabase
class AfterSaleSandboxFlowTests extends SpringDatabaseTestBase {
  @Autowired OrderSync orderSync;
  @Autowired RefundSync refundSync;
  @Autowired AfterSaleManagement afterSale;
  @Autowired ShopManagement shops;
  @Autowired ProductManagement products;
  @Autowired ErpRegistry erp;
  @Autowired EmbeddedErpOperations warehouse;
  @Autowired ShipmentPublisher publisher;
  @Autowired Dispatcher dispatcher;

  private TmallSandbox sandbox;
  private Shop shop;

  @BeforeEach
  void setUp() throws Exception {
    sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(11));
    Instant now = sandbox.clock().instant();
    sandbox.generateHistory(40, now.minus(Duration.ofHours(2)), now.minus(Duration.ofMinutes(1)));
    var c = sandbox.credentials();
    shop = shops.add(new ShopRegistration("SB", "沙箱店", sandbox.url(), c.appKey(), c.appSecret(), c.sessionKey(), "md5",
        now.minus(Duration.ofHours(3))));
    SandboxMaterials.seed(sandbox, shop, products, erp, -1);
    orderSync.runOnce();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  /** Paid trades waiting to ship whose ERP order exists, unshipped. */
  private List<SandboxTrade> waitingToShip() {
    return sandbox.trades().stream()
        .filter(t -> t.status().equals("WAIT_SELLER_SEND_GOODS"))
        .filter(t -> erpOrder(t).map(o -> o.status() == ErpOrderStatus.OPEN).orElse(false))
        .toList();
  }

  private java.util.Optional<ErpSalesOrderSummary> erpOrder(SandboxTrade t) {
    return erp.capability(SalesOrderQuery.class).findByChannelOrder("SB", new ChannelOrderNo(Long.toString(t.tid())));
  }

  /**
   * Pulls and delivers until no outbox message is left: a case that takes goods back waits until a
   * pull has read past the second it was created in ({@link CaseOrder}), so one cycle may not do.
   */
  private RefundView follow(SandboxRefund r) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
      refundSync.runOnce();
      return !dispatcher.hasUnfinished();
    });
    return afterSale.refund(shop.id(), Long.toString(r.refundId())).orElseThrow().refund();
  }

  @Test
  void aRefundBeforeShippingIsInterceptedAndItsLinesCancelledWhenTheSellerAgrees() {
    SandboxTrade trade = waitingToShip().get(0);
    SandboxTradeLine line = trade.lines().get(0);
    ErpDocNo so = erpOrder(trade).orElseThrow().docNo();

    SandboxRefund opened = sandbox.openRefund(trade.tid(), line.oid(), RefundKind.REFUND_ONLY, null, "不想要了");
    RefundView requested = follow(opened);
    assertThat(requested.shipping()).isEqualTo("BEFORE");
    assertThat(requested.stage()).isEqualTo(RefundStage.HELD);
    assertThat(erp.capability(DeliveryHold.class).isHeld(so)).isTrue();

    RefundView agreed = follow(sandbox.agreeRefund(opened.refundId()));

    assertThat(agreed.status()).isEqualTo("SUCCESS");
    assertThat(agreed.stage()).isEqualTo(RefundStage.LINES_CANCELLED);
    assertThat(agreed.paidFen()).isNotNull();
    assertThat(agreed.refundFeeFen()).isPositive().isEqualTo(agreed.reportedFeeFen()).isLessThanOrEqualTo(agreed.paidFen());
    assertThat(erp.capability(DeliveryHold.class).isHeld(so)).isFalse();
    assertThat(warehouse.openLines(so)).filteredOn(l -> l.externalLineId().startsWith(Long.toString(line.oid())))
        .allSatisfy(l -> assertThat(l.ordered()).isZero());
    assertThat(afterSale.counts()).containsEntry("unreflected", 0L).containsEntry("shippedAfterIntercept", 0L);
  }

  @Test
  void aReturnAfterShippingIsRestockedWhenTheSellerConfirmsTheGoods() {
    SandboxTrade trade = waitingToShip().get(0);
    SandboxTradeLine line = trade.lines().get(0);
    ErpDocNo so = erpOrder(trade).orElseThrow().docNo();
    warehouse.ship(Shipment.inFull(so, "WH01", "ZTO", "731234567890", "sb-" + trade.tid()));
    publisher.ship(shop.credentials(), Long.toString(trade.tid()), "ZTO", "731234567890", null);
    MaterialCode material = new MaterialCode(warehouse.openLines(so).stream()
        .filter(l -> l.externalLineId().equals(Long.toString(line.oid()))).findFirst().orElseThrow().material().value());
    long before = erp.capability(StockLedger.class).onHand(material).getOrDefault("WH01", 0L);

    SandboxRefund opened = sandbox.openRefund(trade.tid(), line.oid(), RefundKind.RETURN, null, "质量问题");
    assertThat(follow(opened).shipping()).isEqualTo("AFTER");
    sandbox.agreeRefund(opened.refundId());
    RefundView sent = follow(sandbox.returnGoods(opened.refundId(), "中通快递", "759876543210"));
    assertThat(sent.stage()).isEqualTo(RefundStage.RETURN_CREATED);

    RefundView done = follow(sandbox.confirmReturn(opened.refundId()));

    assertThat(done.stage()).isEqualTo(RefundStage.RESTOCKED);
    assertThat(erp.capability(StockLedger.class).onHand(material).get("WH01")).isEqualTo(before + line.num());
    assertThat(afterSale.counts()).containsEntry("returned", 1L).containsEntry("unreflected", 0L);
  }
}
