package com.tmallbridge.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.ChannelTradeLine;
import com.tmallbridge.core.CustomerRecord;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.Receiver;
import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.core.SalesOrderLine;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.CustomerSink;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.erp.SalesOrderSink;
import com.tmallbridge.erp.embedded.operations.EmbeddedErpOperations;
import com.tmallbridge.erp.embedded.operations.OpenLine;
import com.tmallbridge.erp.embedded.operations.Shipment;
import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.order.OrderSync;
import com.tmallbridge.order.ReplacementOrderNo;
import com.tmallbridge.order.TradeState;
import com.tmallbridge.order.TradeView;
import com.tmallbridge.product.Combo;
import com.tmallbridge.product.Component;
import com.tmallbridge.product.GiftRule;
import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.sync.OutboxAdmin;
import com.tmallbridge.sync.OutboxStatus;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * ERP deliveries of the built-in ERP written back to a fake Tmall: whole trades, split parcels,
 * already shipped, held shipments fixed and retried, carrier mapping, combo and gift lines (H2
 * and PostgreSQL).
 */
@SpringBootTest
@Import(FulfilmentFakes.Beans.class)
class FulfilmentFlowIntegrationTests extends SpringDatabaseTestBase {
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final String SF_OK = "SF123456789012";

  @Autowired FulfilmentSync sync;
  @Autowired FulfilmentManagement fulfilment;
  @Autowired OrderSync orderSync;
  @Autowired OrderManagement orders;
  @Autowired ShopManagement shops;
  @Autowired ProductManagement products;
  @Autowired ErpRegistry erp;
  @Autowired EmbeddedErpOperations warehouse;
  @Autowired OutboxAdmin outbox;
  @Autowired FulfilmentFakes.FakeOrders tmallOrders;
  @Autowired FulfilmentFakes.FakeShipping tmall;

  private Shop shop;
  private int n;

  @BeforeEach
  void freshShop() {
    n = SEQ.incrementAndGet();
    shop = shops.add(new ShopRegistration("F" + n, "发货店 " + n, "http://127.0.0.1:9/router/rest", "k", "s", "session", "md5",
        Instant.now().minus(Duration.ofHours(1))));
    MaterialCatalog catalog = erp.capability(MaterialCatalog.class);
    for (String m : List.of("MAT-A", "MAT-B", "CUP", "LID", "BAG")) {
      catalog.upsertMaterial(new Material(new MaterialCode(m), "m " + m, "pcs", 1_000));
    }
  }

  private String tid(int k) {
    return Long.toString(7_000_000_000L + n * 100L + k);
  }

  private static ChannelTradeLine line(String oid, String material, int num) {
    return new ChannelTradeLine(oid, "600" + oid, "700" + oid, "ITEM-" + oid, material, "连衣裙", null, num, 1_000, 1_000L * num,
        1_000L * num, null, 0, 0, "WAIT_SELLER_SEND_GOODS", "NO_REFUND");
  }

  /** A paid trade imported by the order flow and created in the built-in ERP; returns its ERP order. */
  private ErpDocNo imported(String tid, ChannelTradeLine... lines) throws InterruptedException {
    long payment = Arrays.stream(lines).mapToLong(ChannelTradeLine::paymentFen).sum();
    Instant created = Instant.now().minus(Duration.ofMinutes(10));
    tmallOrders.add(shop.id(), new ChannelTrade(tid, "WAIT_SELLER_SEND_GOODS", "fixed", created, created.plusSeconds(60),
        created.plusSeconds(30), payment, 0, payment, 0, 0, "t**3", "open-uid-" + tid, "屈**", "138****1234", null, "浙江省", "杭州市",
        "西湖区", "文三路***号", "310000", null, null, 0, List.of(lines), "{\"tid\":" + tid + "}"));
    orderSync.runOnce();
    TradeView trade = orders.trade(shop.id(), tid).orElseThrow();
    assertThat(trade.state()).isEqualTo(TradeState.EXPORTED);
    return new ErpDocNo(trade.erpOrderNo());
  }

