package com.tmallbridge.aftersale;

import com.tmallbridge.erp.ErpOrderStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.tmallbridge.channel.ChannelRefund;
import com.tmallbridge.channel.OrderFeed;
import com.tmallbridge.channel.RefundFeed;
import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.DeliveryHold;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.erp.SalesOrderQuery;
import com.tmallbridge.erp.StockLedger;
import com.tmallbridge.erp.embedded.operations.EmbeddedErpOperations;
import com.tmallbridge.erp.embedded.operations.Shipment;
import com.tmallbridge.order.OrderSync;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import com.tmallbridge.sync.Checkpoints;
import com.tmallbridge.sync.Dispatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import com.tmallbridge.erp.embedded.operations.OpenLine;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The after-sale flow end to end with fake channel feeds and the built-in ERP: trades exported by
 * the order flow, refunds pulled and followed, every transition's ERP effect checked in the ERP
 * itself. On H2 and PostgreSQL.
 */
@SpringBootTest(properties = "bridge.order.once-grace=0s")
class AfterSaleFlowIntegrationTests extends SpringDatabaseTestBase {
  private static final FakeChannel CHANNEL = new FakeChannel();
  private static final AtomicLong IDS = new AtomicLong(700_000);

  @TestConfiguration
  static class Fakes {
    @Bean
    @Primary
    OrderFeed fakeOrderFeed() {
      return CHANNEL.orderFeed;
    }

    @Bean
    @Primary
    RefundFeed fakeRefundFeed() {
      return CHANNEL.refundFeed;
    }
  }

  @Autowired OrderSync orderSync;
  @Autowired RefundSync refundSync;
  @Autowired AfterSaleManagement afterSale;
  @Autowired ShopManagement shops;
  @Autowired ErpRegistry erp;
  @Autowired EmbeddedErpOperations warehouse;
  @Autowired RefundStore store;
  @Autowired Dispatcher dispatcher;
  @Autowired Checkpoints checkpoints;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  private Shop shop;
  private String tid;

  @BeforeEach
  void setUp() throws Exception {
    CHANNEL.clear();
    shop = shops.findByCode("AS").orElseGet(() -> shops.add(
        new ShopRegistration("AS", "售后店", "http://127.0.0.1:9/router/rest", "k", "s", "session", "md5", FakeChannel.CREATED)));
    for (String code : List.of("AS-A", "AS-B")) {
      erp.capability(MaterialCatalog.class).upsertMaterial(new Material(new MaterialCode(code), code, "pcs", 1_000));
    }
    tid = Long.toString(IDS.incrementAndGet());
    CHANNEL.paidTrade(tid, "AS-A", "AS-B");
    orderSync.runOnce();
    assertThat(salesOrder()).as("trade exported").isNotNull();
  }

  private ErpDocNo salesOrder() {
    return erp.capability(SalesOrderQuery.class).findByChannelOrder("AS", new ChannelOrderNo(tid)).orElseThrow().docNo();
  }

  private ErpOrderStatus erpStatus() {
    return erp.capability(SalesOrderQuery.class).findByChannelOrder("AS", new ChannelOrderNo(tid)).orElseThrow().status();
  }

  private TestRefunds.Builder refund(String refundId, String status, int line) {
    return TestRefunds.refund(refundId, status).trade(tid, tid + line).fee(2_000).num(2);
  }

  private RefundDetail follow(TestRefunds.Builder builder, int secondsAfter) {
    ChannelRefund r = builder.modified(TestRefunds.T0.plusSeconds(secondsAfter)).build();
    CHANNEL.put(r);
    refundSync.runOnce();
    return afterSale.refund(shop.id(), r.refundId()).orElseThrow();
  }

  private List<String> effects(RefundDetail d) {
    return d.effects().stream().map(RefundDetail.Effect::effect).toList();
  }

  private void shipAll(String reference) {
    warehouse.ship(Shipment.inFull(salesOrder(), "WH01", "ZTO", "ZT" + reference, reference));
  }

