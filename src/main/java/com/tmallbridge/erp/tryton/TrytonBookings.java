package com.tmallbridge.erp.tryton;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.ErpDelivery;
import com.tmallbridge.erp.ErpOrderStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Books a parcel the way a warehouse clerk does in Tryton: in the sale's waiting customer shipment
 * ({@code stock.shipment.out}) keep only the wanted quantities on the inventory moves, write {@code
 * CARRIER:TRACKING} into the shipment's {@code reference}, then {@code assign_force}, {@code pick},
 * {@code pack} and {@code done}; Tryton's sale process puts what was left into a new shipment.
 * The booking reference is kept as a note {@code Bridge booking <reference>} on the shipment,
 * created (create-then-verify, see {@link TrytonNotes#claim}) before anything changes, so a repeat
 * finds the shipment — done, or still to finish after a crash — and books nothing new.
 */
final class TrytonBookings {
  static final String BOOKING = "Bridge booking ";
  private static final String SHIPMENT = "stock.shipment.out";

  private final TrytonClient client;
  private final TrytonOrderLines orders;
  private final TrytonNotes notes;
  private final TrytonHolds holds;
  private final TrytonLocations locations;
  private final TrytonDeliveries deliveries;

  TrytonBookings(TrytonClient client, TrytonOrderLines orders, TrytonNotes notes, TrytonHolds holds, TrytonLocations locations,
      TrytonDeliveries deliveries) {
    this.client = client;
    this.orders = orders;
    this.notes = notes;
    this.holds = holds;
    this.locations = locations;
    this.deliveries = deliveries;
  }

  ErpDelivery book(ErpDocNo salesOrderNo, String warehouse, Map<String, Long> units, @Nullable String carrier,
      @Nullable String trackingNo, String reference) {
    TrytonOrderLines.Sale sale = orders.sale(salesOrderNo);
    List<String> shipments = sale.shipments().stream().map(id -> TrytonNotes.resource(SHIPMENT, id)).toList();
    Optional<TrytonNotes.Note> booked = notes.find(shipments, BOOKING + reference);
    Long claimed = booked.flatMap(n -> TrytonMapper.referencedId(n.resource(), SHIPMENT)).orElse(null);
    if (claimed != null && !"waiting".equals(state(claimed))) {
      return finish(claimed, sale);
    }
    if (claimed == null && holds.isHeld(sale)) {
      throw refused(sale, "is held (a '" + TrytonHolds.HOLD.strip() + "' note without release): release the hold first");
    }
    List<TrytonOrderLines.Line> lines = orders.lines(sale);
    if ("cancelled".equals(sale.state()) || TrytonOrderLines.status(sale, lines) == ErpOrderStatus.CANCELLED) {
      throw refused(sale, "is cancelled");
    }
    Map<Long, Long> wanted = plan(sale, lines, units);
    long shipment = shipmentOf(sale, lines, wanted.keySet());
    JsonNode row = client.call(SHIPMENT, "read", List.of(List.of(shipment), List.of("state", "warehouse"))).get(0);
    if (row.get("warehouse").asLong() != locations.warehouse(warehouse).id()) {
      throw refused(sale, "ships from another warehouse than " + warehouse);
    }
    if (claimed == null) {
      TrytonNotes.Claim claim = notes.claim(TrytonNotes.resource(SHIPMENT, shipment), BOOKING + reference,
          "Parcel " + (trackingNo == null ? "" : TrytonMapper.shipmentReference(carrier, trackingNo)) + " booked by TmallBridge");
      if (!claim.mine()) {
        throw new ConnectorException(TrytonErrorCode.UNAVAILABLE, true, "parcel " + reference + " is being booked by another caller");
      }
    }
    keepOnly(shipment, wanted);
    if (trackingNo != null && !trackingNo.isBlank()) {
      client.call(SHIPMENT, "write", List.of(List.of(shipment), Map.of("reference", TrytonMapper.shipmentReference(carrier, trackingNo))));
    }
    return finish(shipment, sale);
  }

  /** Outgoing move id → units to ship, from the open moves of the lines named by {@code units} (all open moves when empty). */
  private static Map<Long, Long> plan(TrytonOrderLines.Sale sale, List<TrytonOrderLines.Line> lines, Map<String, Long> units) {
    Map<Long, Long> wanted = new LinkedHashMap<>();
    if (units.isEmpty()) {
      lines.forEach(l -> l.moves().stream().filter(TrytonOrderLines.Move::open).forEach(m -> wanted.put(m.id(), m.quantity())));
      if (wanted.isEmpty()) {
        throw refused(sale, "has nothing left to ship");
      }
      return wanted;
    }
    for (Map.Entry<String, Long> entry : units.entrySet()) {
      List<TrytonOrderLines.Move> open = lines.stream().filter(l -> l.note().equals(entry.getKey()))
          .flatMap(l -> l.moves().stream()).filter(TrytonOrderLines.Move::open)
          .sorted(Comparator.comparingLong(TrytonOrderLines.Move::id)).toList();
      long left = entry.getValue();
      long available = open.stream().mapToLong(TrytonOrderLines.Move::quantity).sum();
      if (left <= 0 || left > available) {
        throw refused(sale, "cannot ship " + left + " unit(s) of line " + entry.getKey() + ": " + available + " open unit(s) left");
      }
      for (TrytonOrderLines.Move move : open) {
        long take = Math.min(left, move.quantity());
        if (take > 0) {
          wanted.put(move.id(), take);
          left -= take;
        }
      }
    }
    return wanted;
  }

  private static long shipmentOf(TrytonOrderLines.Sale sale, List<TrytonOrderLines.Line> lines, Set<Long> moves) {
    Set<Long> shipments = new HashSet<>();
    lines.forEach(l -> l.moves().stream().filter(m -> moves.contains(m.id())).forEach(m -> shipments.add(m.shipmentId())));
    if (shipments.size() != 1 || shipments.contains(-1L)) {
      throw refused(sale, "has the asked units in " + shipments.size() + " customer shipments; book them one shipment at a time");
    }
    return shipments.iterator().next();
  }

  /** Keeps only the wanted quantities on the shipment's inventory moves (deleting the others), as the clerk does. */
  private void keepOnly(long shipment, Map<Long, Long> wantedByOutgoing) {
    JsonNode inventory = client.call(SHIPMENT, "read", List.of(List.of(shipment), List.of("inventory_moves"))).get(0).get("inventory_moves");
    List<Long> ids = new ArrayList<>();
    inventory.forEach(m -> ids.add(m.asLong()));
    if (ids.isEmpty()) {
      return;
    }
    Map<Long, Long> left = new LinkedHashMap<>(wantedByOutgoing);
    List<Long> delete = new ArrayList<>();
    for (JsonNode move : client.call("stock.move", "read", List.of(ids, List.of("origin", "quantity", "state")))) {
      if ("cancelled".equals(move.get("state").asString())) {
        continue;
      }
      long outgoing = TrytonMapper.referencedId(TrytonMapper.text(move, "origin"), "stock.move").orElse(-1L);
      long quantity = TrytonMapper.units(move.get("quantity"));
      long take = Math.min(left.getOrDefault(outgoing, 0L), quantity);
      left.merge(outgoing, -take, Long::sum);
      if (take == 0) {
        delete.add(move.get("id").asLong());
      } else if (take != quantity) {
        client.call("stock.move", "write", List.of(List.of(move.get("id").asLong()), Map.of("quantity", take)));
      }
    }
    if (!delete.isEmpty()) {
      client.call("stock.move", "delete", List.of(delete));
    }
  }

  /** Pushes the shipment on to {@code done} from wherever it stands, and reads it as a delivery. */
  private ErpDelivery finish(long shipment, TrytonOrderLines.Sale sale) {
    String state = state(shipment);
    for (int step = 0; step < 4 && !"done".equals(state); step++) {
      String button = switch (state) {
        case "waiting" -> "assign_force";
        case "assigned" -> "pick";
        case "picked" -> "pack";
        case "packed" -> "done";
        default -> throw refused(sale, "has its shipment " + shipment + " " + state);
      };
      client.call(SHIPMENT, button, List.of(List.of(shipment)));
      state = state(shipment);
    }
    return deliveries.of(shipment).orElseThrow(() -> new ConnectorException(TrytonErrorCode.SERVER_FAULT, false,
        "Tryton shipment " + shipment + " of sale " + sale.number() + " is " + state(shipment) + " with nothing delivered"));
  }

  private String state(long shipment) {
    return client.call(SHIPMENT, "read", List.of(List.of(shipment), List.of("state"))).get(0).get("state").asString();
  }

  private static ConnectorException refused(TrytonOrderLines.Sale sale, String why) {
    return new ConnectorException(TrytonErrorCode.DELIVERY_REFUSED, false, "Tryton sale " + sale.number() + " " + why);
  }
}
