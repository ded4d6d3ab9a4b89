package com.tmallbridge.erp.tryton;

import static com.tmallbridge.erp.tryton.TrytonClient.args;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.ErpOrderStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a bridge sale as the after-sale capabilities need it: the {@code sale.sale} header, its
 * product lines ({@code note} = external line id) and each line's outgoing {@code stock.move}s
 * (origin = the sale line). A line's units are delivered when its move is {@code done}, open while
 * its move is neither done nor cancelled; cancelled moves are cancelled units.
 */
final class TrytonOrderLines {
  static final String SALE = "sale.sale";
  private static final List<String> SALE_FIELDS = List.of("number", "reference", "state", "shipment_state", "shipments",
      "party", "shipment_address", "warehouse", "comment", "company", "currency");

  private final TrytonClient client;

  TrytonOrderLines(TrytonClient client) {
    this.client = client;
  }

  /** A sale header. */
  record Sale(long id, String number, String state, @Nullable String shipmentState, List<Long> shipments, long party,
      long shipmentAddress, long warehouse, @Nullable String comment) {

    String resource() {
      return TrytonNotes.resource(SALE, id);
    }
  }

  /** An outgoing move of a sale line. */
  record Move(long id, String state, long quantity, long product, long uom, long fromLocation, long toLocation,
      @Nullable String shipment, @Nullable JsonNode unitPrice, @Nullable Long currency) {

    boolean open() {
      return !"done".equals(state) && !"cancelled".equals(state);
    }

    /** The id of the customer shipment the move is in, or -1. */
    long shipmentId() {
      return TrytonMapper.referencedId(shipment, "stock.shipment.out").orElse(-1L);
    }
  }

  /** A product line of a sale with its moves. */
  record Line(long id, String note, long quantity, List<Move> moves) {

    long delivered() {
      return moves.stream().filter(m -> "done".equals(m.state())).mapToLong(Move::quantity).sum();
    }

    long open() {
      return moves.stream().filter(Move::open).mapToLong(Move::quantity).sum();
    }

    /** Whether the line's external id is one of {@code ids} or a component {@code id#n} of one. */
    boolean matches(Collection<String> ids) {
      return ids.stream().anyMatch(id -> note.equals(id) || note.startsWith(id + "#"));
    }
  }

  /** The sale with this number, if Tryton has one. */
  Optional<Sale> find(ErpDocNo number) {
    JsonNode rows = client.call(SALE, "search_read", args(List.of(List.of("number", "=", number.value())), 0, 1, null, SALE_FIELDS));
    return rows.isEmpty() ? Optional.empty() : Optional.of(sale(rows.get(0)));
  }

  /**
   * The sale with this number.
   *
   * @throws ConnectorException permanent when Tryton has none
   */
  Sale sale(ErpDocNo number) {
    return find(number).orElseThrow(() -> new ConnectorException(TrytonErrorCode.UNKNOWN_DOCUMENT, false,
        "Tryton has no sale number " + number.value()));
  }

  /** The sale read again by id. */
  Sale reread(Sale sale) {
    return sale(client.call(SALE, "read", List.of(List.of(sale.id()), SALE_FIELDS)).get(0));
  }

  /** The sale's product lines with their moves, in id order. */
  List<Line> lines(Sale sale) {
    JsonNode rows = client.call("sale.line", "search_read", args(List.of(List.of("sale", "=", sale.id()),
        List.of("type", "=", "line"), java.util.Arrays.asList("product", "!=", null)), 0, null, List.of(List.of("id", "ASC")),
        List.of("note", "quantity", "moves")));
    List<Long> moveIds = new ArrayList<>();
    rows.forEach(r -> r.get("moves").forEach(m -> moveIds.add(m.asLong())));
    Map<Long, Move> moves = new HashMap<>();
    if (!moveIds.isEmpty()) {
      for (JsonNode m : client.call("stock.move", "read", List.of(moveIds, List.of("state", "quantity", "product", "uom",
          "from_location", "to_location", "shipment", "unit_price", "currency")))) {
        JsonNode currency = m.get("currency");
        moves.put(m.get("id").asLong(), new Move(m.get("id").asLong(), m.get("state").asString(), TrytonMapper.units(m.get("quantity")),
            m.get("product").asLong(), m.get("uom").asLong(), m.get("from_location").asLong(), m.get("to_location").asLong(),
            TrytonMapper.text(m, "shipment"), m.get("unit_price"), currency == null || !currency.isNumber() ? null : currency.asLong()));
      }
    }
    List<Line> lines = new ArrayList<>();
    for (JsonNode row : rows) {
      String note = TrytonMapper.text(row, "note");
      if (note == null || TrytonMapper.POST_FEE_NOTE.equals(note)) {
        continue;
      }
      List<Move> mine = new ArrayList<>();
      row.get("moves").forEach(m -> mine.add(moves.get(m.asLong())));
      lines.add(new Line(row.get("id").asLong(), note, TrytonMapper.units(row.get("quantity")), mine));
    }
    return lines;
  }

