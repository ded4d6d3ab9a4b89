package com.tmallbridge.erp.embedded;

import static com.tmallbridge.erp.ErpTestData.line;
import static com.tmallbridge.erp.embedded.EmbeddedSalesOrderTests.assertPermanent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.ErpDelivery;
import com.tmallbridge.erp.ErpContractFixture;
import com.tmallbridge.erp.ErpTestData;
import com.tmallbridge.erp.embedded.operations.EmbeddedErpOperations;
import com.tmallbridge.erp.embedded.operations.OpenLine;
import com.tmallbridge.erp.embedded.operations.Shipment;
import com.tmallbridge.testsupport.DatabaseTest;
import com.tmallbridge.testsupport.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Deliveries of the built-in ERP: split parcels, statuses, stock moves, the rules they enforce. */
@DatabaseTest
class EmbeddedDeliveryTests {
  @RegisterExtension static final MigratedDatabaseExtension DATABASE = new MigratedDatabaseExtension();

  private final ErpTestData data = new ErpTestData();
  private final MutableClock clock = new MutableClock(Instant.parse("2025-11-10T16:30:00Z"));
  private final EmbeddedErpConnector erp = DATABASE.get().connector(clock);
  private final EmbeddedErpOperations ops = erp.operations();

  @Test
  void shipsAnOrderInTwoParcelsAndMovesItFromPartShippedToShipped() {
    ErpDocNo so = order(2, 1);

    ErpDelivery first = ops.ship(parcel(so, "p1", Map.of(1, 1L)));
    assertThat(status(so)).isEqualTo("PART_SHIPPED");
    ErpDelivery second = ops.ship(parcel(so, "p2", Map.of(1, 1L, 2, 1L)));

    assertThat(status(so)).isEqualTo("SHIPPED");
    assertThat(first.deliveryNo().value()).matches("DN20251111\\d{6,}");
    assertThat(second.lines()).extracting(ErpDelivery.Line::externalLineId).containsExactly("oid-1", "oid-2");
    assertThat(ops.openLines(so)).extracting(OpenLine::open).containsExactly(0L, 0L);
  }

  @Test
  void readsTheLinesOfManyOrdersAsEachAloneInTheOrderAskedAndLeavesUnknownOnesOut() {
    ErpDocNo a = order(2, 1);
    ErpDocNo b = order(3, 4);
    ops.ship(parcel(b, "p1", Map.of(2, 1L)));
    ErpDocNo unknown = new ErpDocNo("SO-NOT-THERE-" + data.tag());

    Map<ErpDocNo, List<OpenLine>> lines = ops.openLines(List.of(b, unknown, a, b));

    assertThat(lines.keySet()).containsExactly(b, a);
    assertThat(lines.get(a)).isEqualTo(ops.openLines(a));
    assertThat(lines.get(b)).isEqualTo(ops.openLines(b)).extracting(OpenLine::delivered).containsExactly(0L, 1L);
  }

  @Test
  void shippingInFullShipsEveryOpenUnitLeftAfterEarlierParcels() {
    ErpDocNo so = order(3, 2);
    ops.ship(parcel(so, "p1", Map.of(1, 1L)));

    ErpDelivery rest = ops.ship(Shipment.inFull(so, "WH01", "SF", "SF1", ref("rest")));

    assertThat(rest.lines()).extracting(ErpDelivery.Line::externalLineId, ErpDelivery.Line::quantity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("oid-1", 2L), org.assertj.core.groups.Tuple.tuple("oid-2", 2L));
    assertThat(status(so)).isEqualTo("SHIPPED");
  }

