package com.tmallbridge.erp.tryton;

import static com.tmallbridge.erp.tryton.TrytonClient.args;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.StockLedger.StockChanges;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Stock in Tryton. On-hand is Tryton's computed {@code quantity} (done moves) of a warehouse
 * location and everything under it. A booking is an internal shipment ({@code
 * stock.shipment.internal}) between the lost-and-found location and the warehouse's storage zone
 * whose {@code reference} is the booking reference, pushed through wait, assign (forced: stock may
 * go negative, as in the built-in ERP) and done; a reference already booked is found first and
 * only completed, with the same create-then-verify rule as sales (lowest id wins). Changes are
 * done moves after a {@code (write_date, id)} cursor; deliveries are done moves into a customer
 * location.
 */
final class TrytonStock {
  private static final String SHIPMENT = "stock.shipment.internal";

  private final TrytonClient client;
  private final TrytonCatalog catalog;
  private final TrytonLocations locations;
  private final TrytonProperties properties;

  TrytonStock(TrytonClient client, TrytonCatalog catalog, TrytonLocations locations, TrytonProperties properties) {
    this.client = client;
    this.catalog = catalog;
    this.locations = locations;
    this.properties = properties;
  }

  void book(String warehouse, MaterialCode material, long quantity, String reference) {
    if (quantity == 0 || reference.isBlank()) {
      throw new ConnectorException(TrytonErrorCode.INVALID_STOCK_MOVE, false,
          "stock move of " + material + " needs a non-zero quantity and a reference, got " + quantity + " '" + reference + "'");
    }
    TrytonWarehouse wh = locations.warehouse(warehouse);
    TrytonProduct product = catalog.require(List.of(material)).get(material);
    JsonNode existing = shipments(reference);
    if (existing.isEmpty()) {
      long from = quantity > 0 ? locations.lostAndFound() : wh.storageId();
      long to = quantity > 0 ? wh.storageId() : locations.lostAndFound();
      Map<String, Object> move = Map.of("product", product.id(), "uom", product.uom(), "quantity", Math.abs(quantity),
          "from_location", from, "to_location", to, "company", client.company());
      Map<String, Object> shipment = Map.of("reference", reference, "from_location", from, "to_location", to,
          "moves", List.of(List.of("create", List.of(move))));
      long mine = client.call(SHIPMENT, "create", List.of(List.of(shipment))).get(0).asLong();
      existing = shipments(reference);
      if (existing.isEmpty() || existing.get(0).get("id").asLong() != mine) {
        client.call(SHIPMENT, "delete", List.of(List.of(mine)));
      }
    }
    complete(existing.get(0).get("id").asLong(), existing.get(0).get("state").asString());
  }

  private void complete(long id, String state) {
    String now = state;
    for (int step = 0; step < 3 && !"done".equals(now); step++) {
      String button = switch (now) {
        case "draft" -> "wait";
        case "waiting" -> "assign_force";
        case "assigned" -> "done";
        default -> throw new ConnectorException(TrytonErrorCode.REJECTED, false, "internal shipment " + id + " is " + now);
      };
      client.call(SHIPMENT, button, List.of(List.of(id)));
      now = client.call(SHIPMENT, "read", List.of(List.of(id), List.of("state"))).get(0).get("state").asString();
    }
  }

  /** Not cancelled internal shipments with this reference, lowest id first. */
  private JsonNode shipments(String reference) {
    return client.call(SHIPMENT, "search_read", args(List.of(List.of("reference", "=", reference), List.of("state", "!=", "cancelled")),
        0, null, List.of(List.of("id", "ASC")), List.of("state")));
  }

  Map<String, Long> onHand(MaterialCode material) {
    TrytonProduct product = catalog.products(List.of(material)).get(material);
    Map<String, Long> result = new LinkedHashMap<>();
    if (product == null) {
      return result;
    }
    for (JsonNode row : client.call("stock.location", "search_read", Map.of("product", product.id()), args(
        List.of(List.of("type", "=", "warehouse")), 0, null, null, List.of("quantity")))) {
      TrytonWarehouse wh = locations.warehouseOf(row.get("id").asLong());
      long units = TrytonMapper.units(row.get("quantity"));
      if (wh != null && units != 0) {
        result.put(wh.code(), units);
      }
    }
    return result;
  }

