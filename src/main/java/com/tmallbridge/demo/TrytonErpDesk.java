package com.tmallbridge.demo;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.DeliveryBooking;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.StockLedger;
import com.tmallbridge.erp.embedded.operations.AfterSaleFacts;
import com.tmallbridge.erp.embedded.operations.OpenLine;
import com.tmallbridge.erp.embedded.operations.Shipment;
import com.tmallbridge.sandbox.erp.TrytonRpc;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * A Tryton server's desk for the demo. The checks' reads go straight to Tryton through the
 * sandbox's own JSON-RPC client ({@link TrytonRpc}, logged in as Tryton's administrator, written
 * apart from the connector): sale lines with their done deliveries, sale creation times, holds and
 * customer returns. The warehouse's writes — receipts, stocktakes, parcels — go through the SPI
 * capabilities an ERP's staff side offers ({@link StockLedger}, {@link DeliveryBooking}), as the
 * go-live check does.
 */
final class TrytonErpDesk implements ErpDesk {
  /** Sales, lines and moves read per call. */
  private static final int BATCH = 200;

  private final ErpRegistry erp;
  private final Supplier<TrytonRpc> rpc;

  /** @param rpc a logged-in client, asked for on first use (so a bridge that never runs the demo never logs in) */
  TrytonErpDesk(ErpRegistry erp, Supplier<TrytonRpc> rpc) {
    this.erp = erp;
    this.rpc = rpc;
  }

  @Override
  public void receive(String warehouse, MaterialCode material, long quantity, String reference) {
    erp.capability(StockLedger.class).book(warehouse, material, quantity, "RECEIPT", reference);
  }

  @Override
  public void stocktake(String warehouse, MaterialCode material, long counted, String reference) {
    long onHand = erp.capability(StockLedger.class).onHand(material).getOrDefault(warehouse, 0L);
    if (counted != onHand) {
      erp.capability(StockLedger.class).book(warehouse, material, counted - onHand, "ADJUSTMENT", reference);
    }
  }

