package com.tmallbridge.erp.tryton;

import static com.tmallbridge.erp.tryton.TrytonClient.args;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.DeliveryPage;
import com.tmallbridge.erp.ErpDelivery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Deliveries as Tryton customer shipments ({@code stock.shipment.out}) in state {@code done}, in
 * {@code (write_date, id)} order after a cursor. Carrier and tracking number come from the
 * shipment's {@code reference} ({@code CARRIER:TRACKING}); each outgoing move leads through its
 * origin sale line (whose {@code note} is the Tmall sub-order id) to the sale and its {@code
 * reference}. Shipments of sales the bridge did not create are passed over.
 */
final class TrytonDeliveries {
  private static final List<String> FIELDS = List.of("number", "reference", "warehouse", "outgoing_moves", "write_date");
  private final TrytonClient client;
  private final TrytonCatalog catalog;
  private final TrytonLocations locations;

  TrytonDeliveries(TrytonClient client, TrytonCatalog catalog, TrytonLocations locations) {
    this.client = client;
    this.catalog = catalog;
    this.locations = locations;
  }

  DeliveryPage after(String cursor, int limit) {
    List<Object> domain = new ArrayList<>();
    domain.add(List.of("state", "=", "done"));
    domain.addAll(TrytonMapper.after(TrytonStock.position(cursor)));
    JsonNode shipments = client.call("stock.shipment.out", "search_read", args(domain, 0, limit,
        List.of(List.of("write_date", "ASC"), List.of("id", "ASC")), FIELDS));
    if (shipments.isEmpty()) {
      return new DeliveryPage(List.of(), cursor, false);
    }
    List<ErpDelivery> deliveries = deliveries(shipments);
    JsonNode last = shipments.get(shipments.size() - 1);
    String next = TrytonMapper.cursor(TrytonMapper.instant(last.get("write_date")), last.get("id").asLong());
    return new DeliveryPage(deliveries, next, shipments.size() == limit);
  }

  /** The delivery of one done customer shipment, as the feed reports it. */
  Optional<ErpDelivery> of(long shipmentId) {
    JsonNode shipments = client.call("stock.shipment.out", "read", List.of(List.of(shipmentId), FIELDS));
    return deliveries(shipments).stream().findFirst();
  }

  private List<ErpDelivery> deliveries(JsonNode shipments) {
    List<Long> moveIds = new ArrayList<>();
    shipments.forEach(s -> s.get("outgoing_moves").forEach(m -> moveIds.add(m.asLong())));
    Map<Long, JsonNode> moves = byId(moveIds.isEmpty() ? null
        : client.call("stock.move", "read", List.of(moveIds, List.of("product", "quantity", "origin", "state"))));
    List<Long> lineIds = new ArrayList<>();
    moves.values().forEach(m -> TrytonMapper.referencedId(TrytonMapper.text(m, "origin"), "sale.line").ifPresent(lineIds::add));
    Map<Long, JsonNode> lines = byId(lineIds.isEmpty() ? null
        : client.call("sale.line", "read", List.of(lineIds.stream().distinct().toList(), List.of("note", "sale"))));
    List<Long> saleIds = lines.values().stream().map(l -> l.get("sale").asLong()).distinct().toList();
    Map<Long, JsonNode> sales = byId(saleIds.isEmpty() ? null
        : client.call("sale.sale", "read", List.of(saleIds, List.of("number", "reference"))));
    Map<Long, MaterialCode> codes = catalog.codes(moves.values().stream().map(m -> m.get("product").asLong()).toList());
    List<ErpDelivery> deliveries = new ArrayList<>();
    for (JsonNode shipment : shipments) {
      delivery(shipment, moves, lines, sales, codes).ifPresent(deliveries::add);
    }
    return deliveries;
  }

  private Optional<ErpDelivery> delivery(JsonNode shipment, Map<Long, JsonNode> moves, Map<Long, JsonNode> lines,
      Map<Long, JsonNode> sales, Map<Long, MaterialCode> codes) {
    Map<String, Long> quantities = new LinkedHashMap<>();
    Map<String, MaterialCode> materials = new HashMap<>();
    JsonNode sale = null;
    for (JsonNode moveId : shipment.get("outgoing_moves")) {
      JsonNode move = moves.get(moveId.asLong());
      if (move == null || !"done".equals(move.get("state").asString())) {
        continue;
      }
      JsonNode line = TrytonMapper.referencedId(TrytonMapper.text(move, "origin"), "sale.line").map(lines::get).orElse(null);
      MaterialCode material = codes.get(move.get("product").asLong());
      String note = line == null ? null : TrytonMapper.text(line, "note");
      if (line == null || material == null || note == null) {
        continue;
      }
      sale = sales.get(line.get("sale").asLong());
      quantities.merge(note + "\u0000" + material.value(), TrytonMapper.units(move.get("quantity")), Long::sum);
      materials.put(note + "\u0000" + material.value(), material);
    }
    if (sale == null || quantities.isEmpty() || TrytonMapper.text(sale, "number") == null) {
      return Optional.empty();
    }
    Optional<TrytonMapper.ChannelKey> key = TrytonMapper.channelKey(TrytonMapper.text(sale, "reference"));
    if (key.isEmpty()) {
      return Optional.empty();
    }
    List<ErpDelivery.Line> deliveryLines = new ArrayList<>();
    quantities.forEach((k, q) -> deliveryLines.add(new ErpDelivery.Line(k.substring(0, k.indexOf('\u0000')), materials.get(k), q)));
    TrytonWarehouse wh = locations.warehouseOf(shipment.get("warehouse").asLong());
    TrytonMapper.Carriage carriage = TrytonMapper.carriage(TrytonMapper.text(shipment, "reference"));
    String number = TrytonMapper.text(shipment, "number");
    return Optional.of(new ErpDelivery(new ErpDocNo(number == null ? "shipment-" + shipment.get("id").asLong() : number),
        new ErpDocNo(TrytonMapper.text(sale, "number")), key.get().shopCode(), key.get().orderNo(),
        wh == null ? String.valueOf(shipment.get("warehouse").asLong()) : wh.code(), carriage.carrier(), carriage.trackingNo(),
        TrytonMapper.instant(shipment.get("write_date")), deliveryLines));
  }

  private static Map<Long, JsonNode> byId(@org.jspecify.annotations.Nullable JsonNode rows) {
    Map<Long, JsonNode> byId = new HashMap<>();
    if (rows != null) {
      rows.forEach(r -> byId.put(r.get("id").asLong(), r));
    }
    return byId;
  }
}