  /** Ships the open units of the lines with these external ids (all lines when none) as one parcel. */
  private void ship(ErpDocNo order, String carrier, String tracking, String... externalLineIds) {
    Set<String> wanted = Set.of(externalLineIds);
    Map<Integer, Long> quantities = new LinkedHashMap<>();
    for (OpenLine l : warehouse.openLines(order)) {
      if (wanted.contains(l.externalLineId()) && l.open() > 0) {
        quantities.put(l.lineNo(), l.open());
      }
    }
    String reference = order.value() + "-" + String.join("+", externalLineIds) + "-" + tracking;
    warehouse.ship(new Shipment(order, "WH01", carrier, tracking, reference, wanted.isEmpty() ? Map.of() : quantities));
  }

  private List<ShipmentView> shipmentsOf(String tid) {
    return fulfilment.shipments(shop.code(), null, tid, 100);
  }

  @Test
  void shipsAWholeTradeInOneCallAndOnlyOnce() throws Exception {
    ErpDocNo order = imported(tid(1), line("1", "MAT-A", 2), line("2", "MAT-B", 1));
    ship(order, "SF", SF_OK);

    sync.runOnce();
    sync.runOnce();

    assertThat(tmall.callsFor(tid(1))).containsExactly(new FulfilmentFakes.Call(tid(1), "SF", SF_OK, null));
    assertThat(shipmentsOf(tid(1))).singleElement().satisfies(s -> {
      assertThat(s.state()).isEqualTo(ShipmentState.SENT);
      assertThat(s.wholeTrade()).isTrue();
      assertThat(s.oids()).containsExactly("1", "2");
      assertThat(s.companyCode()).isEqualTo("SF");
      assertThat(s.sentAt()).isNotNull();
    });
    assertThat(fulfilment.carriers(shop.code())).singleElement()
        .isEqualTo(new CarrierMapping(shop.code(), "SF", "SF", "顺丰速运", "SEEDED"));
  }

