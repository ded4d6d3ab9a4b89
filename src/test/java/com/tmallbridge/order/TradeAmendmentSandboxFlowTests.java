package com.tmallbridge.order;

import com.tmallbridge.testsupport.CleanDatabase;
import com.tmallbridge.erp.ErpOrderStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import com.tmallbridge.erp.SalesOrderAmendment;
import com.tmallbridge.erp.SalesOrderQuery;
import com.tmallbridge.erp.embedded.operations.EmbeddedErpOperations;
import com.tmallbridge.erp.embedded.operations.Shipment;
import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.sandbox.tmall.RefundKind;
import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.SandboxTradeLine;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.MutableClock;
import com.tmallbridge.testsupport.SandboxMaterials;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Trade changes after import end to end: the sandbox changes addresses and memos and closes a paid
 * trade by refunding every sub-order; the bridge polls and the built-in ERP's orders follow, on H2
 * and PostgreSQL. The memo and the shipped trade's address change within the second of the trade's
 * previous change (TOP's {@code modified} has second precision), and one pull cycle carries them.
 */
@SpringBootTest
@CleanDatabase
class TradeAmendmentSandboxFlowTests extends SpringDatabaseTestBase {
  @Autowired OrderSync sync;
  @Autowired OrderManagement orders;
  @Autowired ProductManagement products;
  @Autowired ShopManagement shops;
  @Autowired ErpRegistry erp;
  @Autowired EmbeddedErpOperations warehouse;

  private TmallSandbox sandbox;
  private Shop shop;

  @BeforeEach
  void startSandbox() {
    // the sandbox's time stands still: the test's changes fall in the second of the history's last
    // changes (as they did by chance when a warm JVM ran the set-up and the first cycle within that
    // second), so they come with the modified of the snapshots the ERP orders were queued from
    sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(11).withClock(new MutableClock(Instant.now())));
    Instant now = sandbox.clock().instant();
    sandbox.generateHistory(60, now.minus(Duration.ofHours(2)), now.minus(Duration.ofMinutes(1)));
    var c = sandbox.credentials();
    shop = shops.add(new ShopRegistration("AF", "改单流程店", sandbox.url(), c.appKey(), c.appSecret(), c.sessionKey(), "md5",
        now.minus(Duration.ofHours(3))));
    for (MaterialCode m : SandboxMaterials.seed(sandbox, shop, products, erp, -1)) {
      warehouse.receive("WH01", m, 1_000, "af-" + m.value());
    }
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private ErpSalesOrderSummary erpOrder(long tid) {
    return erp.capability(SalesOrderQuery.class).findByChannelOrder("AF", new ChannelOrderNo(Long.toString(tid))).orElseThrow();
  }

  private SalesOrderAmendment.Particulars particulars(long tid) {
    return erp.capability(SalesOrderAmendment.class).particulars(erpOrder(tid).docNo()).orElseThrow();
  }

  /** This test's shop's exceptions (other test classes may share the Spring context and its database). */
  private List<ExceptionView> ofShop(String status) {
    return orders.exceptions(status, 10_000).stream().filter(e -> e.shopId() == shop.id().value()).toList();
  }

  private List<ExceptionView> exceptions(long tid, String status) {
    return orders.exceptions(status, 10_000).stream().filter(e -> e.tid().equals(Long.toString(tid))).toList();
  }

  @Test
  void addressMemoAndClosingAfterPaymentReachTheErpOrAnOperator() throws Exception {
    sync.runOnce();
    List<Long> waiting = sandbox.trades().stream().filter(t -> "WAIT_SELLER_SEND_GOODS".equals(t.status()))
        .map(SandboxTrade::tid).toList();
    assertThat(waiting).hasSizeGreaterThanOrEqualTo(4);
    long moved = waiting.get(0);
    long memo = waiting.get(1);
    long closed = waiting.get(2);
    long shipped = waiting.get(3);
    SalesOrderAmendment.Particulars movedBefore = particulars(moved);
    ErpDocNo shippedDoc = erpOrder(shipped).docNo();
    warehouse.ship(Shipment.inFull(shippedDoc, "WH01", "ZTO", "ZT" + shipped, "af-ship-" + shipped));
    SalesOrderAmendment.Particulars shippedBefore = particulars(shipped);

    Instant memoModified = sandbox.trade(memo).orElseThrow().modified();
    sandbox.changeAddress(moved);
    sandbox.changeMemo(memo, "加急，送小样", 3);
    for (SandboxTradeLine line : sandbox.trade(closed).orElseThrow().lines()) {
      sandbox.agreeRefund(sandbox.openRefund(closed, line.oid(), RefundKind.REFUND_ONLY, null, "不想要了").refundId());
    }
    sandbox.changeAddress(shipped);
    assertThat(sandbox.trade(closed).orElseThrow().status()).isEqualTo("TRADE_CLOSED");
    assertThat(sandbox.trade(memo).orElseThrow().modified()).as("the memo changed within the second of the trade's last change")
        .isEqualTo(memoModified);

    sync.runOnce();

    assertThat(particulars(moved).receiver()).isNotEqualTo(movedBefore.receiver());
    assertThat(exceptions(moved, "RESOLVED")).extracting(ExceptionView::reasonCode).containsExactly("AMEND-005");
    assertThat(particulars(memo).sellerMemo()).isEqualTo("加急，送小样");
    assertThat(particulars(memo).sellerFlag()).isEqualTo(3);
    assertThat(exceptions(memo, "RESOLVED")).extracting(ExceptionView::reasonCode).containsExactly("AMEND-006");
    assertThat(erpOrder(closed).status()).isEqualTo(ErpOrderStatus.CANCELLED);
    assertThat(exceptions(closed, "RESOLVED")).extracting(ExceptionView::reasonCode).containsExactly("AMEND-001");
    assertThat(particulars(shipped).receiver()).isEqualTo(shippedBefore.receiver());
    assertThat(exceptions(shipped, null)).singleElement().satisfies(e -> {
      assertThat(e.reasonCode()).isEqualTo("AMEND-002");
      assertThat(e.message()).contains(shippedDoc.value(), " → ");
    });

    int recorded = ofShop("RESOLVED").size();
    sync.runOnce();
    assertThat(ofShop("RESOLVED")).as("polling again changes nothing").hasSize(recorded);
    assertThat(ofShop(null)).extracting(ExceptionView::tid).containsExactly(Long.toString(shipped));
    long closedInHistory = sandbox.trades().stream().filter(t -> t.everPaid() && "TRADE_CLOSED".equals(t.status())).count();
    assertThat(ofShop("RESOLVED")).filteredOn(e -> e.reasonCode().equals("AMEND-001"))
        .as("every trade closed after payment, in the history or by the test").hasSize((int) closedInHistory);
  }
}
