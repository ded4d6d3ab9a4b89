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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo's Tryton desk reads what Tryton holds — ordered and delivered units per sub-order,
 * creation times, holds with their release, returns with their receipt — for one shop only, and
 * ships through the connector's booking as the warehouse would. Skipped with {@code
 * -Dbridge.test.tryton=skip}.
 */
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
}
