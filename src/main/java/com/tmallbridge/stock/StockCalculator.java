package com.tmallbridge.stock;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.product.Component;
import com.tmallbridge.product.Listing;
import com.tmallbridge.product.Listings;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.stock.StockAllocator.Demand;
import com.tmallbridge.stock.StockAllocator.Figure;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Computes the wanted figure of listings and stores it. A change of one material can move the
 * figures of every listing connected to it through shared materials (combos draw on several), so a
 * recomputation first closes the set: listings using the materials, their other materials, and
 * so on.
 */
@org.springframework.stereotype.Component
class StockCalculator {
  private static final int MAX_CLOSURE_ROUNDS = 20;

  private final ObjectProvider<Listings> listings;
  private final ShopManagement shops;
  private final SellableStock stock;
  private final RuleRepository rules;
  private final PublicationRepository publications;
  private final Clock clock;

  StockCalculator(ObjectProvider<Listings> listings, ShopManagement shops, SellableStock stock, RuleRepository rules,
      PublicationRepository publications, Clock clock) {
    this.listings = listings;
    this.shops = shops;
    this.stock = stock;
    this.rules = rules;
    this.publications = publications;
    this.clock = clock;
  }

  /** Recomputes every listing connected to {@code materials}; returns how many figures were stored. */
  int recompute(Collection<MaterialCode> materials) {
    Listings source = listings.getIfAvailable();
    if (source == null || materials.isEmpty() || !stock.available()) {
      return 0;
    }
    Set<MaterialCode> closed = new HashSet<>(materials);
    Map<String, Listing> found = new LinkedHashMap<>();
    for (int round = 0; round < MAX_CLOSURE_ROUNDS; round++) {
      source.using(closed).stream().filter(Listing::matched).forEach(l -> found.putIfAbsent(key(l), l));
      Set<MaterialCode> next = materialsOf(found.values());
      next.addAll(closed);
      if (next.size() == closed.size()) {
        break;
      }
      closed = next;
    }
    return store(new ArrayList<>(found.values()));
  }

  /** Recomputes every listing of every shop (the periodic full pass). */
  int recomputeAll() {
    Listings source = listings.getIfAvailable();
    if (source == null || !stock.available()) {
      return 0;
    }
    List<Listing> all = new ArrayList<>();
    for (Shop shop : shops.list()) {
      List<Listing> ofShop = source.ofShop(shop.id());
      publications.retain(shop.id(), ofShop.stream().filter(Listing::matched).map(l -> l.numIid() + "/" + l.skuId()).toList());
      ofShop.stream().filter(Listing::matched).forEach(all::add);
    }
    return store(all);
  }

  /** The materials of a shop's listings (for marking them dirty after a rule change). */
  Set<MaterialCode> materialsOfShop(com.tmallbridge.core.ShopId shop) {
    Listings source = listings.getIfAvailable();
    return source == null ? Set.of() : materialsOf(source.ofShop(shop));
  }

  private int store(List<Listing> all) {
    if (all.isEmpty()) {
      return 0;
    }
    Set<MaterialCode> materials = materialsOf(all);
    SellableStock.Snapshot snapshot = stock.read(materials);
    RuleBook book = new RuleBook(rules.rules());
    Instant now = clock.instant();
    List<Demand> demands = new ArrayList<>();
    Map<String, Listing> byKey = new HashMap<>();
    for (Listing l : all) {
      RuleSettings rule = book.settingsFor(l.shop().value(), l.numIid(), l.skuId());
      Map<MaterialCode, Long> own = new HashMap<>();
      l.components().forEach(c -> own.put(c.material(), snapshot.sellable(c.material(), rule.warehouses())));
      demands.add(new Demand(key(l), l.shop().value(), l.components(), rule, own));
      byKey.put(key(l), l);
    }
    List<StockAllocator.Lock> locks = activeLocks(all, materials, now);
    Map<String, Figure> figures = StockAllocator.allocate(snapshot.sellableAll(materials), demands, locks);
    figures.forEach((k, f) -> {
      Listing l = byKey.get(k);
      publications.putWanted(l.shop(), l.numIid(), l.skuId(), describe(l.components()), f.published(), now);
    });
    return figures.size();
  }

  private List<StockAllocator.Lock> activeLocks(List<Listing> all, Set<MaterialCode> materials, Instant now) {
    List<StockAllocator.Lock> result = new ArrayList<>();
    for (PromotionLock lock : rules.locks(now)) {
      if (!lock.activeAt(now)) {
        continue;
      }
      if (lock.material() != null) {
        if (materials.contains(lock.material())) {
          result.add(new StockAllocator.Lock(lock.shop().value(), lock.material(), lock.quantity()));
        }
        continue;
      }
      String skuId = lock.skuId() == null ? "" : lock.skuId();
      all.stream()
          .filter(l -> l.shop().equals(lock.shop()) && l.numIid().equals(lock.numIid()) && l.skuId().equals(skuId))
          .findFirst()
          .ifPresent(l -> l.components().forEach(c ->
              result.add(new StockAllocator.Lock(lock.shop().value(), c.material(), lock.quantity() * c.quantity()))));
    }
    return result;
  }

  static String describe(List<Component> components) {
    return components.stream().map(c -> c.quantity() == 1 ? c.material().value() : c.material().value() + "*" + c.quantity())
        .collect(Collectors.joining("+"));
  }

  private static Set<MaterialCode> materialsOf(Collection<Listing> listings) {
    return listings.stream().flatMap(l -> l.components().stream()).map(Component::material).collect(Collectors.toCollection(HashSet::new));
  }

  private static String key(Listing l) {
    return l.shop().value() + "/" + l.numIid() + "/" + l.skuId();
  }
}
