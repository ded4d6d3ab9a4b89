package com.tmallbridge.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.ChannelTradeLine;
import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.erp.CustomerSink;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.ErpTestData;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.erp.SalesOrderSink;
import com.tmallbridge.erp.embedded.operations.EmbeddedErpOperations;
import com.tmallbridge.erp.embedded.operations.Shipment;
import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.order.OrderSync;
import com.tmallbridge.order.TradeState;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Shipments held for reasons outside Tmall's answer: a trade the bridge does not know, a shop it
 * does not know, and transient failures until the outbox gives up (one attempt here) — then fixed
 * and retried (H2 and PostgreSQL).
 */
@SpringBootTest(properties = "bridge.sync.outbox.max-attempts=1")
@Import(FulfilmentFakes.Beans.class)
class FulfilmentHoldIntegrationTests extends SpringDatabaseTestBase {
  private static final AtomicInteger SEQ = new AtomicInteger();

  @Autowired FulfilmentSync sync;
  @Autowired FulfilmentManagement fulfilment;
  @Autowired OrderSync orderSync;
  @Autowired OrderManagement orders;
  @Autowired ShopManagement shops;
  @Autowired ErpRegistry erp;
  @Autowired EmbeddedErpOperations warehouse;
  @Autowired FulfilmentFakes.FakeOrders tmallOrders;
  @Autowired FulfilmentFakes.FakeShipping tmall;

  private final ErpTestData data = new ErpTestData();
  private Shop shop;
  private int n;

  @BeforeEach
  void freshShop() {
    n = SEQ.incrementAndGet();
    shop = shops.add(new ShopRegistration("H" + n, "店 " + n, "http://127.0.0.1:9/router/rest", "k", "s", "session", "md5",
        Instant.now().minus(Duration.ofHours(1))));
    erp.capability(MaterialCatalog.class).upsertMaterial(new Material(new MaterialCode("MAT-A"), "a", "pcs", 1_000));
  }

  /** A sales order made in the ERP directly (not by the bridge), for a shop code and a tid. */
  private ErpDocNo erpOnlyOrder(String shopCode, ChannelOrderNo tid) {
    SalesOrder order = data.order(shopCode, tid, 0, List.of(ErpTestData.line(1, new MaterialCode("MAT-A"), 1, 1_000)));
    ErpDocNo customer = erp.capability(CustomerSink.class).ensureCustomer(order.customer());
    return erp.capability(SalesOrderSink.class).createSalesOrder(order, customer);
  }

  private void ship(ErpDocNo order, String tracking) {
    warehouse.ship(Shipment.inFull(order, "WH01", "SF", tracking, order.value() + "-" + tracking));
  }

  @Test
  void holdsADeliveryOfAnUnknownTradeAndPassesOverAnUnknownShop() {
    ChannelOrderNo tid = data.orderNo();
    ship(erpOnlyOrder(shop.code(), tid), "SF100000000001");
    ErpDocNo otherChannel = erpOnlyOrder("OTHER-CHANNEL-" + n, data.orderNo());
    ship(otherChannel, "SF100000000002");

    assertThat(sync.runOnce().recorded()).isEqualTo(1);

    assertThat(fulfilment.shipments(null, null, null, 1000)).extracting(ShipmentView::salesOrderNo).doesNotContain(otherChannel.value());
    List<ShipmentView> held = fulfilment.shipments(shop.code(), null, tid.value(), 10);
    assertThat(held).singleElement().satisfies(s -> {
      assertThat(s.state()).isEqualTo(ShipmentState.FAILED);
      assertThat(s.reasonCode()).isEqualTo(FulfilmentReason.UNKNOWN_TRADE.code());
      assertThat(s.oids()).containsExactly("oid-1");
    });
    assertThat(fulfilment.retry(held.get(0).id(), null, null)).contains("still not known");
    assertThat(fulfilment.shipment(held.get(0).id()).orElseThrow().state()).isEqualTo(ShipmentState.FAILED);
    assertThat(tmall.callsFor(tid.value())).isEmpty();
  }

  @Test
  void holdsAShipmentWhenTmallStaysUnreachableAndSendsItOnRetry() throws Exception {
    String tid = Long.toString(8_000_000_000L + n);
    tmallOrders.add(shop.id(), new ChannelTrade(tid, "WAIT_SELLER_SEND_GOODS", "fixed", Instant.now().minusSeconds(600),
        Instant.now().minusSeconds(500), Instant.now().minusSeconds(550), 1_000, 0, 1_000, 0, 0, "t**3", "uid-" + tid, "屈**",
        "138****1234", null, "浙江省", "杭州市", "西湖区", "文三路***号", "310000", null, null, 0,
        List.of(new ChannelTradeLine("1", "6001", "7001", "ITEM-1", "MAT-A", "连衣裙", null, 1, 1_000, 1_000, 1_000, null, 0, 0,
            "WAIT_SELLER_SEND_GOODS", "NO_REFUND")), "{\"tid\":" + tid + "}"));
    orderSync.runOnce();
    assertThat(orders.trade(shop.id(), tid).orElseThrow().state()).isEqualTo(TradeState.EXPORTED);
    ship(new ErpDocNo(orders.trade(shop.id(), tid).orElseThrow().erpOrderNo()), "SF100000000003");
    tmall.transientFailures.set(1);

    sync.runOnce();

    ShipmentView held = fulfilment.shipments(shop.code(), null, tid, 10).get(0);
    assertThat(held.state()).isEqualTo(ShipmentState.FAILED);
    assertThat(held.reasonCode()).isEqualTo(FulfilmentReason.CHANNEL_UNAVAILABLE.code());
    assertThat(held.message()).contains("remote-service-timeout");
    assertThat(fulfilment.summary().notWrittenBack()).isPositive();

    assertThat(fulfilment.retryAllFailed()).anySatisfy(line -> assertThat(line).contains(tid).contains("queued again"));
    sync.runOnce();

    assertThat(fulfilment.shipment(held.id()).orElseThrow().state()).isEqualTo(ShipmentState.SENT);
    assertThat(tmall.callsFor(tid)).hasSize(2);
  }
}
