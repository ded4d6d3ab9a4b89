package com.tmallbridge.order;

import com.tmallbridge.erp.ErpOrderStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.ChannelTradeLine;
import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.erp.SalesOrderAmendment;
import com.tmallbridge.erp.SalesOrderQuery;
import com.tmallbridge.erp.embedded.operations.EmbeddedErpOperations;
import com.tmallbridge.erp.embedded.operations.Shipment;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.sync.OutboxAdmin;
import com.tmallbridge.sync.OutboxEntry;
import com.tmallbridge.sync.OutboxStatus;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Trade changes after import, through the importer, the outbox and the built-in ERP, on H2 and
 * PostgreSQL: every transition of a QUEUED or EXPORTED trade that closes or changes receiver or
 * notes, before and after the ERP shipped, replays and older snapshots.
 */
@SpringBootTest
class TradeAmendmentIntegrationTests extends SpringDatabaseTestBase {
  private static final AtomicInteger TIDS = new AtomicInteger(5_000);

  @Autowired TradeImporter importer;
  @Autowired OrderSync sync;
  @Autowired OrderManagement orders;
  @Autowired ShopManagement shops;
  @Autowired ErpRegistry erp;
  @Autowired EmbeddedErpOperations warehouse;
  @Autowired OutboxAdmin outbox;

  private Shop shop;
  private String tid;

  @BeforeEach
  void setUp() {
    shop = shops.findByCode("AM").orElseGet(() ->
        shops.add(new ShopRegistration("AM", "改单店", "http://127.0.0.1:9/router/rest", "k", "s", "session", "md5", null)));
    erp.capability(MaterialCatalog.class).upsertMaterial(new Material(new MaterialCode("AM-A"), "AM-A", "pcs", 1_000));
    warehouse.receive("WH01", new MaterialCode("AM-A"), 10, "am-receipt-" + UUID.randomUUID());
    tid = Integer.toString(TIDS.incrementAndGet());
  }

  /** A snapshot of this test's trade: one line of 2 x AM-A, paid 20.00 yuan. */
  private ChannelTrade snapshot(String status, int second, String address, String mobile, String sellerMemo, int flag) {
    ChannelTradeLine line = TestTrades.line(tid + "1", "AM-A", 2, 1_000, 2_000, null);
    return new ChannelTrade(tid, status, "fixed", TestTrades.CREATED, TestTrades.CREATED.plusSeconds(second),
        TestTrades.CREATED.plusSeconds(60), 2_000, 0, 2_000, 0, 0, "t**3", "open-uid-" + tid, "屈**", mobile, null, "浙江省", "杭州市",
        "西湖区", address, "310000", "请尽快发货", sellerMemo, flag, List.of(line), rawJson(status, second, address, mobile, sellerMemo, flag));
  }

  /** The snapshot as Tmall's JSON would differ: in every field the test varies (the inbox compares it). */
  private String rawJson(String status, int second, String address, String mobile, String sellerMemo, int flag) {
    return "{\"tid\":" + tid + ",\"status\":\"" + status + "\",\"modified\":" + second + ",\"receiver_address\":\"" + address
        + "\",\"receiver_mobile\":\"" + mobile + "\",\"seller_memo\":" + (sellerMemo == null ? "null" : "\"" + sellerMemo + "\"")
        + ",\"seller_flag\":" + flag + "}";
  }

  private ChannelTrade paid(int second) {
    return snapshot("WAIT_SELLER_SEND_GOODS", second, "文三路***号", "138****1234", null, 0);
  }

  private void importSnapshot(ChannelTrade t) {
    importer.importPage(shop, List.of(t));
  }

  private Optional<ErpSalesOrderSummary> erpOrder() {
    return erp.capability(SalesOrderQuery.class).findByChannelOrder("AM", new ChannelOrderNo(tid));
  }

  private ErpDocNo docNo() {
    return erpOrder().orElseThrow().docNo();
  }

  private SalesOrderAmendment.Particulars particulars() {
    return erp.capability(SalesOrderAmendment.class).particulars(docNo()).orElseThrow();
  }

  private void shipInErp() {
    warehouse.ship(Shipment.inFull(docNo(), "WH01", "ZTO", "ZT" + tid, "am-ship-" + tid));
  }

  private List<OutboxEntry> messages() {
    return outbox.forAggregate(OrderMessages.AGGREGATE, shop.id().value() + ":" + tid);
  }

  private List<ExceptionView> exceptionsOfTrade(String status) {
    return orders.exceptions(status, 10_000).stream().filter(e -> e.tid().equals(tid)).toList();
  }