  /** Where the sale stands ({@link TrytonMapper#status}), given its lines. */
  static ErpOrderStatus status(Sale sale, List<Line> lines) {
    return TrytonMapper.status(sale.state(), sale.shipmentState(), lines.stream().anyMatch(l -> l.delivered() > 0));
  }

  /** Lines of {@code lines} matching {@code ids}; permanent failure when none does. */
  static List<Line> matching(Sale sale, List<Line> lines, Collection<String> ids) {
    List<Line> matched = lines.stream().filter(l -> l.matches(ids)).toList();
    if (matched.isEmpty()) {
      throw new ConnectorException(TrytonErrorCode.NOTHING_MATCHES, false,
          "no line of Tryton sale " + sale.number() + " has the external id " + ids);
    }
    return matched;
  }

  /**
   * Cancels the open moves of {@code lines} as a warehouse user would handle a shipment
   * exception: the outgoing moves and their inventory moves are cancelled, the outgoing moves are
   * marked <em>ignored</em> on their sale line (so the sale neither ships them again nor reports
   * an exception), customer shipments left with nothing active are cancelled, and the sale is
   * processed again (its shipment state and state follow).
   */
  void cancelOpenMoves(Sale sale, List<Line> lines) {
    Map<Long, List<Long>> openByLine = new HashMap<>();
    Set<Long> shipments = new HashSet<>();
    List<Object> origins = new ArrayList<>();
    for (Line line : lines) {
      for (Move move : line.moves()) {
        if (move.open()) {
          openByLine.computeIfAbsent(line.id(), k -> new ArrayList<>()).add(move.id());
          origins.add(TrytonNotes.resource("stock.move", move.id()));
          if (move.shipmentId() > 0) {
            shipments.add(move.shipmentId());
          }
        }
      }
    }
    if (openByLine.isEmpty()) {
      return;
    }
    List<Long> toCancel = new ArrayList<>();
    client.call("stock.move", "search", args(List.of(List.of("origin", "in", origins),
        List.of("state", "not in", List.of("done", "cancelled"))), 0, null, null)).forEach(m -> toCancel.add(m.asLong()));
    openByLine.values().forEach(toCancel::addAll);
    client.call("stock.move", "cancel", List.of(toCancel));
    openByLine.forEach((line, moves) -> client.call("sale.line", "write",
        List.of(List.of(line), Map.of("moves_ignored", List.of(List.of("add", moves))))));
    cancelEmptyShipments(shipments);
    client.call(SALE, "process", List.of(List.of(sale.id())));
  }

  private void cancelEmptyShipments(Set<Long> shipments) {
    if (shipments.isEmpty()) {
      return;
    }
    List<Long> empty = new ArrayList<>();
    for (JsonNode s : client.call("stock.shipment.out", "read", List.of(List.copyOf(shipments), List.of("state", "moves")))) {
      List<Long> moveIds = new ArrayList<>();
      s.get("moves").forEach(m -> moveIds.add(m.asLong()));
      boolean active = !moveIds.isEmpty() && client.call("stock.move", "search_count", List.of(List.of(
          List.of("id", "in", moveIds), List.of("state", "!=", "cancelled")))).asLong() > 0;
      if (!active && !"cancelled".equals(s.get("state").asString()) && !"done".equals(s.get("state").asString())) {
        empty.add(s.get("id").asLong());
      }
    }
    if (!empty.isEmpty()) {
      client.call("stock.shipment.out", "cancel", List.of(empty));
    }
  }

  private static Sale sale(JsonNode row) {
    List<Long> shipments = new ArrayList<>();
    row.path("shipments").forEach(s -> shipments.add(s.asLong()));
    JsonNode address = row.get("shipment_address");
    return new Sale(row.get("id").asLong(), String.valueOf(TrytonMapper.text(row, "number")), row.get("state").asString(),
        TrytonMapper.text(row, "shipment_state"), shipments, row.get("party").asLong(),
        address == null || !address.isNumber() ? 0 : address.asLong(), row.get("warehouse").asLong(), TrytonMapper.text(row, "comment"));
  }
}
