package com.tmallbridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.erp.CustomerSink;
import com.tmallbridge.erp.DeliveryHold;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.ErpTestData;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.erp.ReturnSink;
import com.tmallbridge.erp.SalesOrderSink;
import com.tmallbridge.erp.embedded.operations.AfterSaleFacts;
import com.tmallbridge.erp.embedded.operations.OpenLine;
import com.tmallbridge.erp.embedded.operations.Shipment;
import com.tmallbridge.erp.tryton.TrytonConnector;
import com.tmallbridge.erp.tryton.TrytonTestConnection;
import com.tmallbridge.sandbox.erp.SharedTrytonServer;
import com.tmallbridge.testsupport.RunsAlongside;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo's Tryton desk reads what Tryton holds — ordered and delivered units per sub-order,
 * creation times, holds with their release, returns with their receipt — for one shop only, and
 * ships through the connector's booking as the warehouse would. Skipped with {@code
 * -Dbridge.test.tryton=skip}.
 */
@RunsAlongside("waits for the shared Tryton server")
class TrytonErpDeskTests {
  private final ErpTestData data = new ErpTestData();
  private final TrytonConnector connector = TrytonTestConnection.connector();
  private final TrytonErpDesk desk = new TrytonErpDesk(new ErpRegistry(List.of(connector), connector.id()),
      () -> SharedTrytonServer.get().admin());

  private ErpDocNo order(String shopCode, String orderNo) {
    MaterialCode a = data.materialCode();
    MaterialCode b = data.materialCode();
    connector.upsertMaterial(data.material(a, 5990));
    connector.upsertMaterial(data.material(b, 850));
    SalesOrder order = data.order(shopCode, new com.tmallbridge.core.ChannelOrderNo(orderNo), 1000,
        List.of(ErpTestData.line(1, a, 2, 5990), ErpTestData.line(2, b, 3, 850)));
    return ((SalesOrderSink) connector).createSalesOrder(order, ((CustomerSink) connector).ensureCustomer(order.customer()));
  }

