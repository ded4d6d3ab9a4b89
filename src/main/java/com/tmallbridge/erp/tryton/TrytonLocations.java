package com.tmallbridge.erp.tryton;

import com.tmallbridge.erp.ConnectorException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Tryton's warehouses, lost-and-found location and units of measure, read once and kept (they
 * change only when an administrator edits Tryton; restart the bridge then). Warehouse codes are
 * mapped with {@code bridge.erp.tryton.warehouses}. Thread-safe.
 */
final class TrytonLocations {
  private final TrytonClient client;
  private final Map<String, String> bridgeToTryton;
  private volatile @Nullable Snapshot snapshot;

  private record Snapshot(List<TrytonWarehouse> warehouses, long lostAndFound, Map<Long, String> uomSymbols) {}

  TrytonLocations(TrytonClient client, TrytonProperties properties) {
    this.client = client;
    this.bridgeToTryton = properties.warehouses();
  }

  /** Every warehouse, by bridge code. */
  List<TrytonWarehouse> warehouses() {
    return load().warehouses();
  }

  /**
   * The warehouse with this bridge code.
   *
   * @throws ConnectorException permanent when there is none
   */
  TrytonWarehouse warehouse(String bridgeCode) {
    return warehouses().stream().filter(w -> w.code().equals(bridgeCode)).findFirst()
        .orElseThrow(() -> new ConnectorException(TrytonErrorCode.UNKNOWN_WAREHOUSE, false,
            "no Tryton warehouse for warehouse code '" + bridgeCode + "'"));
  }

  /** The warehouse a location belongs to, if any. */
  @Nullable TrytonWarehouse warehouseOf(long locationId) {
    return warehouses().stream().filter(w -> w.locationIds().contains(locationId)).findFirst().orElse(null);
  }

  /** The lost-and-found location, the other side of stock adjustments. */
  long lostAndFound() {
    return load().lostAndFound();
  }

  /** Symbol of a unit of measure id, e.g. {@code u}. */
  @Nullable String uomSymbol(long uom) {
    return load().uomSymbols().get(uom);
  }

  /** The id of the unit with this symbol, if any. */
  @Nullable Long uomId(String symbol) {
    return load().uomSymbols().entrySet().stream().filter(e -> e.getValue().equals(symbol)).map(Map.Entry::getKey)
        .findFirst().orElse(null);
  }

  private Snapshot load() {
    Snapshot current = snapshot;
    if (current != null) {
      return current;
    }
    Map<String, String> trytonToBridge = new HashMap<>();
    bridgeToTryton.forEach((bridge, tryton) -> trytonToBridge.put(tryton, bridge));
    List<TrytonWarehouse> warehouses = new ArrayList<>();
    for (JsonNode row : client.call("stock.location", "search_read", TrytonClient.args(
        List.of(List.of("type", "=", "warehouse")), 0, null, List.of(List.of("code", "ASC")), List.of("code", "storage_location")))) {
      String code = TrytonMapper.text(row, "code");
      if (code == null || row.path("storage_location").isNull()) {
        continue;
      }
      Set<Long> ids = new HashSet<>();
      client.call("stock.location", "search", TrytonClient.args(List.of(List.of("parent", "child_of", List.of(row.get("id").asLong()))),
          0, null, null)).forEach(id -> ids.add(id.asLong()));
      warehouses.add(new TrytonWarehouse(row.get("id").asLong(), trytonToBridge.getOrDefault(code, code),
          row.get("storage_location").asLong(), ids));
    }
    warehouses.sort(java.util.Comparator.comparing(TrytonWarehouse::code));
    JsonNode lost = client.call("stock.location", "search", TrytonClient.args(List.of(List.of("type", "=", "lost_found")), 0, 1, null));
    if (lost.isEmpty()) {
      throw new ConnectorException(TrytonErrorCode.UNKNOWN_WAREHOUSE, false, "Tryton has no lost-and-found location");
    }
    Map<Long, String> uoms = new HashMap<>();
    client.call("product.uom", "search_read", TrytonClient.args(List.of(), 0, null, null, List.of("symbol")))
        .forEach(u -> uoms.put(u.get("id").asLong(), u.get("symbol").asString()));
    Snapshot loaded = new Snapshot(List.copyOf(warehouses), lost.get(0).asLong(), Map.copyOf(uoms));
    snapshot = loaded;
    return loaded;
  }
}
