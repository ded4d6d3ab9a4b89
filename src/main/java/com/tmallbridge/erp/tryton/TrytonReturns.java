package com.tmallbridge.erp.tryton;

import static com.tmallbridge.erp.tryton.TrytonClient.args;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.erp.ConnectorException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Customer returns as Tryton customer return shipments ({@code stock.shipment.out.return}) whose
 * {@code reference} is the return reference: one incoming move per returned delivered move, from
 * the customer location to the warehouse's input zone, with {@code origin} = that delivered move
 * (so returned units are counted per delivered move, and the sale's own lines are left alone).
 * Created once per reference with create-then-verify (lowest id wins, a loser deletes its draft).
 * Receiving runs {@code receive} and {@code done}; which call put the goods back is decided by a
 * note {@code Bridge receipt} on the return ({@link TrytonNotes#claim}).
 */
final class TrytonReturns {
  static final String RECEIPT = "Bridge receipt";
  private static final String RETURN = "stock.shipment.out.return";

  private final TrytonClient client;
  private final TrytonOrderLines orders;
  private final TrytonNotes notes;

  TrytonReturns(TrytonClient client, TrytonOrderLines orders, TrytonNotes notes) {
    this.client = client;
    this.orders = orders;
    this.notes = notes;
  }

  ErpDocNo create(ErpDocNo salesOrderNo, Map<String, Long> unitsBySubOrder, String reference, String reason) {
    TrytonOrderLines.Sale sale = orders.sale(salesOrderNo);
    JsonNode existing = returns(reference);
    if (!existing.isEmpty()) {
      return number(existing.get(0));
    }
    List<TrytonOrderLines.Line> lines = orders.lines(sale);
    TrytonOrderLines.matching(sale, lines, unitsBySubOrder.keySet());
    Map<Long, Long> returned = returned(lines);
    List<Map<String, Object>> moves = new ArrayList<>();
    for (TrytonOrderLines.Line line : lines) {
      Long units = unitsBySubOrder.entrySet().stream().filter(e -> line.matches(List.of(e.getKey()))).map(Map.Entry::getValue)
          .findFirst().orElse(null);
      if (units == null) {
        continue;
      }
      long left = units == 0 ? Long.MAX_VALUE : units;
      for (TrytonOrderLines.Move move : line.moves()) {
        long take = "done".equals(move.state()) ? Math.min(left, move.quantity() - returned.getOrDefault(move.id(), 0L)) : 0;
        if (take > 0) {
          moves.add(incoming(move, take, sale));
          left -= take;
        }
      }
    }
    if (moves.isEmpty()) {
      throw new ConnectorException(TrytonErrorCode.NOTHING_MATCHES, false, "Tryton sale " + sale.number()
          + ": nothing delivered is left to return for " + unitsBySubOrder.keySet());
    }
    Map<String, Object> shipment = new LinkedHashMap<>();
    shipment.put("customer", sale.party());
    shipment.put("delivery_address", sale.shipmentAddress());
    shipment.put("warehouse", sale.warehouse());
    shipment.put("reference", reference);
    shipment.put("moves", List.of(List.of("create", moves)));
    long mine = client.call(RETURN, "create", List.of(List.of(shipment))).get(0).asLong();
    JsonNode all = returns(reference);
    if (all.isEmpty() || all.get(0).get("id").asLong() != mine) {
      client.call(RETURN, "delete", List.of(List.of(mine)));
    }
    JsonNode winner = all.isEmpty() ? returns(reference).get(0) : all.get(0);
    if (winner.get("id").asLong() == mine) {
      notes.add(List.of(TrytonNotes.resource(RETURN, mine)), "Bridge return " + reference,
          "Customer return of sale " + sale.number() + " by TmallBridge: " + reason);
    }
    return number(winner);
  }

  long receive(ErpDocNo returnNo) {
    JsonNode rows = client.call(RETURN, "search_read", args(List.of(List.of("number", "=", returnNo.value())), 0, 1, null,
        List.of("state", "incoming_moves")));
    if (rows.isEmpty()) {
      throw new ConnectorException(TrytonErrorCode.UNKNOWN_DOCUMENT, false, "Tryton has no customer return " + returnNo.value());
    }
    long id = rows.get(0).get("id").asLong();
    String state = rows.get(0).get("state").asString();
    if ("done".equals(state)) {
      return 0;
    }
    if ("cancelled".equals(state)) {
      throw new ConnectorException(TrytonErrorCode.REJECTED, false, "Tryton customer return " + returnNo.value() + " is cancelled");
    }
    TrytonNotes.Claim claim = notes.claim(TrytonNotes.resource(RETURN, id), RECEIPT, "Goods received by TmallBridge");
    if ("draft".equals(state)) {
      client.call(RETURN, "receive", List.of(List.of(id)));
    }
    if (!"done".equals(stateOf(id))) {
      client.call(RETURN, "done", List.of(List.of(id)));
    }
    if (!claim.mine()) {
      return 0;
    }
    List<Long> moveIds = new ArrayList<>();
    rows.get(0).get("incoming_moves").forEach(m -> moveIds.add(m.asLong()));
    long units = 0;
    for (JsonNode move : client.call("stock.move", "read", List.of(moveIds, List.of("quantity", "state")))) {
      units += "cancelled".equals(move.get("state").asString()) ? 0 : TrytonMapper.units(move.get("quantity"));
    }
    return units;
  }

  /** Delivered move id → units already on a return that is not cancelled. */
  private Map<Long, Long> returned(List<TrytonOrderLines.Line> lines) {
    List<Object> origins = new ArrayList<>();
    lines.forEach(l -> l.moves().stream().filter(m -> "done".equals(m.state()))
        .forEach(m -> origins.add(TrytonNotes.resource("stock.move", m.id()))));
    Map<Long, Long> returned = new HashMap<>();
    if (origins.isEmpty()) {
      return returned;
    }
    for (JsonNode move : client.call("stock.move", "search_read", args(List.of(List.of("origin", "in", origins),
        List.of("state", "!=", "cancelled"), List.of("shipment", "like", RETURN + ",%")), 0, null, null, List.of("origin", "quantity")))) {
      TrytonMapper.referencedId(TrytonMapper.text(move, "origin"), "stock.move")
          .ifPresent(origin -> returned.merge(origin, TrytonMapper.units(move.get("quantity")), Long::sum));
    }
    return returned;
  }

  private Map<String, Object> incoming(TrytonOrderLines.Move delivered, long quantity, TrytonOrderLines.Sale sale) {
    Map<String, Object> move = new LinkedHashMap<>();
    move.put("product", delivered.product());
    move.put("uom", delivered.uom());
    move.put("quantity", quantity);
    move.put("from_location", delivered.toLocation());
    move.put("to_location", inputOf(sale.warehouse()));
    move.put("company", client.company());
    move.put("origin", TrytonNotes.resource("stock.move", delivered.id()));
    if (delivered.unitPrice() != null && !delivered.unitPrice().isNull() && delivered.currency() != null) {
      move.put("unit_price", delivered.unitPrice());
      move.put("currency", delivered.currency());
    }
    return move;
  }

  private long inputOf(long warehouse) {
    return client.call("stock.location", "read", List.of(List.of(warehouse), List.of("input_location"))).get(0)
        .get("input_location").asLong();
  }

  private String stateOf(long id) {
    return client.call(RETURN, "read", List.of(List.of(id), List.of("state"))).get(0).get("state").asString();
  }

  /** Returns with this reference that are not cancelled, lowest id first. */
  private JsonNode returns(String reference) {
    return client.call(RETURN, "search_read", args(List.of(List.of("reference", "=", reference), List.of("state", "!=", "cancelled")),
        0, null, List.of(List.of("id", "ASC")), List.of("number")));
  }

  private static ErpDocNo number(JsonNode row) {
    String number = TrytonMapper.text(row, "number");
    return new ErpDocNo(number == null ? "return-" + row.get("id").asLong() : number);
  }
}