  @Test
  void linesShowWhatWasOrderedAndWhatLeftTheWarehouse() {
    ErpDocNo so = order(data.shopCode(), "1001");

    assertThat(desk.openLines(so)).extracting(OpenLine::lineNo, OpenLine::externalLineId, OpenLine::ordered, OpenLine::delivered)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "oid-1", 2L, 0L), org.assertj.core.groups.Tuple.tuple(2, "oid-2", 3L, 0L));

    desk.ship(new Shipment(so, TrytonTestConnection.WAREHOUSE, "SF", "SF" + data.tag(), "p1-" + data.tag(), Map.of(2, 2L)));

    assertThat(desk.openLines(List.of(so, new ErpDocNo("NO-SUCH-SALE"))))
        .containsOnlyKeys(so)
        .extractingByKey(so).satisfies(lines -> assertThat(lines).extracting(OpenLine::delivered).containsExactly(0L, 2L));
  }

  @Test
  void unitsCancelledBeforeShippingAreNoLongerOpen() {
    ErpDocNo so = order(data.shopCode(), "1501");
    desk.ship(new Shipment(so, TrytonTestConnection.WAREHOUSE, "SF", "SF" + data.tag(), "c1-" + data.tag(), Map.of(2, 1L)));

    ((com.tmallbridge.erp.SalesOrderLineCancellation) connector).cancelOpenUnits(so, List.of("oid-2"), "cancel-" + data.tag());

    assertThat(desk.openLines(so)).extracting(OpenLine::externalLineId, OpenLine::ordered, OpenLine::delivered, OpenLine::open)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("oid-1", 2L, 0L, 2L), org.assertj.core.groups.Tuple.tuple("oid-2", 1L, 1L, 0L));
  }

  @Test
  void creationTimesAreThoseOfTheShopsSalesOnly() {
    order(data.shopCode(), "2001");
    order("O" + data.tag(), "2002");

    assertThat(desk.salesOrdersCreatedAt(data.shopCode())).containsOnlyKeys("2001");
  }

  @Test
  void holdsWithTheirReleaseAndReturnsWithTheirReceiptAreRead() {
    ErpDocNo so = order(data.shopCode(), "3001");
    DeliveryHold holds = connector;
    holds.hold(so, "refund-1", "refund 1 requested");
    holds.hold(so, "refund-2", "refund 2 requested");
    holds.release(so, "refund-1");

    AfterSaleFacts held = desk.afterSaleFacts(data.shopCode());

    assertThat(held.holds()).extracting(AfterSaleFacts.Hold::salesOrderNo, AfterSaleFacts.Hold::key)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(so, "refund-1"), org.assertj.core.groups.Tuple.tuple(so, "refund-2"));
    assertThat(held.holds()).filteredOn(h -> h.key().equals("refund-1")).allMatch(h -> h.releasedAt() != null);
    assertThat(held.holds()).filteredOn(h -> h.key().equals("refund-2")).allMatch(h -> h.releasedAt() == null);
    assertThat(held.returns()).isEmpty();

    holds.release(so, "refund-2");
    desk.ship(Shipment.inFull(so, TrytonTestConnection.WAREHOUSE, "ZTO", "ZT" + data.tag(), "p-" + data.tag()));
    ReturnSink returns = connector;
    ErpDocNo returnNo = returns.createReturn(so, Map.of("oid-2", 2L), "r-" + data.tag(), "buyer returns 2");

    assertThat(desk.afterSaleFacts(data.shopCode()).returns()).singleElement().satisfies(r -> {
      assertThat(r.returnNo()).isEqualTo(returnNo);
      assertThat(r.salesOrderNo()).isEqualTo(so);
      assertThat(r.received()).isFalse();
      assertThat(r.lines()).containsExactly(new AfterSaleFacts.Line("oid-2", 2));
    });
    returns.receiveReturn(returnNo);
    assertThat(desk.afterSaleFacts(data.shopCode()).returns()).singleElement().satisfies(r -> assertThat(r.received()).isTrue());
    assertThat(desk.afterSaleFacts("O" + data.tag()).holds()).isEmpty();
  }

  @Test
  void theShopsAccountMovesCarryTheirTotalsAndAnUnbalancedDraftShows() {
    String shop = data.shopCode();
    java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    ((com.tmallbridge.erp.VoucherSink) connector).postVoucher(new com.tmallbridge.core.Voucher("SALE|" + shop + "|T1", shop, day, "x",
        List.of(com.tmallbridge.core.VoucherEntry.debit("1122", 11300, "T1"), com.tmallbridge.core.VoucherEntry.credit("6001", 10000, "T1"),
            com.tmallbridge.core.VoucherEntry.credit("2221", 1300, "T1"))));
    // written straight into Tryton as its own user could: a draft move need not balance
    var admin = SharedTrytonServer.get().admin();
    long journal = admin.model("account.journal", "search", List.of(List.of("code", "=", "TMALL")), 0, 1, null).get(0).asLong();
    Map<String, Object> date = Map.of("__class__", "date", "year", day.getYear(), "month", day.getMonthValue(), "day", day.getDayOfMonth());
    long period = admin.model("account.period", "search", List.of(List.of("start_date", "<=", date), List.of("end_date", ">=", date),
        List.of("type", "=", "standard")), 0, 1, null).get(0).asLong();
    Map<String, Long> accounts = new java.util.HashMap<>();
    admin.model("account.account", "search_read", List.of(List.of("code", "in", List.of("660101", "1012"))), 0, null, null,
        List.of("code")).forEach(a -> accounts.put(a.get("code").asString(), a.get("id").asLong()));
    admin.model("account.move", "create", List.of(Map.of("journal", journal, "period", period, "date", date,
        "description", "COMM|" + shop + "|B9", "lines", List.of(List.of("create", List.of(
            Map.of("account", accounts.get("660101"), "debit", com.tmallbridge.sandbox.erp.TrytonRpc.decimal(new java.math.BigDecimal("5.00")),
                "credit", com.tmallbridge.sandbox.erp.TrytonRpc.decimal(java.math.BigDecimal.ZERO)),
            Map.of("account", accounts.get("1012"), "debit", com.tmallbridge.sandbox.erp.TrytonRpc.decimal(java.math.BigDecimal.ZERO),
                "credit", com.tmallbridge.sandbox.erp.TrytonRpc.decimal(new java.math.BigDecimal("4.99")))))))));

    var vouchers = desk.ledgerVouchers(shop);

    assertThat(vouchers).hasSize(2);
    assertThat(vouchers).filteredOn(v -> !v.balanced()).singleElement().satisfies(v -> {
      assertThat(v.key()).isEqualTo("COMM|" + shop + "|B9");
      assertThat(v.debitFen()).isEqualTo(500);
      assertThat(v.creditFen()).isEqualTo(499);
    });
    assertThat(vouchers).filteredOn(v -> v.key().startsWith("SALE")).singleElement()
        .satisfies(v -> assertThat(v.debitFen()).isEqualTo(11300).isEqualTo(v.creditFen()));
    assertThat(desk.ledgerVouchers("O" + data.tag())).as("another shop's").isEmpty();
  }
}
