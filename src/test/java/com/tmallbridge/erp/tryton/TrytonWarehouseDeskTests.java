package com.tmallbridge.erp.tryton;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.erp.DeliveryPage;
import com.tmallbridge.erp.ErpDelivery;
import com.tmallbridge.erp.ErpTestData;
import com.tmallbridge.sandbox.erp.SharedTrytonServer;
import com.tmallbridge.sandbox.erp.TrytonRpc;
import com.tmallbridge.testsupport.RunsAlongside;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the connector writes, seen from Tryton itself through the sandbox's own JSON-RPC client
 * (independent of the connector's): a parcel a clerk ships by hand ({@link TrytonWarehouseDesk})
 * reaches the delivery feed and the delivered units; a hold is a note a clerk sees on the waiting
 * customer shipment.
 */
@RunsAlongside("waits for the shared Tryton server")
class TrytonWarehouseDeskTests {
  private final ErpTestData data = new ErpTestData();
  private final TrytonConnector connector = TrytonTestConnection.connector();

  @Test
  void aParcelShippedByHandInTrytonIsFedWithItsCarrierTrackingAndLines() {
    ErpDocNo so = createdOrder();
    String cursor = endOfFeed();

    new TrytonWarehouseDesk(rpc()).ship(so.value(), Map.of("oid-1", 2L), "ZTO:ZT" + data.tag());

    List<ErpDelivery> mine = new ArrayList<>();
    for (DeliveryPage page = connector.deliveriesAfter(cursor, 50); ; page = connector.deliveriesAfter(cursor, 50)) {
      page.deliveries().stream().filter(d -> d.salesOrderNo().equals(so)).forEach(mine::add);
      cursor = page.cursor();
      if (!page.more()) {
        break;
      }
    }
    assertThat(mine).singleElement().satisfies(d -> {
      assertThat(d.carrier()).isEqualTo("ZTO");
      assertThat(d.trackingNo()).isEqualTo("ZT" + data.tag());
      assertThat(d.lines()).extracting(ErpDelivery.Line::externalLineId, ErpDelivery.Line::quantity)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("oid-1", 2L));
    });
    assertThat(connector.deliveredUnits(so, List.of("oid-1"))).isEqualTo(2);
    assertThat(connector.deliveredUnits(so, List.of("oid-2"))).isZero();
  }

  @Test
  void aHoldIsANoteAClerkSeesOnTheSaleAndOnItsWaitingShipment() {
    ErpDocNo so = createdOrder();

    connector.hold(so, "refund-" + data.tag(), "refund 77 requested");

    TrytonRpc rpc = rpc();
    JsonNode sale = rpc.model("sale.sale", "search_read", List.of(List.of("number", "=", so.value())), 0, 1, null, List.of("shipments"));
    List<String> resources = new ArrayList<>();
    resources.add("sale.sale," + sale.get(0).get("id").asLong());
    sale.get(0).get("shipments").forEach(s -> resources.add("stock.shipment.out," + s.asLong()));
    JsonNode notes = rpc.model("ir.note", "search_read", List.of(List.of("resource", "in", resources)), 0, null, null,
        List.of("resource", "message"));
    assertThat(notes).hasSize(resources.size()).allSatisfy(n -> assertThat(n.get("message").asString())
        .startsWith("Bridge hold refund-" + data.tag()).contains("Do not ship this order: refund 77 requested"));
  }

  private ErpDocNo createdOrder() {
    MaterialCode a = data.materialCode();
    MaterialCode b = data.materialCode();
    connector.upsertMaterial(data.material(a, 1000));
    connector.upsertMaterial(data.material(b, 2000));
    SalesOrder order = data.order(data.shopCode(), data.orderNo(), 0, List.of(ErpTestData.line(1, a, 3, 1000), ErpTestData.line(2, b, 1, 2000)));
    return connector.createSalesOrder(order, connector.ensureCustomer(order.customer()));
  }

  private String endOfFeed() {
    String cursor = "";
    for (DeliveryPage page = connector.deliveriesAfter(cursor, 500); ; page = connector.deliveriesAfter(cursor, 500)) {
      cursor = page.cursor();
      if (!page.more()) {
        return cursor;
      }
    }
  }

  private static TrytonRpc rpc() {
    return SharedTrytonServer.get().admin();
  }
}
