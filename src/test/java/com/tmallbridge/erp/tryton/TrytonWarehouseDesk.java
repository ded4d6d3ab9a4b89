package com.tmallbridge.erp.tryton;

import com.tmallbridge.sandbox.erp.TrytonRpc;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a warehouse clerk does in Tryton to ship part of a sale, driven through the sandbox's own
 * JSON-RPC client (independent of the connector's): in the sale's waiting customer shipment, keep
 * only the wanted quantities on the inventory moves, write the tracking reference, then force the
 * assignment, pick, pack and finish it. Tryton's sale process puts what was left into a new
 * shipment.
 */
final class TrytonWarehouseDesk {
  private final TrytonRpc rpc;

  TrytonWarehouseDesk(TrytonRpc rpc) {
    this.rpc = rpc;
  }

  void ship(String saleNumber, Map<String, Long> quantitiesBySubOrder, String reference) {
    JsonNode sale = rpc.model("sale.sale", "search_read", List.of(List.of("number", "=", saleNumber)), 0, 1, null, List.of("shipments"));
    long shipment = -1;
    for (JsonNode s : rpc.model("stock.shipment.out", "read", sale.get(0).get("shipments"), List.of("state"))) {
      if ("waiting".equals(s.get("state").asString())) {
        shipment = s.get("id").asLong();
      }
    }
    if (shipment < 0) {
      throw new IllegalStateException("sale " + saleNumber + " has no waiting shipment");
    }
    JsonNode moves = rpc.model("stock.shipment.out", "read", List.of(shipment), List.of("inventory_moves", "outgoing_moves")).get(0);
    Map<Long, String> subOrderOfOutgoing = new HashMap<>();
    for (JsonNode out : rpc.model("stock.move", "read", moves.get("outgoing_moves"), List.of("origin"))) {
      long line = Long.parseLong(out.get("origin").asString().substring("sale.line,".length()));
      String note = rpc.model("sale.line", "read", List.of(line), List.of("note")).get(0).get("note").asString();
      subOrderOfOutgoing.put(out.get("id").asLong(), note);
    }
    Map<String, Long> remaining = new HashMap<>(quantitiesBySubOrder);
    for (JsonNode inv : rpc.model("stock.move", "read", moves.get("inventory_moves"), List.of("origin", "quantity"))) {
      long outgoing = Long.parseLong(inv.get("origin").asString().substring("stock.move,".length()));
      String subOrder = subOrderOfOutgoing.get(outgoing);
      long wanted = Math.min(remaining.getOrDefault(subOrder, 0L), inv.get("quantity").asLong());
      remaining.merge(subOrder, -wanted, Long::sum);
      if (wanted == 0) {
        rpc.model("stock.move", "delete", List.of(inv.get("id").asLong()));
      } else {
        rpc.model("stock.move", "write", List.of(inv.get("id").asLong()), Map.of("quantity", wanted));
      }
    }
    rpc.model("stock.shipment.out", "write", List.of(shipment), Map.of("reference", reference));
    for (String button : List.of("assign_force", "pick", "pack", "done")) {
      rpc.model("stock.shipment.out", button, List.of(shipment));
    }
  }
}
