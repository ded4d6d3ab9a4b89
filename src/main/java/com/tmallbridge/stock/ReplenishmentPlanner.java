package com.tmallbridge.stock;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.erp.StockLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads what the calculation needs from the active ERP (materials, warehouses, on-hand, deliveries
 * over each distinct sales window) and the stored settings, then runs
 * {@link ReplenishmentCalculator} for every material in every warehouse. The window ends now
 * ({@link Clock}) and starts {@code windowDays × 24 h} earlier.
 */
@Component
class ReplenishmentPlanner {
  /** Materials read per call when every material is planned. */
  private static final int PAGE = 500;
  private final ErpRegistry erp;
  private final ReplenishmentSettingsRepository settings;
  private final ReplenishmentProperties defaults;
  private final Clock clock;

  ReplenishmentPlanner(ErpRegistry erp, ReplenishmentSettingsRepository settings, ReplenishmentProperties defaults, Clock clock) {
    this.erp = erp;
    this.settings = settings;
    this.defaults = defaults;
    this.clock = clock;
  }

  /**
   * Suggestions for the query, ordered by material then warehouse.
   *
   * @throws IllegalArgumentException when the query names a material or warehouse the ERP does not know
   * @throws com.tmallbridge.erp.ConnectorException when the ERP cannot be read
   */
  List<ReplenishmentSuggestion> plan(ReplenishmentQuery query) {
    List<MaterialCode> materials = materials(query.material());
    List<String> warehouses = warehouses(query.warehouse());
    Map<MaterialCode, Map<String, Long>> onHand = erp.capability(StockLedger.class).onHand(materials);
    Map<String, ReplenishmentOverride> rows = new HashMap<>();
    for (ReplenishmentOverride row : settings.all()) {
      rows.put(key(row.material(), row.warehouse()), row);
    }
    Instant now = clock.instant();
    Map<Integer, Map<MaterialCode, Map<String, Long>>> deliveredByWindow = new TreeMap<>();
    List<ReplenishmentSuggestion> result = new ArrayList<>();
    for (MaterialCode material : materials) {
      for (String warehouse : warehouses) {
        ReplenishmentSettings effective = effective(rows, material, warehouse).with(query.windowDays(), query.leadDays());
        Map<MaterialCode, Map<String, Long>> delivered = deliveredByWindow.computeIfAbsent(effective.windowDays(),
            days -> erp.capability(StockLedger.class).deliveredBetween(now.minus(Duration.ofDays(days)), now));
        result.add(ReplenishmentCalculator.suggest(material, warehouse, effective,
            onHand.getOrDefault(material, Map.of()).getOrDefault(warehouse, 0L),
            delivered.getOrDefault(material, Map.of()).getOrDefault(warehouse, 0L)));
      }
    }
    return result;
  }

  /**
   * Checks that the ERP knows the material and (when not null) the warehouse.
   *
   * @throws IllegalArgumentException naming the unknown one
   */
  void checkKnown(MaterialCode material, @Nullable String warehouse) {
    materials(material);
    if (warehouse != null) {
      warehouses(warehouse);
    }
  }

  /** The settings in force for a material in a warehouse (warehouse row, material row, defaults). */
  ReplenishmentSettings effective(MaterialCode material, String warehouse) {
    Map<String, ReplenishmentOverride> rows = new HashMap<>();
    settings.find(material, null).ifPresent(r -> rows.put(key(material, null), r));
    settings.find(material, warehouse).ifPresent(r -> rows.put(key(material, warehouse), r));
    return effective(rows, material, warehouse);
  }

  private ReplenishmentSettings effective(Map<String, ReplenishmentOverride> rows, MaterialCode material, String warehouse) {
    ReplenishmentSettings result = defaults.settings();
    ReplenishmentOverride all = rows.get(key(material, null));
    if (all != null) {
      result = all.over(result);
    }
    ReplenishmentOverride one = rows.get(key(material, warehouse));
    return one == null ? result : one.over(result);
  }

  /** {@code only}, checked against the ERP's catalogue, or every material read page by page. */
  private List<MaterialCode> materials(@Nullable MaterialCode only) {
    MaterialCatalog catalog = erp.capability(MaterialCatalog.class);
    if (only != null) {
      if (catalog.existing(List.of(only)).isEmpty()) {
        throw new IllegalArgumentException("material " + only + " is not in the ERP's catalogue");
      }
      return List.of(only);
    }
    List<MaterialCode> all = new ArrayList<>();
    for (List<Material> page = catalog.materialsAfter(null, PAGE); !page.isEmpty();
        page = page.size() < PAGE ? List.of() : catalog.materialsAfter(page.get(page.size() - 1).code(), PAGE)) {
      page.forEach(m -> all.add(m.code()));
    }
    return all;
  }

  private List<String> warehouses(@Nullable String only) {
    List<String> all = erp.capability(StockLedger.class).warehouses();
    if (only == null) {
      return all;
    }
    if (!all.contains(only)) {
      throw new IllegalArgumentException("warehouse " + only + " is not one of the ERP's warehouses " + all);
    }
    return List.of(only);
  }

  private static String key(MaterialCode material, @Nullable String warehouse) {
    return material.value() + "|" + (warehouse == null ? "" : warehouse);
  }
}