  private long onHand(String material) {
    return erp.capability(StockLedger.class).onHand(new MaterialCode(material)).getOrDefault("WH01", 0L);
  }

  @Test
  void aRequestBeforeShippingHoldsTheDeliveryAndSuccessCancelsOnlyItsLines() {
    String id = tid + "01";

    RefundDetail requested = follow(refund(id, "WAIT_SELLER_AGREE", 1), 10);

    assertThat(requested.refund().stage()).isEqualTo(RefundStage.HELD);
    assertThat(requested.refund().shipping()).isEqualTo("BEFORE");
    assertThat(erp.capability(DeliveryHold.class).isHeld(salesOrder())).isTrue();
    assertThatThrownBy(() -> shipAll("held-" + tid)).isInstanceOf(ConnectorException.class).hasMessageContaining("held");

    RefundDetail succeeded = follow(refund(id, "SUCCESS", 1), 20);

    assertThat(succeeded.refund().stage()).isEqualTo(RefundStage.LINES_CANCELLED);
    assertThat(effects(succeeded)).containsExactlyInAnyOrder("HOLD", "CANCEL_LINES", "RELEASE", "MONEY_ADJUSTMENT");
    assertThat(succeeded.effects()).filteredOn(e -> e.effect().equals("CANCEL_LINES")).singleElement()
        .satisfies(e -> assertThat(e.units()).isEqualTo(2L));
    assertThat(succeeded.history()).extracting(RefundDetail.StatusSeen::status).containsExactly("WAIT_SELLER_AGREE", "SUCCESS");
    assertThat(erp.capability(DeliveryHold.class).isHeld(salesOrder())).isFalse();
    shipAll("rest-" + tid);
    assertThat(warehouse.openLines(salesOrder())).extracting(l -> l.ordered()).containsExactly(0L, 2L);
    assertThat(erpStatus()).isEqualTo(ErpOrderStatus.DELIVERED);
    assertThat(afterSale.unreflected()).extracting(RefundView::refundId).doesNotContain(id);
    // the buyer's reason is kept for the refunds report (finance.SalesReports)
    assertThat(jdbc.sql("select reason from aftersale_refund where refund_id = ?").param(id).query(String.class).single())
        .isEqualTo("reason");
  }

  @Test
  void theStoreHoldsAStoredVersionAndEveryOlderOneButNoNewerOne() {
    String id = tid + "01";
    follow(refund(id, "WAIT_BUYER_RETURN_GOODS", 1), 10);
    Instant stored = TestRefunds.T0.plusSeconds(10);

    assertThat(store.holds(shop, id, stored, "WAIT_BUYER_RETURN_GOODS")).isTrue();
    assertThat(store.holds(shop, id, stored, "WAIT_SELLER_AGREE")).as("an earlier step in the same second").isTrue();
    assertThat(store.holds(shop, id, stored.minusSeconds(1), "SUCCESS")).isTrue();
    assertThat(store.holds(shop, id, stored, "SUCCESS")).as("a later step in the same second").isFalse();
    assertThat(store.holds(shop, id, stored.plusSeconds(1), "WAIT_BUYER_RETURN_GOODS")).isFalse();
    assertThat(store.holds(shop, tid + "02", stored, "WAIT_SELLER_AGREE")).as("never stored").isFalse();
  }

  @Test
  void closedOrRefusedRequestsBeforeShippingReleaseTheirHolds() {
    follow(refund(tid + "01", "WAIT_SELLER_AGREE", 1), 10);
    follow(refund(tid + "02", "WAIT_SELLER_AGREE", 2), 10);

    RefundDetail closed = follow(refund(tid + "01", "CLOSED", 1), 20);
    assertThat(erp.capability(DeliveryHold.class).isHeld(salesOrder())).as("the other refund still holds").isTrue();
    RefundDetail refused = follow(refund(tid + "02", "SELLER_REFUSE_BUYER", 2), 20);

    assertThat(closed.refund().stage()).isEqualTo(RefundStage.RELEASED);
    assertThat(refused.refund().stage()).isEqualTo(RefundStage.RELEASED);
    assertThat(effects(refused)).containsExactly("HOLD", "RELEASE");
    assertThat(erp.capability(DeliveryHold.class).isHeld(salesOrder())).isFalse();
    shipAll("after-release-" + tid);
    assertThat(erpStatus()).isEqualTo(ErpOrderStatus.DELIVERED);
  }