  /**
   * Per sub-order (the sale lines' {@code note}): ordered is the lines' quantity less the units of
   * their ignored moves (cancelled for good, as Tryton's shipment exception handling and the
   * connector's line cancellation leave them); delivered is the done moves to a customer location.
   */
  @Override
  public Map<ErpDocNo, List<OpenLine>> openLines(Collection<ErpDocNo> salesOrders) {
    Map<ErpDocNo, List<OpenLine>> result = new LinkedHashMap<>();
    List<String> numbers = salesOrders.stream().map(ErpDocNo::value).distinct().toList();
    for (int from = 0; from < numbers.size(); from += BATCH) {
      List<String> batch = numbers.subList(from, Math.min(numbers.size(), from + BATCH));
      JsonNode sales = rpc.get().model("sale.sale", "search_read", List.of(List.of("number", "in", batch), List.of("state", "!=", "draft")),
          0, null, null, List.of("number", "lines"));
      List<Long> lineIds = new ArrayList<>();
      sales.forEach(s -> s.get("lines").forEach(l -> lineIds.add(l.asLong())));
      Map<Long, JsonNode> lines = byId(read("sale.line", lineIds, List.of("note", "product", "quantity", "moves", "moves_ignored")));
      List<Long> productIds = new ArrayList<>();
      List<Long> moveIds = new ArrayList<>();
      List<Long> ignoredIds = new ArrayList<>();
      lines.values().forEach(l -> {
        if (l.hasNonNull("product")) {
          productIds.add(l.get("product").asLong());
          l.get("moves").forEach(m -> moveIds.add(m.asLong()));
          l.get("moves_ignored").forEach(m -> ignoredIds.add(m.asLong()));
        }
      });
      // units a clerk (or the bridge) cancelled for good: Tryton keeps them as ignored moves of the line
      Map<Long, Long> ignoredByMove = new HashMap<>();
      read("stock.move", ignoredIds, List.of("quantity")).forEach(m -> ignoredByMove.put(m.get("id").asLong(), Math.round(m.get("quantity").asDouble())));
      Map<Long, String> codes = new HashMap<>();
      read("product.product", productIds.stream().distinct().toList(), List.of("code")).forEach(p -> codes.put(p.get("id").asLong(), p.get("code").asString()));
      Map<Long, Long> deliveredByMove = new HashMap<>();
      for (int m = 0; m < moveIds.size(); m += BATCH) {
        rpc.get().model("stock.move", "search_read", List.of(List.of("id", "in", moveIds.subList(m, Math.min(moveIds.size(), m + BATCH))),
                List.of("state", "=", "done"), List.of("to_location.type", "=", "customer")), 0, null, null, List.of("quantity"))
            .forEach(mv -> deliveredByMove.put(mv.get("id").asLong(), Math.round(mv.get("quantity").asDouble())));
      }
      for (JsonNode sale : sales) {
        Map<String, long[]> bySubOrder = new LinkedHashMap<>();
        Map<String, String> materialOf = new HashMap<>();
        for (JsonNode id : sale.get("lines")) {
          JsonNode line = lines.get(id.asLong());
          if (line == null || !line.hasNonNull("product") || !line.hasNonNull("note")) {
            continue; // the post fee, or a line the bridge did not write
          }
          String note = line.get("note").asString();
          long[] units = bySubOrder.computeIfAbsent(note, k -> new long[2]);
          units[0] += Math.round(line.get("quantity").asDouble());
          line.get("moves_ignored").forEach(m -> units[0] -= ignoredByMove.getOrDefault(m.asLong(), 0L));
          line.get("moves").forEach(m -> units[1] += deliveredByMove.getOrDefault(m.asLong(), 0L));
          materialOf.put(note, codes.get(line.get("product").asLong()));
        }
        List<OpenLine> open = new ArrayList<>();
        int lineNo = 1;
        for (var e : bySubOrder.entrySet()) {
          open.add(new OpenLine(lineNo++, e.getKey(), new MaterialCode(materialOf.get(e.getKey())), e.getValue()[0], e.getValue()[1]));
        }
        result.put(new ErpDocNo(sale.get("number").asString()), open);
      }
    }
    return result;
  }

  @Override
  public void ship(Shipment shipment) {
    Map<String, Long> units = new LinkedHashMap<>();
    if (!shipment.isInFull()) {
      List<OpenLine> lines = openLines(shipment.salesOrderNo());
      shipment.quantitiesByLineNo().forEach((lineNo, quantity) -> units.put(lines.stream().filter(l -> l.lineNo() == lineNo)
          .findFirst().orElseThrow(() -> new IllegalArgumentException("sales order " + shipment.salesOrderNo() + " has no line " + lineNo))
          .externalLineId(), quantity));
    }
    erp.capability(DeliveryBooking.class).bookDelivery(shipment.salesOrderNo(), shipment.warehouse(), units, shipment.carrier(),
        shipment.trackingNo(), shipment.reference());
  }

  @Override
  public Map<String, Instant> salesOrdersCreatedAt(String shopCode) {
    Map<String, Instant> created = new HashMap<>();
    String prefix = "tb:" + shopCode + ":";
    long after = 0;
    while (true) {
      JsonNode page = rpc.get().model("sale.sale", "search_read",
          List.of(List.of("reference", "like", prefix + "%"), List.of("state", "!=", "draft"), List.of("id", ">", after)),
          0, 1000, List.of(List.of("id", "ASC")), List.of("reference", "create_date"));
      for (JsonNode s : page) {
        created.merge(s.get("reference").asString().substring(prefix.length()), instant(s.get("create_date")),
            (a, b) -> a.isBefore(b) ? a : b);
        after = s.get("id").asLong();
      }
      if (page.size() < 1000) {
        return created;
      }
    }
  }

