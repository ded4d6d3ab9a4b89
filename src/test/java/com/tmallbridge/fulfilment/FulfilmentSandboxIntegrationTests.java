package com.tmallbridge.fulfilment;

import com.tmallbridge.testsupport.CleanDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.erp.embedded.operations.EmbeddedErpOperations;
import com.tmallbridge.erp.embedded.operations.OpenLine;
import com.tmallbridge.erp.embedded.operations.Shipment;
import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.order.OrderSync;
import com.tmallbridge.order.TradeState;
import com.tmallbridge.order.TradeView;
import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.SandboxParcel;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.SandboxMaterials;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Shipments written back through the production TOP client to the Tmall sandbox's
 * {@code taobao.logistics.offline.send}: a whole trade, a trade split into two parcels, a
 * tracking number held by the pattern check and one the sandbox refuses (used by another trade),
 * both fixed and retried; the sandbox's parcels are the proof (H2 and PostgreSQL).
 */
@SpringBootTest
@CleanDatabase
class FulfilmentSandboxIntegrationTests extends SpringDatabaseTestBase {
  @Autowired FulfilmentSync sync;
  @Autowired FulfilmentManagement fulfilment;
  @Autowired OrderSync orderSync;
  @Autowired OrderManagement orders;
  @Autowired ProductManagement products;
  @Autowired ShopManagement shops;
  @Autowired ErpRegistry erp;
  @Autowired EmbeddedErpOperations warehouse;

  private TmallSandbox sandbox;
  private Shop shop;

  @BeforeEach
  void start() throws InterruptedException {
    sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(11));
    Instant now = sandbox.clock().instant();
    sandbox.generateHistory(60, now.minus(Duration.ofHours(3)), now.minus(Duration.ofMinutes(1)));
    var c = sandbox.credentials();
    shop = shops.add(new ShopRegistration("SBX", "沙箱店", sandbox.url(), c.appKey(), c.appSecret(), c.sessionKey(), "md5",
        now.minus(Duration.ofHours(4))));
    SandboxMaterials.seed(sandbox, shop, products, erp, -1);
    orderSync.runOnce();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  /** Trades waiting to ship on the sandbox, exported to the ERP, with at least {@code lines} sub-orders. */
  private List<SandboxTrade> waiting(int lines) {
    return sandbox.trades().stream()
        .filter(t -> t.status().equals("WAIT_SELLER_SEND_GOODS") && t.lines().size() >= lines)
        .filter(t -> t.lines().stream().allMatch(l -> l.refundStatus().equals("NO_REFUND")))
        .filter(t -> orders.trade(shop.id(), Long.toString(t.tid())).map(TradeView::state).orElse(null) == TradeState.EXPORTED)
        .toList();
  }

  private ErpDocNo erpOrder(SandboxTrade t) {
    return new ErpDocNo(orders.trade(shop.id(), Long.toString(t.tid())).orElseThrow().erpOrderNo());
  }

  private void ship(SandboxTrade t, String carrier, String tracking, List<OpenLine> lines) {
    Map<Integer, Long> quantities = new java.util.LinkedHashMap<>();
    lines.forEach(l -> quantities.put(l.lineNo(), l.open()));
    warehouse.ship(new Shipment(erpOrder(t), "WH01", carrier, tracking, t.tid() + "-" + tracking, quantities));
  }

  private ShipmentView shipment(SandboxTrade t, String tracking) {
    return fulfilment.shipments(shop.code(), null, Long.toString(t.tid()), 10).stream()
        .filter(s -> tracking.equals(s.trackingNo())).findFirst().orElseThrow();
  }

  @Test
  void shipsWholeAndSplitTradesOnTheSandboxAndRetriesHeldOnes() {
    SandboxTrade split = waiting(2).get(0);
    List<SandboxTrade> singles = waiting(1).stream().filter(t -> t.tid() != split.tid()).toList();
    SandboxTrade whole = singles.get(0);
    SandboxTrade badPattern = singles.get(1);
    SandboxTrade reused = singles.get(2);

    warehouse.ship(Shipment.inFull(erpOrder(whole), "WH01", "顺丰速运", "SF100000000001", whole.tid() + "-" + "SF100000000001"));
    List<OpenLine> lines = warehouse.openLines(erpOrder(split));
    ship(split, "SF", "SF100000000002", lines.subList(0, 1));
    ship(split, "zto", "731000000000", lines.subList(1, lines.size()));
    warehouse.ship(Shipment.inFull(erpOrder(badPattern), "WH01", "SF", "SF1", badPattern.tid() + "-" + "SF1"));

    sync.runOnce();
    // shipped after the first write-back of SF100000000001: remote write-backs of one batch run side
    // by side, so two shipments of one tracking number in a batch reach Tmall in no fixed order
    warehouse.ship(Shipment.inFull(erpOrder(reused), "WH01", "SF", "SF100000000001", reused.tid() + "-" + "SF100000000001"));
    sync.runOnce();

    assertThat(sandbox.parcels(whole.tid())).singleElement().satisfies(p -> {
      assertThat(p.companyCode()).isEqualTo("SF");
      assertThat(p.outSid()).isEqualTo("SF100000000001");
      assertThat(p.oids()).containsExactlyInAnyOrderElementsOf(whole.lines().stream().map(l -> l.oid()).toList());
    });
    assertThat(sandbox.parcels(split.tid())).extracting(SandboxParcel::companyCode, SandboxParcel::outSid).containsExactly(
        org.assertj.core.groups.Tuple.tuple("SF", "SF100000000002"), org.assertj.core.groups.Tuple.tuple("ZTO", "731000000000"));
    assertThat(sandbox.parcels(split.tid()).get(0).oids()).containsExactly(split.lines().get(0).oid());
    assertThat(sandbox.trade(split.tid()).orElseThrow().status()).isEqualTo("WAIT_BUYER_CONFIRM_GOODS");
    assertThat(shipment(split, "731000000000").wholeTrade()).isFalse();

    assertThat(sandbox.parcels(badPattern.tid())).isEmpty();
    assertThat(shipment(badPattern, "SF1").reasonCode()).isEqualTo(FulfilmentReason.TRACKING_MISMATCH.code());
    assertThat(sandbox.parcels(reused.tid())).isEmpty();
    ShipmentView refused = shipment(reused, "SF100000000001");
    assertThat(refused.reasonCode()).isEqualTo(FulfilmentReason.TRACKING_REFUSED.code());
    assertThat(refused.message()).contains("B60");

    fulfilment.retry(shipment(badPattern, "SF1").id(), "SF100000000003", null);
    fulfilment.retry(refused.id(), "SF100000000004", null);
    // a delivery that failed in a group is redelivered on its own, possibly after a back-off
    org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> {
      sync.runOnce();
      return fulfilment.summary().notWrittenBack() == 0;
    });

    assertThat(sandbox.parcels(badPattern.tid())).extracting(SandboxParcel::outSid).containsExactly("SF100000000003");
    assertThat(sandbox.parcels(reused.tid())).extracting(SandboxParcel::outSid).containsExactly("SF100000000004");
    FulfilmentManagement.Summary summary = fulfilment.summary();
    assertThat(summary.notWrittenBack()).isZero();
    assertThat(summary.writtenBack()).isEqualTo(5);
    assertThat(summary.split()).isEqualTo(2);
  }
}