  @Test
  void goodsThatLeftDespiteTheHoldAreReportedAsShippedAfterIntercept() {
    String id = tid + "01";
    follow(refund(id, "WAIT_SELLER_AGREE", 1), 10);
    String holdKey = "aftersale:AS:" + id + ":hold:" + TestRefunds.T0.plusSeconds(10).getEpochSecond();
    erp.capability(DeliveryHold.class).release(salesOrder(), holdKey);
    shipAll("override-" + tid);

    RefundDetail succeeded = follow(refund(id, "SUCCESS", 1), 20);

    assertThat(succeeded.refund().shippedAfterIntercept()).isTrue();
    assertThat(succeeded.refund().exceptionCode()).isEqualTo("AFTERSALE-001");
    assertThat(succeeded.refund().stage()).isEqualTo(RefundStage.EXCEPTION);
    assertThat(afterSale.counts()).containsEntry("shippedAfterIntercept", afterSale.counts().get("shippedAfterIntercept"))
        .satisfies(c -> assertThat(c.get("shippedAfterIntercept")).isPositive());
  }

  @Test
  void aReturnAfterShippingGetsAReturnDocumentWhenSentBackAndIsRestockedOnSuccess() {
    shipAll("ship-" + tid);
    long before = onHand("AS-A");
    String id = tid + "01";

    RefundDetail asked = follow(refund(id, "WAIT_BUYER_RETURN_GOODS", 1).withGoodReturn(true).phase("aftersale").num(1), 10);
    RefundDetail sent = follow(refund(id, "WAIT_SELLER_CONFIRM_GOODS", 1).withGoodReturn(true).phase("aftersale").num(1), 20);
    long whileOnTheWay = onHand("AS-A");
    RefundDetail done = follow(refund(id, "SUCCESS", 1).withGoodReturn(true).phase("aftersale").num(1), 30);

    assertThat(asked.refund().stage()).isEqualTo(RefundStage.OPEN);
    assertThat(asked.refund().shipping()).isEqualTo("AFTER");
    assertThat(sent.refund().stage()).isEqualTo(RefundStage.RETURN_CREATED);
    assertThat(sent.refund().returnNo()).isNotNull();
    assertThat(whileOnTheWay).isEqualTo(before);
    assertThat(done.refund().stage()).isEqualTo(RefundStage.RESTOCKED);
    assertThat(done.refund().returnNo()).isEqualTo(sent.refund().returnNo());
    assertThat(onHand("AS-A")).isEqualTo(before + 1);
    assertThat(effects(done)).containsExactlyInAnyOrder("CREATE_RETURN", "RECEIVE_RETURN", "MONEY_ADJUSTMENT");

    refundSync.runOnce();
    CHANNEL.put(refund(id, "SUCCESS", 1).withGoodReturn(true).phase("aftersale").num(1).modified(TestRefunds.T0.plusSeconds(40)).build());
    refundSync.runOnce();
    assertThat(onHand("AS-A")).as("a replay restocks nothing").isEqualTo(before + 1);
  }