  /**
   * Holds are the notes ({@code ir.note}) on the shop's sales whose first line is {@code Bridge hold
   * <key>}, released by a later {@code Bridge release <key>} note, as a Tryton user sees them in the
   * sale's notes; returns are the customer return shipments whose incoming moves come from moves
   * delivered for the shop's sale lines, received once {@code done}.
   */
  @Override
  public AfterSaleFacts afterSaleFacts(String shopCode) {
    String prefix = "tb:" + shopCode + ":";
    Map<Long, String> saleNumbers = new HashMap<>();
    JsonNode sales = rpc.get().model("sale.sale", "search_read", List.of(List.of("reference", "like", prefix + "%"), List.of("state", "!=", "draft")),
        0, null, null, List.of("number"));
    sales.forEach(s -> saleNumbers.put(s.get("id").asLong(), s.get("number").asString()));
    Map<String, Instant> holdsAt = new LinkedHashMap<>();
    Map<String, Instant> releasesAt = new HashMap<>();
    Map<String, ErpDocNo> heldSale = new HashMap<>();
    for (JsonNode note : rpc.get().model("ir.note", "search_read", List.of(List.of("resource", "like", "sale.sale,%"),
        List.of("message", "like", "Bridge %")), 0, null, List.of(List.of("id", "ASC")), List.of("resource", "message", "create_date"))) {
      String number = saleNumbers.get(Long.parseLong(note.get("resource").asString().substring("sale.sale,".length())));
      String firstLine = note.get("message").asString().lines().findFirst().orElse("");
      if (number == null) {
        continue;
      }
      Instant at = instant(note.get("create_date"));
      if (firstLine.startsWith("Bridge hold ")) {
        String key = number + "\u0000" + firstLine.substring("Bridge hold ".length());
        holdsAt.putIfAbsent(key, at);
        heldSale.putIfAbsent(key, new ErpDocNo(number));
      } else if (firstLine.startsWith("Bridge release ")) {
        releasesAt.putIfAbsent(number + "\u0000" + firstLine.substring("Bridge release ".length()), at);
      }
    }
    List<AfterSaleFacts.Hold> holds = new ArrayList<>();
    holdsAt.forEach((key, at) -> holds.add(new AfterSaleFacts.Hold(heldSale.get(key), key.substring(key.indexOf('\u0000') + 1), at,
        releasesAt.get(key))));
    return new AfterSaleFacts(holds, returns(saleNumbers));
  }

  /** Customer return shipments of the given sales (by id), with the sub-order of each returned move. */
  private List<AfterSaleFacts.Return> returns(Map<Long, String> saleNumbers) {
    JsonNode shipments = rpc.get().model("stock.shipment.out.return", "search_read", List.of(List.of("state", "!=", "cancelled")),
        0, null, List.of(List.of("id", "ASC")), List.of("number", "state", "incoming_moves"));
    List<Long> incomingIds = new ArrayList<>();
    shipments.forEach(s -> s.get("incoming_moves").forEach(m -> incomingIds.add(m.asLong())));
    Map<Long, JsonNode> incoming = byId(read("stock.move", incomingIds, List.of("origin", "quantity")));
    List<Long> deliveredIds = new ArrayList<>();
    incoming.values().forEach(m -> originId(m, "stock.move,").ifPresent(deliveredIds::add));
    Map<Long, JsonNode> delivered = byId(read("stock.move", deliveredIds.stream().distinct().toList(), List.of("origin")));
    List<Long> lineIds = new ArrayList<>();
    delivered.values().forEach(m -> originId(m, "sale.line,").ifPresent(lineIds::add));
    Map<Long, JsonNode> saleLines = byId(read("sale.line", lineIds.stream().distinct().toList(), List.of("note", "sale")));
    List<AfterSaleFacts.Return> returns = new ArrayList<>();
    for (JsonNode shipment : shipments) {
      String saleNumber = null;
      Map<String, Long> units = new LinkedHashMap<>();
      for (JsonNode id : shipment.get("incoming_moves")) {
        JsonNode move = incoming.get(id.asLong());
        JsonNode line = originId(move, "stock.move,").map(delivered::get).flatMap(d -> originId(d, "sale.line,")).map(saleLines::get).orElse(null);
        if (line == null || !saleNumbers.containsKey(line.get("sale").asLong())) {
          continue;
        }
        saleNumber = saleNumbers.get(line.get("sale").asLong());
        units.merge(line.get("note").asString(), Math.round(move.get("quantity").asDouble()), Long::sum);
      }
      if (saleNumber != null) {
        List<AfterSaleFacts.Line> lines = new ArrayList<>();
        units.forEach((note, quantity) -> lines.add(new AfterSaleFacts.Line(note, quantity)));
        returns.add(new AfterSaleFacts.Return(new ErpDocNo(shipment.get("number").asString()), new ErpDocNo(saleNumber),
            "done".equals(shipment.get("state").asString()), lines));
      }
    }
    return returns;
  }