  @Test
  void booksOneNegativeDeliveryMovePerLineReferencedByDeliveryAndLine() {
    ErpDocNo so = order(2, 1);
    MaterialCode first = ops.openLines(so).get(0).material();
    ops.receive("WH01", first, 5, ref("in"));

    ErpDelivery delivery = ops.ship(parcel(so, "p1", Map.of(1, 2L, 2, 1L)));

    List<Map<String, Object>> moves = DATABASE.get().jdbc()
        .sql("select reference, quantity, reason, warehouse from erp_stock_move where reference like :p order by reference")
        .param("p", delivery.deliveryNo().value() + "/%").query().listOfRows();
    assertThat(moves).extracting(m -> m.get("reference"), m -> m.get("quantity"), m -> m.get("reason"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(delivery.deliveryNo().value() + "/1", -2L, "DELIVERY"),
            org.assertj.core.groups.Tuple.tuple(delivery.deliveryNo().value() + "/2", -1L, "DELIVERY"));
    assertThat(erp.onHand(first)).containsEntry("WH01", 3L);
  }

  @Test
  void refusesToShipMoreThanOrderedMinusDeliveredAndBooksNothing() {
    ErpDocNo so = order(2, 1);
    ops.ship(parcel(so, "p1", Map.of(1, 1L)));
    MaterialCode material = ops.openLines(so).get(0).material();

    assertThatThrownBy(() -> ops.ship(parcel(so, "p2", Map.of(1, 2L, 2, 1L))))
        .satisfies(e -> assertPermanent(e, "EMBEDDED-008"))
        .hasMessageContaining("only 1 of 2 ordered are left (1 already delivered)");
    assertThat(ops.openLines(so)).extracting(OpenLine::delivered).containsExactly(1L, 0L);
    assertThat(erp.onHand(material)).containsEntry("WH01", -1L);
    assertThat(status(so)).isEqualTo("PART_SHIPPED");
  }

  @Test
  void refusesUnknownLinesNonPositiveQuantitiesAndAFullyShippedOrder() {
    ErpDocNo so = order(1, 1);

    assertThatThrownBy(() -> ops.ship(parcel(so, "bad-line", Map.of(9, 1L)))).satisfies(e -> assertPermanent(e, "EMBEDDED-008"))
        .hasMessageContaining("line 9");
    assertThatThrownBy(() -> ops.ship(parcel(so, "zero", Map.of(1, 0L)))).satisfies(e -> assertPermanent(e, "EMBEDDED-008"));
    ops.ship(Shipment.inFull(so, "WH01", null, null, ref("all")));
    assertThatThrownBy(() -> ops.ship(Shipment.inFull(so, "WH01", null, null, ref("again"))))
        .satisfies(e -> assertPermanent(e, "EMBEDDED-008")).hasMessageContaining("nothing left to ship");
  }

  @Test
  void refusesUnknownOrdersAndWarehouses() {
    ErpDocNo so = order(1, 1);

    assertThatThrownBy(() -> ops.ship(Shipment.inFull(new ErpDocNo("SO-NONE"), "WH01", null, null, ref("x"))))
        .satisfies(e -> assertPermanent(e, "EMBEDDED-007"));
    assertThatThrownBy(() -> ops.ship(Shipment.inFull(so, "WH99", null, null, ref("y"))))
        .satisfies(e -> assertPermanent(e, "EMBEDDED-008")).hasMessageContaining("WH99");
  }

  @Test
  void aRepeatedReferenceReturnsTheFirstDeliveryAndShipsNothingMore() {
    ErpDocNo so = order(3, 1);

    ErpDelivery first = ops.ship(parcel(so, "same", Map.of(1, 1L)));
    ErpDelivery again = ops.ship(parcel(so, "same", Map.of(1, 1L)));
    ErpDelivery changed = ops.ship(parcel(so, "same", Map.of(1, 2L, 2, 1L)));

    assertThat(again).isEqualTo(first);
    assertThat(changed).isEqualTo(first);
    assertThat(ops.openLines(so)).extracting(OpenLine::delivered).containsExactly(1L, 0L);
  }

  @Test
  void concurrentFullShipmentsOfOneOrderShipItOnce() throws Exception {
    ErpDocNo so = order(2, 2);

    List<String> outcomes = ErpContractFixture.concurrently(4, () -> {
      try {
        return ops.ship(Shipment.inFull(so, "WH01", null, null, ref("race-" + Thread.currentThread().getId()))).deliveryNo().value();
      } catch (ConnectorException e) {
        return e.errorCode().code();
      }
    });

    assertThat(outcomes).filteredOn(o -> o.startsWith("DN")).hasSize(1);
    assertThat(outcomes).filteredOn(o -> !o.startsWith("DN")).containsOnly("EMBEDDED-008");
    assertThat(ops.openLines(so)).extracting(OpenLine::delivered).containsExactly(2L, 2L);
  }

  @Test
  void cancelsAnOrderOnlyBeforeAnyDeliveryAndRefusesToShipItAfterwards() {
    ErpDocNo open = order(1, 1);
    ErpDocNo started = order(2, 1);
    ops.ship(parcel(started, "p1", Map.of(1, 1L)));

    ops.cancelSalesOrder(open);
    ops.cancelSalesOrder(open);

    assertThat(status(open)).isEqualTo("CANCELLED");
    assertThatThrownBy(() -> ops.ship(Shipment.inFull(open, "WH01", null, null, ref("late"))))
        .satisfies(e -> assertPermanent(e, "EMBEDDED-008")).hasMessageContaining("cancelled");
    assertThatThrownBy(() -> ops.cancelSalesOrder(started))
        .satisfies(e -> assertPermanent(e, "EMBEDDED-009")).hasMessageContaining("PART_SHIPPED");
    assertThatThrownBy(() -> ops.cancelSalesOrder(new ErpDocNo("SO-NONE"))).satisfies(e -> assertPermanent(e, "EMBEDDED-007"));
    assertThat(status(started)).isEqualTo("PART_SHIPPED");
  }

  @Test
  void owesBuyersWhatNonCancelledOrdersStillLackPerMaterial() {
    MaterialCode shared = material();
    ErpDocNo a = create(List.of(line(1, shared, 3, 100)));
    ErpDocNo b = create(List.of(line(1, shared, 2, 100), line(2, material(), 1, 100)));
    ErpDocNo cancelled = create(List.of(line(1, shared, 5, 100)));
    ops.ship(parcel(a, "a1", Map.of(1, 1L)));
    ops.ship(Shipment.inFull(b, "WH01", null, null, ref("b-all")));
    ops.cancelSalesOrder(cancelled);

    assertThat(ops.undeliveredQuantities()).containsEntry(shared, 2L);
    assertThat(ops.undeliveredQuantities().keySet()).doesNotContain(ops.openLines(b).get(1).material());
  }

  @Test
  void aRefusedDeliveryLeavesTheCallersTransactionUsable() {
    ErpDocNo so = order(1, 1);
    MaterialCode material = ops.openLines(so).get(0).material();

    DATABASE.get().transaction().executeWithoutResult(status -> {
      assertThatThrownBy(() -> ops.ship(parcel(so, "too-many", Map.of(1, 5L)))).isInstanceOf(ConnectorException.class);
      ops.receive("WH01", material, 4, ref("same-tx"));
      assertThat(status.isRollbackOnly()).isFalse();
    });

    assertThat(erp.onHand(material)).containsEntry("WH01", 4L);
  }

  private Shipment parcel(ErpDocNo so, String name, Map<Integer, Long> lines) {
    return new Shipment(so, "WH01", "ZTO", "ZT" + data.tag() + name, ref(name), lines);
  }

  /** An order of two lines with {@code first} and {@code second} units. */
  private ErpDocNo order(int first, int second) {
    return create(List.of(line(1, material(), first, 100), line(2, material(), second, 100)));
  }

  private ErpDocNo create(List<com.tmallbridge.core.SalesOrderLine> lines) {
    SalesOrder order = data.order(data.shopCode(), data.orderNo(), 0, lines);
    return erp.createSalesOrder(order, erp.ensureCustomer(order.customer()));
  }

  private MaterialCode material() {
    MaterialCode code = data.materialCode();
    erp.upsertMaterial(data.material(code, 100));
    return code;
  }

  private String status(ErpDocNo so) {
    return DATABASE.get().jdbc().sql("select status from erp_sales_order where doc_no = :d").param("d", so.value())
        .query(String.class).single();
  }

  private String ref(String name) {
    return data.tag() + "-" + name;
  }
}