  private ExceptionView onlyOpen() {
    assertThat(exceptionsOfTrade(null)).hasSize(1);
    return exceptionsOfTrade(null).get(0);
  }

  @Test
  void queuedTradeClosedBeforeItsCreateIsDeliveredNeverReachesTheErp() {
    importSnapshot(paid(100));
    importSnapshot(snapshot("TRADE_CLOSED", 200, "文三路***号", "138****1234", null, 0));

    sync.drain();

    assertThat(erpOrder()).isEmpty();
    assertThat(messages()).extracting(OutboxEntry::messageType, OutboxEntry::status).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(OrderMessages.CREATE_SALES_ORDER, OutboxStatus.DONE),
        org.assertj.core.groups.Tuple.tuple(OrderMessages.CANCEL_SALES_ORDER, OutboxStatus.DONE));
    assertThat(exceptionsOfTrade(null)).isEmpty();
    assertThat(exceptionsOfTrade("RESOLVED")).singleElement().satisfies(e -> {
      assertThat(e.reasonCode()).isEqualTo("AMEND-001");
      assertThat(e.message()).contains("before its ERP order was created");
    });
  }

  @Test
  void aPageRecordsWhatEachTradeSentAndQueuesTheCancelOfAClosedOneBehindItsCreate() {
    String open = tid;
    ChannelTrade openTrade = paid(100);
    tid = Integer.toString(TIDS.incrementAndGet());
    String closed = tid;
    ChannelTrade closedTrade = snapshot("TRADE_CLOSED", 100, "文三路***号", "138****1234", null, 0);
    importer.importPage(shop, List.of(openTrade, closedTrade));

    // newest first
    assertThat(messages()).extracting(OutboxEntry::messageType)
        .containsExactly(OrderMessages.CANCEL_SALES_ORDER, OrderMessages.CREATE_SALES_ORDER);
    sync.drain();
    assertThat(erpOrder()).isEmpty();

    tid = open;
    assertThat(erpOrder()).isPresent();
    importSnapshot(snapshot("WAIT_SELLER_SEND_GOODS", 200, "莫干山路***号", "138****1234", null, 0));
    importSnapshot(snapshot("WAIT_SELLER_SEND_GOODS", 200, "莫干山路***号", "138****1234", null, 0));
    sync.drain();
    assertThat(particulars().receiver().address()).isEqualTo("莫干山路***号");
    assertThat(messages()).extracting(OutboxEntry::messageType)
        .containsExactly(OrderMessages.UPDATE_SALES_ORDER, OrderMessages.CREATE_SALES_ORDER);
    assertThat(closed).isNotEqualTo(open);
  }

  @Test
  void exportedTradeClosedBeforeShippingCancelsTheErpOrderOnce() {
    importSnapshot(paid(100));
    sync.drain();
    assertThat(erpOrder()).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(ErpOrderStatus.OPEN));

    ChannelTrade closed = snapshot("TRADE_CLOSED", 200, "文三路***号", "138****1234", null, 0);
    importSnapshot(closed);
    sync.drain();
    importSnapshot(closed);
    importSnapshot(snapshot("TRADE_CLOSED", 300, "文三路***号", "138****1234", "买家申请退款", 1));
    sync.drain();

    assertThat(erpOrder()).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(ErpOrderStatus.CANCELLED));
    assertThat(messages()).extracting(OutboxEntry::messageType)
        .containsExactlyInAnyOrder(OrderMessages.CREATE_SALES_ORDER, OrderMessages.CANCEL_SALES_ORDER);
    assertThat(exceptionsOfTrade("RESOLVED")).extracting(ExceptionView::reasonCode).containsExactly("AMEND-001");
    assertThat(exceptionsOfTrade(null)).isEmpty();
  }

  @Test
  void tradeClosedAfterTheErpShippedIsAnOpenExceptionAndTheOrderStays() {
    importSnapshot(paid(100));
    sync.drain();
    shipInErp();

    importSnapshot(snapshot("TRADE_CLOSED", 200, "文三路***号", "138****1234", null, 0));
    sync.drain();

    assertThat(erpOrder()).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(ErpOrderStatus.DELIVERED));
    ExceptionView open = onlyOpen();
    assertThat(open.reasonCode()).isEqualTo("AMEND-004");
    assertThat(open.message()).contains(docNo().value()).contains("not cancelled");
  }

  @Test
  void tradeClosedBecauseEverySubOrderWasRefundedAfterShippingIsLeftToTheAfterSaleFlow() {
    importSnapshot(paid(100));
    sync.drain();
    shipInErp();

    ChannelTrade closed = snapshot("TRADE_CLOSED", 200, "文三路***号", "138****1234", null, 0);
    ChannelTradeLine refunded = closed.lines().get(0);
    importSnapshot(new ChannelTrade(closed.tid(), closed.status(), closed.type(), closed.created(), closed.modified(), closed.payTime(),
        closed.paymentFen(), closed.postFeeFen(), closed.totalFeeFen(), closed.discountFeeFen(), closed.adjustFeeFen(), closed.buyerNick(),
        closed.buyerOpenUid(), closed.receiverName(), closed.receiverMobile(), closed.receiverPhone(), closed.receiverState(),
        closed.receiverCity(), closed.receiverDistrict(), closed.receiverAddress(), closed.receiverZip(), closed.buyerMessage(),
        closed.sellerMemo(), closed.sellerFlag(), List.of(new ChannelTradeLine(refunded.oid(), refunded.numIid(), refunded.skuId(),
            refunded.outerIid(), refunded.outerSkuId(), refunded.title(), refunded.skuPropertiesName(), refunded.num(), refunded.priceFen(),
            refunded.totalFeeFen(), refunded.paymentFen(), refunded.divideOrderFeeFen(), refunded.discountFeeFen(), refunded.adjustFeeFen(),
            "TRADE_CLOSED", "SUCCESS")), closed.rawJson()));
    sync.drain();

    assertThat(erpOrder()).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(ErpOrderStatus.DELIVERED));
    assertThat(exceptionsOfTrade(null)).as("nothing for an operator: the returns are the after-sale flow's").isEmpty();
    assertThat(exceptionsOfTrade("RESOLVED")).singleElement().satisfies(e -> {
      assertThat(e.reasonCode()).isEqualTo("AMEND-010");
      assertThat(e.message()).contains(docNo().value()).contains("after-sale flow");
    });
  }

  @Test
  void addressChangedBeforeShippingUpdatesTheErpOrder() {
    importSnapshot(paid(100));
    sync.drain();

    importSnapshot(snapshot("WAIT_SELLER_SEND_GOODS", 200, "莫干山路***号", "139****5678", null, 0));
    sync.drain();

    SalesOrderAmendment.Particulars p = particulars();
    assertThat(p.receiver().address()).isEqualTo("莫干山路***号");
    assertThat(p.receiver().mobile()).isEqualTo("139****5678");
    assertThat(exceptionsOfTrade(null)).isEmpty();
    assertThat(exceptionsOfTrade("RESOLVED")).singleElement().satisfies(e -> {
      assertThat(e.reasonCode()).isEqualTo("AMEND-005");
      assertThat(e.message()).contains("mobile '****1234' → '****5678'").contains("address '文三路…' → '莫干山路…'");
    });
  }

  @Test
  void addressChangedWhileTheCreateIsStillQueuedReachesTheErpAfterTheCreate() {
    importSnapshot(paid(100));
    importSnapshot(snapshot("WAIT_SELLER_SEND_GOODS", 200, "莫干山路***号", "138****1234", null, 0));

    sync.drain();

    assertThat(particulars().receiver().address()).isEqualTo("莫干山路***号");
    assertThat(messages()).extracting(OutboxEntry::status).containsOnly(OutboxStatus.DONE);
  }

  @Test
  void addressChangedAfterShippingIsAnOpenExceptionSayingWhatChangedMasked() {
    importSnapshot(paid(100));
    sync.drain();
    shipInErp();

    importSnapshot(snapshot("WAIT_BUYER_CONFIRM_GOODS", 200, "莫干山路***号", "139****5678", null, 0));
    sync.drain();

    assertThat(particulars().receiver().address()).isEqualTo("文三路***号");
    ExceptionView open = onlyOpen();
    assertThat(open.reasonCode()).isEqualTo("AMEND-002");
    assertThat(open.message())
        .contains("mobile '****1234' → '****5678'", "address '文三路…' → '莫干山路…'", docNo().value(), "redirect")
        .doesNotContain("139****5678", "莫干山路***号");

    assertThat(orders.retryAllOpen()).noneMatch(line -> line.startsWith(open.id() + ":"));
    assertThat(exceptionsOfTrade(null)).hasSize(1);
    assertThat(orders.retry(open.id())).contains("AMEND-002 closed");
    assertThat(exceptionsOfTrade(null)).isEmpty();
  }

  @Test
  void memoAndFlagChangedBeforeShippingUpdateTheErpOrderAndAfterShippingRaiseAnException() {
    importSnapshot(paid(100));
    sync.drain();

    importSnapshot(snapshot("WAIT_SELLER_SEND_GOODS", 200, "文三路***号", "138****1234", "加送小样", 2));
    sync.drain();
    assertThat(particulars().sellerMemo()).isEqualTo("加送小样");
    assertThat(particulars().sellerFlag()).isEqualTo(2);
    assertThat(exceptionsOfTrade("RESOLVED")).singleElement().satisfies(e -> {
      assertThat(e.reasonCode()).isEqualTo("AMEND-006");
      assertThat(e.message()).contains("seller memo (none) → '加送小样'", "seller flag '0' → '2'");
    });

    shipInErp();
    importSnapshot(snapshot("WAIT_BUYER_CONFIRM_GOODS", 300, "文三路***号", "138****1234", "加送小样", 4));
    sync.drain();

    assertThat(particulars().sellerFlag()).isEqualTo(2);
    ExceptionView open = onlyOpen();
    assertThat(open.reasonCode()).isEqualTo("AMEND-003");
    assertThat(open.message()).contains("seller flag '2' → '4'").doesNotContain("address");
  }

  @Test
  void changesWithinTheSecondTheErpOrderWasQueuedFromReachTheErpEachOnce() {
    // TOP's modified has second precision: the memo, then the address change in the second of the paid snapshot
    ChannelTrade memo = snapshot("WAIT_SELLER_SEND_GOODS", 100, "文三路***号", "138****1234", "加送小样", 2);
    ChannelTrade moved = snapshot("WAIT_SELLER_SEND_GOODS", 100, "莫干山路***号", "138****1234", "加送小样", 2);
    importSnapshot(paid(100));
    sync.drain();

    importSnapshot(memo);
    sync.drain();
    assertThat(particulars().sellerMemo()).isEqualTo("加送小样");
    assertThat(particulars().sellerFlag()).isEqualTo(2);

    importSnapshot(moved);
    importSnapshot(moved); // a replay sends nothing
    sync.drain();
    assertThat(particulars().receiver().address()).isEqualTo("莫干山路***号");
    assertThat(particulars().sellerMemo()).isEqualTo("加送小样");
    assertThat(exceptionsOfTrade("RESOLVED")).extracting(ExceptionView::reasonCode).containsExactlyInAnyOrder("AMEND-006", "AMEND-005");
    assertThat(messages()).extracting(OutboxEntry::messageType).containsExactly(
        OrderMessages.UPDATE_SALES_ORDER, OrderMessages.UPDATE_SALES_ORDER, OrderMessages.CREATE_SALES_ORDER);
    assertThat(messages()).extracting(OutboxEntry::status).containsOnly(OutboxStatus.DONE);
  }

  @Test
  void tradeClosedWithinTheSecondItsErpOrderWasQueuedFromCancelsIt() {
    importSnapshot(paid(100));
    sync.drain();
    importSnapshot(snapshot("TRADE_CLOSED", 100, "文三路***号", "138****1234", null, 0));
    sync.drain();

    assertThat(erpOrder()).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(ErpOrderStatus.CANCELLED));
    assertThat(exceptionsOfTrade("RESOLVED")).extracting(ExceptionView::reasonCode).containsExactly("AMEND-001");
  }

  @Test
  void replaysAndSnapshotsThatChangeNothingTheErpHoldsSendNothing() {
    ChannelTrade changed = snapshot("WAIT_SELLER_SEND_GOODS", 200, "莫干山路***号", "138****1234", null, 0);
    importSnapshot(paid(100));
    sync.drain();
    importSnapshot(changed);
    sync.drain();
    int before = messages().size();

    importSnapshot(changed);
    importSnapshot(paid(100));
    importSnapshot(snapshot("WAIT_BUYER_CONFIRM_GOODS", 300, "莫干山路***号", "138****1234", null, 0));
    sync.drain();

    assertThat(messages()).hasSize(before).hasSize(2);
    assertThat(exceptionsOfTrade("RESOLVED")).hasSize(1);
  }

  @Test
  void anOlderSnapshotArrivingLateChangesNothing() {
    importSnapshot(paid(100));
    sync.drain();
    importSnapshot(snapshot("WAIT_SELLER_SEND_GOODS", 300, "莫干山路***号", "138****1234", null, 0));
    sync.drain();

    importSnapshot(snapshot("WAIT_SELLER_SEND_GOODS", 200, "延安路***号", "138****0000", "旧备注", 5));
    importSnapshot(snapshot("TRADE_CLOSED", 250, "文三路***号", "138****1234", null, 0));
    sync.drain();

    assertThat(particulars().receiver().address()).isEqualTo("莫干山路***号");
    assertThat(particulars().sellerFlag()).isZero();
    assertThat(erpOrder()).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(ErpOrderStatus.OPEN));
    assertThat(messages()).hasSize(2);
  }
}