  @Test
  void aRequestForTheSubOrderStillToShipOfAPartlyShippedOrderIsIntercepted() {
    OpenLine first = warehouse.openLines(salesOrder()).get(0);
    warehouse.ship(new Shipment(salesOrder(), "WH01", "ZTO", "ZT1" + tid, "part-" + tid, Map.of(first.lineNo(), first.open())));
    assertThat(erpStatus()).isEqualTo(ErpOrderStatus.PARTLY_DELIVERED);

    RefundDetail requested = follow(refund(tid + "02", "WAIT_SELLER_AGREE", 2).phase("onsale"), 10);

    assertThat(requested.refund().shipping()).isEqualTo("BEFORE");
    assertThat(requested.refund().stage()).isEqualTo(RefundStage.HELD);
    assertThat(requested.refund().shippedAfterIntercept()).isFalse();
    assertThat(erp.capability(DeliveryHold.class).isHeld(salesOrder())).isTrue();

    RefundDetail succeeded = follow(refund(tid + "02", "SUCCESS", 2).phase("onsale"), 20);

    assertThat(succeeded.refund().stage()).isEqualTo(RefundStage.LINES_CANCELLED);
    assertThat(erp.capability(DeliveryHold.class).isHeld(salesOrder())).isFalse();
    assertThat(erpStatus()).as("nothing left to ship").isEqualTo(ErpOrderStatus.DELIVERED);
  }

  @Test
  void aRequestForASubOrderThatAlreadyLeftInAPartlyShippedOrderIsReportedAsShippedAfterIntercept() {
    OpenLine first = warehouse.openLines(salesOrder()).get(0);
    warehouse.ship(new Shipment(salesOrder(), "WH01", "ZTO", "ZT2" + tid, "part-" + tid, Map.of(first.lineNo(), first.open())));

    RefundDetail requested = follow(refund(tid + "01", "WAIT_SELLER_AGREE", 1).phase("onsale"), 10);

    assertThat(requested.refund().shipping()).isEqualTo("AFTER");
    assertThat(requested.refund().shippedAfterIntercept()).isTrue();
    assertThat(erp.capability(DeliveryHold.class).isHeld(salesOrder())).as("the other sub-order ships as planned").isFalse();
  }

  @Test
  void aRequestMadeBeforeShippingThatFindsTheWholeOrderGoneIsReportedAsShippedAfterIntercept() {
    shipAll("before-the-request-reached-us-" + tid);

    RefundDetail requested = follow(refund(tid + "01", "WAIT_SELLER_AGREE", 1).phase("onsale"), 10);

    assertThat(requested.refund().shipping()).isEqualTo("AFTER");
    assertThat(requested.refund().shippedAfterIntercept()).isTrue();
    assertThat(requested.refund().exceptionCode()).isEqualTo("AFTERSALE-001");
    assertThat(requested.refund().exceptionMessage()).contains(salesOrder().value()).contains("had left");
    assertThat(effects(requested)).isEmpty();
    assertThat(erp.capability(DeliveryHold.class).isHeld(salesOrder())).isFalse();
  }

  @Test
  void aRefundWithoutReturnAfterShippingOnlyAdjustsMoney() {
    shipAll("ship-" + tid);
    long before = onHand("AS-B");

    RefundDetail done = follow(refund(tid + "02", "SUCCESS", 2).fee(500).phase("aftersale"), 10);

    assertThat(done.refund().stage()).isEqualTo(RefundStage.ADJUSTED);
    assertThat(done.refund().returnNo()).isNull();
    assertThat(done.effects()).singleElement().satisfies(e -> {
      assertThat(e.effect()).isEqualTo("MONEY_ADJUSTMENT");
      assertThat(e.amountFen()).isEqualTo(500L);
    });
    assertThat(onHand("AS-B")).isEqualTo(before);
  }

  @Test
  void anExchangeTakesTheGoodsBackAndCreatesOneReplacementOrder() {
    shipAll("ship-" + tid);
    String id = tid + "01";
    TestRefunds.Builder exchange = refund(id, "SUCCESS", 1).fee(0).withGoodReturn(true).withDispute("TMALL_EXCHANGE").phase("aftersale");

    RefundDetail done = follow(exchange, 10);
    follow(exchange, 20);

    assertThat(done.refund().stage()).isEqualTo(RefundStage.EXCHANGED);
    assertThat(effects(done)).containsExactlyInAnyOrder("CREATE_RETURN", "RECEIVE_RETURN", "RESHIP");
    var replacement = erp.capability(SalesOrderQuery.class).findByChannelOrder("AS", new ChannelOrderNo(tid + "-X" + id)).orElseThrow();
    assertThat(replacement.lineCount()).isEqualTo(1);
    assertThat(replacement.totalFen()).isZero();
    assertThat(replacement.status()).isEqualTo(ErpOrderStatus.OPEN);
  }

