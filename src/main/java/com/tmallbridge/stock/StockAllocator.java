package com.tmallbridge.stock;

import com.tmallbridge.core.Apportionment;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.product.Component;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the sellable stock of each material over the listings (of every shop) that draw on it. A
 * pure function: the same input always gives the same figures, whatever the order of the demands.
 *
 * <ol>
 *   <li><b>Locks first.</b> Active promotion locks on a material are carved out of its sellable
 *       stock in shop order (never more than there is). What is left, the free pool, is what shops
 *       without a lock see.
 *   <li><b>View.</b> A listing's view of a component material is the smaller of its own shop's
 *       sellable (its warehouses) and the free pool plus its shop's lock. Its view in listing
 *       units is the minimum over components of ⌊view / component quantity⌋, less the rule's
 *       safety stock.
 *   <li><b>Wanted.</b> The rule turns the view into a wanted figure ({@link RuleSettings#wanted}),
 *       never above the view.
 *   <li><b>Fit.</b> Per material, wanted × quantity is the listing's demand. A locking shop's
 *       listings are served from its lock first (split by largest remainder when the lock is
 *       short); the rest of every demand shares the free pool, scaled down by largest remainder
 *       (ties to the smaller listing key) when it does not fit.
 *   <li><b>Combos.</b> A listing's published figure is the minimum over its components of
 *       ⌊granted units / component quantity⌋, so a combo never shows more sets than each of its
 *       components was granted; units a combo cannot use stay unpublished (errs low).
 * </ol>
 *
 * Hence, per material, Σ published × quantity ≤ sellable, each figure is between 0 and its rule's
 * max, and shops without a lock never get locked units.
 */
final class StockAllocator {

  private StockAllocator() {}

  /**
   * One listing that wants stock.
   *
   * @param key unique, stable key (tie-break order)
   * @param shopId the listing's shop
   * @param components materials and units per listing unit, at least one
   * @param rule effective rule
   * @param shopSellable sellable per component material over the shop's warehouses (≥ 0)
   */
  record Demand(String key, long shopId, List<Component> components, RuleSettings rule, Map<MaterialCode, Long> shopSellable) {
    Demand {
      Map<MaterialCode, Integer> merged = new LinkedHashMap<>();
      components.forEach(c -> merged.merge(c.material(), c.quantity(), Integer::sum));
      components = merged.entrySet().stream().map(e -> new Component(e.getKey(), e.getValue())).toList();
      shopSellable = Map.copyOf(shopSellable);
      if (components.isEmpty()) {
        throw new IllegalArgumentException("listing " + key + " has no components");
      }
    }
  }

  /** An active lock: {@code quantity} units of {@code material} held for {@code shopId}. */
  record Lock(long shopId, MaterialCode material, long quantity) {}

  /** What the allocation gives one listing: its view, what the rule wanted, what it may publish. */
  record Figure(long view, long wanted, long published) {}

  /**
   * @param sellable sellable stock per material over all warehouses (missing = 0, negative = 0)
   * @return figures per demand key
   */
  static Map<String, Figure> allocate(Map<MaterialCode, Long> sellable, List<Demand> demands, List<Lock> locks) {
    List<Demand> ordered = new ArrayList<>(demands);
    ordered.sort(Comparator.comparing(Demand::key));
    Map<MaterialCode, Map<Long, Long>> carved = carveLocks(sellable, locks);
    Map<String, Long> views = new HashMap<>();
    Map<String, Long> wanted = new HashMap<>();
    for (Demand d : ordered) {
      long view = view(d, sellable, carved);
      views.put(d.key(), view);
      wanted.put(d.key(), d.rule().wanted(view));
    }
    Map<String, Long> published = new HashMap<>();
    ordered.forEach(d -> published.put(d.key(), wanted.get(d.key())));
    Map<MaterialCode, List<Demand>> usersByMaterial = usersByMaterial(ordered);
    for (Map.Entry<MaterialCode, List<Demand>> e : usersByMaterial.entrySet()) {
      MaterialCode m = e.getKey();
      Map<String, Long> granted = grant(m, e.getValue(), wanted, pool(sellable, m), carved.getOrDefault(m, Map.of()));
      for (Demand d : e.getValue()) {
        Long units = granted.get(d.key());
        if (units != null) {
          long q = quantityOf(d, m);
          published.merge(d.key(), units / q, Math::min);
        }
      }
    }
    Map<String, Figure> result = new LinkedHashMap<>();
    ordered.forEach(d -> result.put(d.key(), new Figure(views.get(d.key()), wanted.get(d.key()), published.get(d.key()))));
    return result;
  }

  /** Lock units per material and shop, carved in shop order, never more than the material has. */
  static Map<MaterialCode, Map<Long, Long>> carveLocks(Map<MaterialCode, Long> sellable, List<Lock> locks) {
    List<Lock> ordered = new ArrayList<>(locks);
    ordered.sort(Comparator.comparing((Lock l) -> l.material().value()).thenComparingLong(Lock::shopId));
    Map<MaterialCode, Map<Long, Long>> carved = new HashMap<>();
    Map<MaterialCode, Long> left = new HashMap<>();
    for (Lock l : ordered) {
      long available = left.computeIfAbsent(l.material(), m -> pool(sellable, m));
      long take = Math.min(Math.max(0, l.quantity()), available);
      left.put(l.material(), available - take);
      carved.computeIfAbsent(l.material(), m -> new HashMap<>()).merge(l.shopId(), take, Long::sum);
    }
    return carved;
  }

  private static long view(Demand d, Map<MaterialCode, Long> sellable, Map<MaterialCode, Map<Long, Long>> carved) {
    long view = Long.MAX_VALUE;
    for (Component c : d.components()) {
      Map<Long, Long> locked = carved.getOrDefault(c.material(), Map.of());
      long free = pool(sellable, c.material()) - locked.values().stream().mapToLong(Long::longValue).sum();
      long reachable = free + locked.getOrDefault(d.shopId(), 0L);
      long own = Math.max(0, d.shopSellable().getOrDefault(c.material(), 0L));
      view = Math.min(view, Math.min(own, reachable) / c.quantity());
    }
    return Math.max(0, view - Math.max(0, d.rule().safety()));
  }

  /** Units of {@code m} granted to each demand that uses it ({@code users}, in key order). */
  private static Map<String, Long> grant(
      MaterialCode m, List<Demand> users, Map<String, Long> wanted, long pool, Map<Long, Long> locked) {
    Map<String, Long> granted = new LinkedHashMap<>();
    Map<String, Long> rest = new LinkedHashMap<>();
    Map<Long, List<Demand>> byShop = new LinkedHashMap<>();
    users.forEach(d -> byShop.computeIfAbsent(d.shopId(), s -> new ArrayList<>()).add(d));
    for (Map.Entry<Long, List<Demand>> shop : byShop.entrySet()) {
      List<Demand> list = shop.getValue();
      long[] demand = list.stream().mapToLong(d -> wanted.get(d.key()) * quantityOf(d, m)).toArray();
      long[] fromLock = fit(demand, locked.getOrDefault(shop.getKey(), 0L));
      for (int i = 0; i < list.size(); i++) {
        granted.put(list.get(i).key(), fromLock[i]);
        rest.put(list.get(i).key(), demand[i] - fromLock[i]);
      }
    }
    long free = pool - locked.values().stream().mapToLong(Long::longValue).sum();
    List<String> keys = users.stream().map(Demand::key).toList();
    long[] fromPool = fit(keys.stream().mapToLong(rest::get).toArray(), free);
    for (int i = 0; i < keys.size(); i++) {
      granted.merge(keys.get(i), fromPool[i], Long::sum);
    }
    return granted;
  }

  /** Each demand in full when they fit in {@code capacity}; else scaled down by largest remainder. */
  static long[] fit(long[] demand, long capacity) {
    long total = 0;
    for (long d : demand) {
      total += d;
    }
    if (total <= capacity || demand.length == 0) {
      return demand.clone();
    }
    if (capacity <= 0) {
      return new long[demand.length];
    }
    return Apportionment.byLargestRemainder(capacity, demand);
  }

  /** The demands using each material, materials in code order, demands in the given (key) order. */
  private static Map<MaterialCode, List<Demand>> usersByMaterial(List<Demand> ordered) {
    Map<MaterialCode, List<Demand>> users = new java.util.TreeMap<>(Comparator.comparing(MaterialCode::value));
    for (Demand d : ordered) {
      for (Component c : d.components()) {
        users.computeIfAbsent(c.material(), k -> new ArrayList<>()).add(d);
      }
    }
    return users;
  }

  private static long quantityOf(Demand d, MaterialCode m) {
    return d.components().stream().filter(c -> c.material().equals(m)).mapToLong(Component::quantity).sum();
  }

  private static long pool(Map<MaterialCode, Long> sellable, MaterialCode m) {
    return Math.max(0, sellable.getOrDefault(m, 0L));
  }
}
