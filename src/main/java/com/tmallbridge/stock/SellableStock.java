package com.tmallbridge.stock;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.StockLedger;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads what sellable stock is made of for a set of materials: ERP on-hand per warehouse, open
 * reservations (every shop) and per-material safety stock. Sellable = on-hand − reserved − safety.
 */
@Component
class SellableStock {
  private final ErpRegistry erp;
  private final ReservationRepository reservations;
  private final RuleRepository rules;
  /** On-hand per material as last read from the ERP (zero when it reported none): the import's view of a remote ERP. */
  private final Map<MaterialCode, Map<String, Long>> lastRead = new java.util.concurrent.ConcurrentHashMap<>();

  SellableStock(ErpRegistry erp, ReservationRepository reservations, RuleRepository rules) {
    this.erp = erp;
    this.reservations = reservations;
    this.rules = rules;
  }

  /** Whether the active ERP reports stock at all. */
  boolean available() {
    return erp.supports(StockLedger.class);
  }

  Snapshot read(Collection<MaterialCode> materials) {
    if (materials.isEmpty() || !available()) {
      return new Snapshot(Map.of(), Map.of(), Map.of());
    }
    Map<MaterialCode, Map<String, Long>> onHand = erp.capability(StockLedger.class).onHand(materials);
    if (erp.activeIsRemote()) { // only the import's view of a remote ERP needs it
      materials.forEach(m -> lastRead.put(m, Map.copyOf(onHand.getOrDefault(m, Map.of()))));
    }
    return new Snapshot(onHand, reservations.openByMaterial(materials), rules.safety(materials));
  }

  /**
   * Sellable stock of {@code materials} for a caller inside a database transaction (the trade
   * import): with a local ERP read now; with a remote one no ERP call is made (no transaction is
   * held across a remote call) and on-hand is what the last {@link #read} saw — the stock cycle
   * reads it every few seconds. Materials never read yet are left out.
   */
  Map<MaterialCode, Long> sellableWithinTransaction(Collection<MaterialCode> materials) {
    if (materials.isEmpty() || !available()) {
      return Map.of();
    }
    if (!erp.activeIsRemote()) {
      return read(materials).sellableAll(materials);
    }
    List<MaterialCode> known = materials.stream().filter(lastRead::containsKey).toList();
    Map<MaterialCode, Map<String, Long>> onHand = new HashMap<>();
    known.forEach(m -> onHand.put(m, lastRead.get(m)));
    return new Snapshot(onHand, reservations.openByMaterial(known), rules.safety(known)).sellableAll(known);
  }

  /**
   * The parts of sellable stock.
   *
   * @param onHand per material and warehouse
   * @param reserved open reservations per material
   * @param safety safety stock per material
   */
  record Snapshot(Map<MaterialCode, Map<String, Long>> onHand, Map<MaterialCode, Long> reserved, Map<MaterialCode, Long> safety) {

    /** On-hand over {@code warehouses} (null = all). */
    long onHand(MaterialCode m, @Nullable List<String> warehouses) {
      return onHand.getOrDefault(m, Map.of()).entrySet().stream()
          .filter(e -> warehouses == null || warehouses.contains(e.getKey()))
          .mapToLong(Map.Entry::getValue).sum();
    }

    long reserved(MaterialCode m) {
      return reserved.getOrDefault(m, 0L);
    }

    long safety(MaterialCode m) {
      return safety.getOrDefault(m, 0L);
    }

    /** On-hand over {@code warehouses} − reserved − safety; may be negative (already oversold). */
    long sellable(MaterialCode m, @Nullable List<String> warehouses) {
      return onHand(m, warehouses) - reserved(m) - safety(m);
    }

    Map<MaterialCode, Long> sellableAll(Collection<MaterialCode> materials) {
      Map<MaterialCode, Long> result = new HashMap<>();
      materials.forEach(m -> result.put(m, sellable(m, null)));
      return result;
    }
  }
}