  @Test
  void aCaseAfterAnExchangeTakesTheReplacementsGoodsBack() {
    shipAll("ship-" + tid);
    TestRefunds.Builder first = refund(tid + "01", "SUCCESS", 1).fee(0).withGoodReturn(true).withDispute("TMALL_EXCHANGE")
        .phase("aftersale");
    assertThat(follow(first, 10).refund().stage()).isEqualTo(RefundStage.EXCHANGED);
    ErpDocNo firstReplacement = erp.capability(SalesOrderQuery.class)
        .findByChannelOrder("AS", new ChannelOrderNo(tid + "-X" + tid + "01")).orElseThrow().docNo();
    warehouse.ship(Shipment.inFull(firstReplacement, "WH01", "ZTO", "ZTX" + tid, "reship-" + tid));
    long before = onHand("AS-A");

    // the buyer is not happy with the replacement either: a second exchange of the whole sub-order (2 units)
    String secondId = tid + "02";
    RefundDetail second = follow(refund(secondId, "SUCCESS", 1).fee(0)
        .withGoodReturn(true).withDispute("TMALL_EXCHANGE").phase("aftersale"), 30);

    assertThat(second.refund().exceptionMessage()).isNull();
    assertThat(second.refund().stage()).isEqualTo(RefundStage.EXCHANGED);
    assertThat(second.effects()).filteredOn(e -> e.effect().equals("CREATE_RETURN")).singleElement()
        .satisfies(e -> assertThat(e.detail()).endsWith("for " + firstReplacement.value()));
    assertThat(erp.capability(SalesOrderQuery.class).findByChannelOrder("AS", new ChannelOrderNo(tid + "-X" + secondId))).isPresent();
    assertThat(onHand("AS-A")).as("the replacement's units are back").isEqualTo(before + 2);
  }

  /** An exchange that ended before a return of the same sub-order was created, as Tmall allows one open case at a time. */
  private TestRefunds.Builder exchangeThenReturn(String exchangeId) {
    return refund(exchangeId, "SUCCESS", 1).fee(0).withGoodReturn(true).withDispute("TMALL_EXCHANGE").phase("aftersale")
        .created(TestRefunds.T0).modified(TestRefunds.T0.plusSeconds(30));
  }

  private TestRefunds.Builder laterReturn(String returnId) {
    return refund(returnId, "SUCCESS", 1).withGoodReturn(true).phase("aftersale")
        .created(TestRefunds.T0.plusSeconds(60)).modified(TestRefunds.T0.plusSeconds(70));
  }