  /**
   * On-hand per material and warehouse in one {@code product.product} search_read by code per
   * warehouse and page of codes, the warehouse as context {@code locations}; of two products with
   * one code the lowest id counts.
   */
  Map<MaterialCode, Map<String, Long>> onHand(java.util.Collection<MaterialCode> materials) {
    List<String> codes = materials.stream().map(MaterialCode::value).distinct().toList();
    Map<MaterialCode, Map<String, Long>> result = new LinkedHashMap<>();
    for (TrytonWarehouse wh : locations.warehouses()) {
      for (int from = 0; from < codes.size(); from += properties.pageSize()) {
        List<String> page = codes.subList(from, Math.min(codes.size(), from + properties.pageSize()));
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (JsonNode row : client.call("product.product", "search_read", Map.of("locations", List.of(wh.id())),
            args(List.of(List.of("code", "in", page)), 0, null, List.of(List.of("id", "ASC")), List.of("code", "quantity")))) {
          String code = TrytonMapper.text(row, "code");
          long units = TrytonMapper.units(row.get("quantity"));
          if (code != null && seen.add(code) && units != 0) {
            result.computeIfAbsent(new MaterialCode(code), k -> new LinkedHashMap<>()).put(wh.code(), units);
          }
        }
      }
    }
    return result;
  }

  List<String> warehouses() {
    return locations.warehouses().stream().map(TrytonWarehouse::code).sorted().distinct().toList();
  }

  StockChanges changesAfter(String cursor, int limit) {
    List<Object> domain = new ArrayList<>();
    domain.add(List.of("state", "=", "done"));
    domain.addAll(TrytonMapper.after(position(cursor)));
    JsonNode moves = client.call("stock.move", "search_read", args(domain, 0, limit,
        List.of(List.of("write_date", "ASC"), List.of("id", "ASC")), List.of("product", "write_date")));
    if (moves.isEmpty()) {
      return new StockChanges(List.of(), cursor, false);
    }
    List<Long> products = new ArrayList<>();
    moves.forEach(m -> products.add(m.get("product").asLong()));
    Map<Long, MaterialCode> codes = catalog.codes(products);
    Set<MaterialCode> changed = new LinkedHashSet<>();
    products.forEach(p -> {
      if (codes.containsKey(p)) {
        changed.add(codes.get(p));
      }
    });
    JsonNode last = moves.get(moves.size() - 1);
    String next = TrytonMapper.cursor(TrytonMapper.instant(last.get("write_date")), last.get("id").asLong());
    return new StockChanges(List.copyOf(changed), next, moves.size() == limit);
  }

  Map<MaterialCode, Map<String, Long>> deliveredBetween(Instant from, Instant to) {
    Map<Long, Map<String, Long>> byProduct = new HashMap<>();
    long lastId = 0;
    while (true) {
      JsonNode page = client.call("stock.move", "search_read", args(List.of(
              List.of("state", "=", "done"), List.of("to_location.type", "=", "customer"),
              List.of("write_date", ">=", TrytonMapper.datetime(from)), List.of("write_date", "<", TrytonMapper.datetime(to)),
              List.of("id", ">", lastId)),
          0, properties.pageSize(), List.of(List.of("id", "ASC")), List.of("product", "quantity", "from_location")));
      for (JsonNode move : page) {
        lastId = move.get("id").asLong();
        TrytonWarehouse wh = locations.warehouseOf(move.get("from_location").asLong());
        if (wh != null) {
          byProduct.computeIfAbsent(move.get("product").asLong(), k -> new LinkedHashMap<>())
              .merge(wh.code(), TrytonMapper.units(move.get("quantity")), Long::sum);
        }
      }
      if (page.size() < properties.pageSize()) {
        break;
      }
    }
    Map<Long, MaterialCode> codes = catalog.codes(byProduct.keySet());
    Map<MaterialCode, Map<String, Long>> result = new java.util.TreeMap<>(Comparator.comparing(MaterialCode::value));
    byProduct.forEach((product, perWarehouse) -> {
      if (codes.containsKey(product)) {
        result.put(codes.get(product), perWarehouse);
      }
    });
    return result;
  }

  static TrytonMapper.@Nullable Position position(String cursor) {
    if (cursor.isEmpty()) {
      return null;
    }
    try {
      return TrytonMapper.position(cursor);
    } catch (IllegalArgumentException e) {
      throw new ConnectorException(TrytonErrorCode.INVALID_CURSOR, false, e.getMessage(), e);
    }
  }
}