  @Test
  void splitsATradeShippedInTwoParcelsInTheirOrder() throws Exception {
    ErpDocNo order = imported(tid(1), line("1", "MAT-A", 1), line("2", "MAT-B", 3));
    ship(order, "ZTO", "123456789012", "1");
    ship(order, "ZTO", "123456789013", "2");

    sync.runOnce();

    assertThat(tmall.callsFor(tid(1))).containsExactly(
        new FulfilmentFakes.Call(tid(1), "ZTO", "123456789012", List.of("1")),
        new FulfilmentFakes.Call(tid(1), "ZTO", "123456789013", List.of("2")));
    assertThat(shipmentsOf(tid(1))).extracting(ShipmentView::state, ShipmentView::wholeTrade)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ShipmentState.SENT, false),
            org.assertj.core.groups.Tuple.tuple(ShipmentState.SENT, false));
  }

  @Test
  void countsAlreadyShippedAsWrittenBack() throws Exception {
    ErpDocNo order = imported(tid(1), line("1", "MAT-A", 1));
    tmall.shippedTrades.add(shop.id().value() + ":" + tid(1));
    ship(order, "顺丰速运", SF_OK);

    sync.runOnce();

    assertThat(shipmentsOf(tid(1))).singleElement().satisfies(s -> {
      assertThat(s.state()).isEqualTo(ShipmentState.ALREADY_SHIPPED);
      assertThat(s.state().writtenBack()).isTrue();
      assertThat(s.companyCode()).isEqualTo("SF");
    });
  }

  @Test
  void holdsATrackingNumberThatFailsThePatternWithoutCallingTmallThenSendsTheCorrection() throws Exception {
    ErpDocNo bad = imported(tid(1), line("1", "MAT-A", 1));
    ErpDocNo good = imported(tid(2), line("1", "MAT-A", 1));
    ship(bad, "SF", "SF12");
    ship(good, "SF", SF_OK);

    sync.runOnce();

    assertThat(tmall.callsFor(tid(1))).isEmpty();
    assertThat(shipmentsOf(tid(2))).singleElement().extracting(ShipmentView::state).isEqualTo(ShipmentState.SENT);
    ShipmentView held = shipmentsOf(tid(1)).get(0);
    assertThat(held.state()).isEqualTo(ShipmentState.FAILED);
    assertThat(held.reasonCode()).isEqualTo(FulfilmentReason.TRACKING_MISMATCH.code());
    assertThat(held.message()).contains("SF12");
    assertThat(fulfilment.summary().notWrittenBack()).isPositive();

    assertThatThrownBy(() -> fulfilment.retry(held.id(), "SF999999999999", "NOPE")).isInstanceOf(IllegalArgumentException.class);
    fulfilment.retry(held.id(), "SF999999999999", null);
    sync.runOnce();

    assertThat(tmall.callsFor(tid(1))).containsExactly(new FulfilmentFakes.Call(tid(1), "SF", "SF999999999999", null));
    assertThat(fulfilment.shipment(held.id()).orElseThrow()).satisfies(s -> {
      assertThat(s.state()).isEqualTo(ShipmentState.SENT);
      assertThat(s.retries()).isEqualTo(1);
      assertThat(s.reasonCode()).isNull();
    });
    assertThatThrownBy(() -> fulfilment.retry(held.id(), null, null)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void blocksATrackingNumberTmallRefusesAndRetriesTheSameMessageWithTheFix() throws Exception {
    ErpDocNo order = imported(tid(1), line("1", "MAT-A", 1));
    tmall.refusedTracking.add("SF000000000000");
    ship(order, "SF", "SF000000000000");

    sync.runOnce();

    ShipmentView held = shipmentsOf(tid(1)).get(0);
    assertThat(held.state()).isEqualTo(ShipmentState.FAILED);
    assertThat(held.reasonCode()).isEqualTo(FulfilmentReason.TRACKING_REFUSED.code());
    assertThat(held.message()).contains("B60");
    assertThat(outbox.list(OutboxStatus.BLOCKED, 1000)).anySatisfy(m -> assertThat(m.aggregateId()).endsWith(":" + tid(1)));

    assertThat(fulfilment.retry(held.id(), SF_OK, null)).contains("queued again");
    sync.runOnce();

    assertThat(fulfilment.shipment(held.id()).orElseThrow().state()).isEqualTo(ShipmentState.SENT);
    assertThat(tmall.callsFor(tid(1))).extracting(FulfilmentFakes.Call::trackingNo).containsExactly("SF000000000000", SF_OK);
    assertThat(outbox.list(OutboxStatus.BLOCKED, 1000)).noneSatisfy(m -> assertThat(m.aggregateId()).endsWith(":" + tid(1)));
  }

  @Test
  void holdsAClosedTradeAndRetriesTransientFailuresWithoutHoldingThem() throws Exception {
    ErpDocNo closed = imported(tid(1), line("1", "MAT-A", 1));
    tmall.closed.add(tid(1));
    ship(closed, "SF", SF_OK);
    sync.runOnce();
    assertThat(shipmentsOf(tid(1)).get(0).reasonCode()).isEqualTo(FulfilmentReason.TRADE_STATE.code());

    ErpDocNo flaky = imported(tid(2), line("1", "MAT-A", 1));
    tmall.transientFailures.set(1);
    ship(flaky, "SF", "SF111111111111");
    sync.runOnce();
    assertThat(shipmentsOf(tid(2)).get(0).state()).isEqualTo(ShipmentState.PENDING);
    assertThat(outbox.list(OutboxStatus.FAILED, 1000)).anySatisfy(m -> assertThat(m.aggregateId()).endsWith(":" + tid(2)));
  }

  @Test
  void holdsAnUnmappedCarrierUntilTheOperatorMapsItThenSendsIt() throws Exception {
    ErpDocNo order = imported(tid(1), line("1", "MAT-A", 1));
    ship(order, "LOCAL-EXPRESS", "123456789012");

    sync.runOnce();

    assertThat(tmall.callsFor(tid(1))).isEmpty();
    ShipmentView held = shipmentsOf(tid(1)).get(0);
    assertThat(held.reasonCode()).isEqualTo(FulfilmentReason.UNMAPPED_CARRIER.code());
    assertThatThrownBy(() -> fulfilment.setCarrier(shop.code(), "LOCAL-EXPRESS", "DHL")).isInstanceOf(IllegalArgumentException.class);

    assertThat(fulfilment.setCarrier(shop.code(), "LOCAL-EXPRESS", "ZTO")).hasSize(1);
    sync.runOnce();

    assertThat(tmall.callsFor(tid(1))).containsExactly(new FulfilmentFakes.Call(tid(1), "ZTO", "123456789012", null));
    assertThat(fulfilment.carriers(shop.code())).contains(new CarrierMapping(shop.code(), "LOCAL-EXPRESS", "ZTO", "中通快递", "OPERATOR"));
  }

  @Test
  void shipsComboComponentsAsTheirSubOrderAndSkipsAGiftOnlyParcel() throws Exception {
    products.setCombo(new Combo("SET-" + n, List.of(new Component(new MaterialCode("CUP"), 1), new Component(new MaterialCode("LID"), 2))));
    GiftRule rule = products.addGiftRule(new GiftRule(0, shop.id(), GiftRule.Trigger.MATERIAL, null, null, "MAT-B", 0,
        Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1)), new MaterialCode("BAG"), 1, false, true));
    ErpDocNo order = imported(tid(1), line("1", "SET-" + n, 1), line("2", "MAT-B", 1));
    assertThat(warehouse.openLines(order)).extracting(OpenLine::externalLineId).containsExactly("1", "1#2", "2", "gift-" + rule.id());

    ship(order, "SF", "SF100000000001", "1#2");
    ship(order, "SF", "SF100000000002", "1", "2");
    ship(order, "SF", "SF100000000003", "gift-" + rule.id());
    sync.runOnce();

    assertThat(tmall.callsFor(tid(1))).extracting(FulfilmentFakes.Call::subOids).containsExactly(List.of("1"), List.of("1", "2"));
    assertThat(shipmentsOf(tid(1))).extracting(ShipmentView::state)
        .containsExactly(ShipmentState.SENT, ShipmentState.SENT, ShipmentState.SKIPPED);
    FulfilmentManagement.Summary summary = fulfilment.summary();
    assertThat(summary.byState()).containsKey(ShipmentState.SKIPPED);
    assertThat(summary.delivered()).isEqualTo(summary.writtenBack() + summary.notWrittenBack());
  }

  @Test
  void skipsTheDeliveryOfAnAfterSaleReplacementOrderWithoutCallingTmall() throws Exception {
    imported(tid(1), line("1", "MAT-A", 1));
    ReplacementOrderNo replacement = ReplacementOrderNo.of(tid(1), "88" + n);
    CustomerRecord buyer = new CustomerRecord("tmall:" + shop.code() + ":open-uid-" + tid(1), "t**3", "浙江省");
    SalesOrder reship = new SalesOrder(shop.id(), shop.code(), replacement.channelOrderNo(), buyer,
        new Receiver("屈**", "138****1234", null, "浙江省", "杭州市", "西湖区", "文三路***号", "310000"), Instant.now(), Instant.now(),
        List.of(new SalesOrderLine(1, "1", new MaterialCode("MAT-A"), 1, 1_000, 0, "连衣裙")), 0, 0, "replacement", null);
    ErpDocNo order = erp.capability(SalesOrderSink.class).createSalesOrder(reship, erp.capability(CustomerSink.class).ensureCustomer(buyer));
    ship(order, "SF", "SF100000000009");

    sync.runOnce();

    assertThat(tmall.callsFor(replacement.value())).isEmpty();
    assertThat(shipmentsOf(replacement.value())).singleElement().satisfies(s -> {
      assertThat(s.state()).isEqualTo(ShipmentState.SKIPPED);
      assertThat(s.reasonCode()).isNull();
      assertThat(s.message()).contains("replacement order", "refund 88" + n, "nothing is sent");
    });
  }
}