  private void assertReturnTookTheReplacementBack(String exchangeId, String returnId) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      dispatcher.drainDue(100);
      assertThat(afterSale.refund(shop.id(), exchangeId).orElseThrow().refund().stage()).isEqualTo(RefundStage.EXCHANGED);
    });
    ErpDocNo replacementOrder = erp.capability(SalesOrderQuery.class)
        .findByChannelOrder("AS", new ChannelOrderNo(tid + "-X" + exchangeId)).orElseThrow().docNo();
    dispatcher.drainDue(100);
    assertThat(afterSale.refund(shop.id(), returnId).orElseThrow().refund().stage())
        .as("the return waits until the replacement has shipped").isEqualTo(RefundStage.NEW);
    warehouse.ship(Shipment.inFull(replacementOrder, "WH01", "ZTO", "ZTX" + tid, "reship-" + tid));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      dispatcher.drainDue(100);
      assertThat(afterSale.refund(shop.id(), returnId).orElseThrow().refund().stage()).isEqualTo(RefundStage.RESTOCKED);
    });
    RefundDetail exchange = afterSale.refund(shop.id(), exchangeId).orElseThrow();
    assertThat(exchange.refund().exceptionMessage()).isNull();
    assertThat(exchange.refund().stage()).isEqualTo(RefundStage.EXCHANGED);
    ErpDocNo replacement = erp.capability(SalesOrderQuery.class)
        .findByChannelOrder("AS", new ChannelOrderNo(tid + "-X" + exchangeId)).orElseThrow().docNo();
    RefundDetail ret = afterSale.refund(shop.id(), returnId).orElseThrow();
    assertThat(ret.refund().exceptionMessage()).isNull();
    assertThat(ret.effects()).filteredOn(e -> e.effect().equals("CREATE_RETURN")).singleElement()
        .satisfies(e -> assertThat(e.detail()).endsWith("for " + replacement.value()));
  }

  @Test
  void aReturnStoredBeforeTheEarlierExchangeOfItsSubOrderIsBookedAfterIt() {
    shipAll("ship-" + tid);
    String exchangeId = tid + "01";
    String returnId = tid + "02";
    ChannelRefund exchange = exchangeThenReturn(exchangeId).build();
    ChannelRefund laterReturn = laterReturn(returnId).build();

    // both stored together, the later case first in the page: the return must wait for the exchange's booking
    afterSale.offer(shop.id(), List.of(laterReturn, exchange));
    dispatcher.drainDue(100);

    RefundDetail waiting = afterSale.refund(shop.id(), returnId).orElseThrow();
    assertThat(waiting.refund().stage()).as("the return waits for the exchange").isEqualTo(RefundStage.NEW);
    assertThat(waiting.effects()).isEmpty();
    assertReturnTookTheReplacementBack(exchangeId, returnId);
  }

  @Test
  void aPushedReturnWaitsUntilThePullHasReadPastItsCreation() {
    shipAll("ship-" + tid);
    String exchangeId = tid + "01";
    String returnId = tid + "02";
    // the pull has read Tmall only up to before the return was created, and the earlier exchange is not stored yet
    checkpoints.reset("tmall", "refunds", shop.id(), TestRefunds.T0.plusSeconds(45));
    afterSale.offer(shop.id(), List.of(laterReturn(returnId).build()));
    dispatcher.drainDue(100);

    RefundDetail waiting = afterSale.refund(shop.id(), returnId).orElseThrow();
    assertThat(waiting.refund().stage()).as("the return waits for the pull").isEqualTo(RefundStage.NEW);
    assertThat(waiting.effects()).isEmpty();

    CHANNEL.put(exchangeThenReturn(exchangeId).build());
    refundSync.runOnce();
    assertReturnTookTheReplacementBack(exchangeId, returnId);
  }

  @Test
  void aRefundLargerThanThePaidAmountIsCappedAndRaisesAnException() {
    RefundDetail done = follow(refund(tid + "01", "SUCCESS", 1).fee(5_000), 10);

    assertThat(done.refund().refundFeeFen()).isEqualTo(2_000);
    assertThat(done.refund().reportedFeeFen()).isEqualTo(5_000);
    assertThat(done.refund().paidFen()).isEqualTo(2_000L);
    assertThat(done.refund().exceptionCode()).isEqualTo("AFTERSALE-002");
    assertThat(done.effects()).filteredOn(e -> e.effect().equals("MONEY_ADJUSTMENT")).singleElement()
        .satisfies(e -> assertThat(e.amountFen()).isEqualTo(2_000L));
  }

  @Test
  void anOlderSnapshotChangesNothingAndListsFilterByTradeAndStatus() {
    String id = tid + "01";
    follow(refund(id, "CLOSED", 1), 30);

    RefundDetail after = follow(refund(id, "WAIT_SELLER_AGREE", 1), 10);

    assertThat(after.refund().status()).isEqualTo("CLOSED");
    assertThat(after.history()).extracting(RefundDetail.StatusSeen::status).containsExactly("CLOSED");
    assertThat(erp.capability(DeliveryHold.class).isHeld(salesOrder())).isFalse();
    assertThat(afterSale.refunds(shop.id(), "CLOSED", tid, 10)).extracting(RefundView::refundId).containsExactly(id);
    assertThat(afterSale.refunds(null, "SUCCESS", tid, 10)).isEmpty();
  }

  @Test
  void withinOneSecondTheLaterStepOfTheCaseWins() {
    shipAll("ship-" + tid);
    String id = tid + "01";
    TestRefunds.Builder sent = refund(id, "WAIT_SELLER_CONFIRM_GOODS", 1).withGoodReturn(true).phase("aftersale").num(1);

    follow(sent, 10);
    RefundDetail done = follow(refund(id, "SUCCESS", 1).withGoodReturn(true).phase("aftersale").num(1), 10);
    RefundDetail replayed = follow(sent, 10);

    assertThat(done.refund().stage()).isEqualTo(RefundStage.RESTOCKED);
    assertThat(replayed.refund().status()).isEqualTo("SUCCESS");
    assertThat(replayed.history()).extracting(RefundDetail.StatusSeen::status).containsExactly("WAIT_SELLER_CONFIRM_GOODS", "SUCCESS");
  }

  @Test
  void aRefundOfATradeTheErpNeverGotHasNothingToDo() {
    RefundDetail done = follow(TestRefunds.refund(tid + "09", "SUCCESS").trade("999" + tid, "999" + tid).fee(300), 10);

    assertThat(done.refund().stage()).isEqualTo(RefundStage.NOT_IN_ERP);
    assertThat(effects(done)).containsExactly("MONEY_ADJUSTMENT");
  }


  @Test
  void anErpRefusalIsShownOnTheRefundAndARetryAfterTheFixGoesOn() {
    String id = tid + "01";
    TestRefunds.Builder sentBack = refund(id, "WAIT_SELLER_CONFIRM_GOODS", 1).withGoodReturn(true).phase("aftersale").num(1);

    RefundDetail refused = follow(sentBack, 10);
    shipAll("late-" + tid);
    RefundStage retried = afterSale.retry(shop.id(), id).orElseThrow();

    assertThat(refused.refund().stage()).isEqualTo(RefundStage.EXCEPTION);
    assertThat(refused.refund().exceptionCode()).isEqualTo("AFTERSALE-004");
    assertThat(refused.refund().exceptionMessage()).contains("EMBEDDED-013");
    assertThat(retried).isEqualTo(RefundStage.RETURN_CREATED);
    assertThat(afterSale.refund(shop.id(), id).orElseThrow().refund().exceptionCode()).isNull();
  }

  @Test
  void anOpenRefundWaitsForItsErpOrderAndRefundsOfferedTwiceOrOutOfOrderApplyOnce() throws Exception {
    String otherTid = Long.toString(IDS.incrementAndGet());
    ChannelRefund early = TestRefunds.refund(otherTid + "01", "WAIT_SELLER_AGREE").trade(otherTid, otherTid + "1")
        .modified(TestRefunds.T0.plusSeconds(10)).build();
    ChannelRefund later = TestRefunds.refund(otherTid + "01", "WAIT_SELLER_AGREE").trade(otherTid, otherTid + "1")
        .modified(TestRefunds.T0.plusSeconds(20)).build();

    assertThat(afterSale.offer(shop.id(), List.of(later, early, later))).isEqualTo(1);
    refundSync.runOnce();
    assertThat(afterSale.refund(shop.id(), early.refundId()).orElseThrow().refund().stage()).isEqualTo(RefundStage.NEW);
    assertThat(afterSale.unreflected()).extracting(RefundView::refundId).contains(early.refundId());

    CHANNEL.paidTrade(otherTid, "AS-A");
    orderSync.runOnce();
    afterSale.retry(shop.id(), early.refundId());

    RefundDetail held = afterSale.refund(shop.id(), early.refundId()).orElseThrow();
    assertThat(held.refund().stage()).isEqualTo(RefundStage.HELD);
    assertThat(held.history()).hasSize(1);
  }
}