  /** The id in a move's {@code origin} when it points at {@code model} (e.g. {@code sale.line,}). */
  /**
   * The shop's account moves (their {@code description} is the voucher key, {@code KIND|shop|…}),
   * with the totals of their lines' debits and credits, read as Tryton's administrator.
   */
  @Override
  public List<com.tmallbridge.erp.embedded.operations.LedgerVoucher> ledgerVouchers(String shopCode) {
    JsonNode moves = rpc.get().model("account.move", "search_read", List.of(List.of("description", "like", "%|" + shopCode + "|%")),
        0, null, List.of(List.of("id", "ASC")), List.of("number", "description", "date", "lines"));
    List<Long> lineIds = new ArrayList<>();
    moves.forEach(m -> m.get("lines").forEach(l -> lineIds.add(l.asLong())));
    Map<Long, long[]> totals = new HashMap<>();
    read("account.move.line", lineIds, List.of("move", "debit", "credit")).forEach(l -> {
      long[] t = totals.computeIfAbsent(l.get("move").asLong(), k -> new long[2]);
      t[0] += fen(l.get("debit"));
      t[1] += fen(l.get("credit"));
    });
    List<com.tmallbridge.erp.embedded.operations.LedgerVoucher> result = new ArrayList<>();
    moves.forEach(m -> {
      long[] t = totals.getOrDefault(m.get("id").asLong(), new long[2]);
      JsonNode date = m.get("date");
      java.time.LocalDate day = date.isObject()
          ? java.time.LocalDate.of(date.get("year").asInt(), date.get("month").asInt(), date.get("day").asInt())
          : java.time.LocalDate.parse(date.asString());
      result.add(new com.tmallbridge.erp.embedded.operations.LedgerVoucher(m.hasNonNull("number") ? m.get("number").asString() : "",
          m.get("description").asString(), day, t[0], t[1]));
    });
    return result;
  }

  /** A Tryton amount (a {@code Decimal} object, a number or a text) in yuan as integer fen; fractions of a fen are refused. */
  static long fen(JsonNode amount) {
    java.math.BigDecimal yuan = amount.isObject() ? new java.math.BigDecimal(amount.get("decimal").asString())
        : amount.isNumber() ? amount.decimalValue() : new java.math.BigDecimal(amount.asString());
    return yuan.movePointRight(2).setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact();
  }

  private static java.util.Optional<Long> originId(JsonNode row, String model) {
    if (row == null || !row.hasNonNull("origin") || !row.get("origin").asString().startsWith(model)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Long.parseLong(row.get("origin").asString().substring(model.length())));
  }

  private List<JsonNode> read(String model, List<Long> ids, List<String> fields) {
    List<JsonNode> rows = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += BATCH) {
      rpc.get().model(model, "read", ids.subList(from, Math.min(ids.size(), from + BATCH)), fields).forEach(rows::add);
    }
    return rows;
  }

  private static Map<Long, JsonNode> byId(List<JsonNode> rows) {
    Map<Long, JsonNode> byId = new HashMap<>();
    rows.forEach(r -> byId.put(r.get("id").asLong(), r));
    return byId;
  }

  /** Tryton's naive UTC datetime object. */
  static Instant instant(JsonNode dt) {
    return LocalDateTime.of(dt.get("year").asInt(), dt.get("month").asInt(), dt.get("day").asInt(), dt.get("hour").asInt(),
        dt.get("minute").asInt(), dt.get("second").asInt(), dt.path("microsecond").asInt(0) * 1000).toInstant(ZoneOffset.UTC);
  }
}
