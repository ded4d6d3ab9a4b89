package com.tmallbridge.stock;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.product.Component;
import com.tmallbridge.stock.StockAllocator.Demand;
import com.tmallbridge.stock.StockAllocator.Figure;
import com.tmallbridge.stock.StockAllocator.Lock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Randomised allocations; the seed is printed so a failure can be replayed with -Dstock.seed=N. */
class StockAllocatorPropertyTests {
  private static final int RUNS = 2000;

  @Test
  void holdsEveryInvariantOnRandomInput() {
    long seed = Long.getLong("stock.seed", System.nanoTime());
    System.out.println("StockAllocatorPropertyTests seed=" + seed);
    Random random = new Random(seed);
    for (int run = 0; run < RUNS; run++) {
      Case c = randomCase(random);
      Map<String, Figure> figures = StockAllocator.allocate(c.sellable, c.demands, c.locks);
      String where = "seed " + seed + " run " + run + ": " + c;
      checkInvariants(c, figures, where);
      List<Demand> shuffled = new ArrayList<>(c.demands);
      Collections.shuffle(shuffled, random);
      assertThat(StockAllocator.allocate(c.sellable, shuffled, c.locks)).as("idempotent, order-free " + where).isEqualTo(figures);
    }
  }

  private static void checkInvariants(Case c, Map<String, Figure> figures, String where) {
    Map<MaterialCode, Long> used = new HashMap<>();
    Map<MaterialCode, Long> usedByOthers = new HashMap<>();
    Map<MaterialCode, Map<Long, Long>> carved = StockAllocator.carveLocks(c.sellable, c.locks);
    for (Demand d : c.demands) {
      Figure f = figures.get(d.key());
      assertThat(f.published()).as("non-negative " + where).isGreaterThanOrEqualTo(0);
      assertThat(f.published()).as("≤ wanted " + where).isLessThanOrEqualTo(f.wanted());
      assertThat(f.wanted()).as("≤ view " + where).isLessThanOrEqualTo(f.view());
      if (d.rule().max() != null) {
        assertThat(f.published()).as("≤ max " + where).isLessThanOrEqualTo(d.rule().max());
      }
      if (f.view() < d.rule().zeroBelow()) {
        assertThat(f.published()).as("zero-out " + where).isZero();
      }
      for (Component comp : d.components()) {
        long units = f.published() * comp.quantity();
        used.merge(comp.material(), units, Long::sum);
        if (!carved.getOrDefault(comp.material(), Map.of()).containsKey(d.shopId())) {
          usedByOthers.merge(comp.material(), units, Long::sum);
        }
      }
    }
    for (Map.Entry<MaterialCode, Long> e : used.entrySet()) {
      long sellable = Math.max(0, c.sellable.getOrDefault(e.getKey(), 0L));
      assertThat(e.getValue()).as("Σ published ≤ sellable of " + e.getKey() + " " + where).isLessThanOrEqualTo(sellable);
      long locked = carved.getOrDefault(e.getKey(), Map.of()).values().stream().mapToLong(Long::longValue).sum();
      assertThat(usedByOthers.getOrDefault(e.getKey(), 0L)).as("locks respected on " + e.getKey() + " " + where)
          .isLessThanOrEqualTo(sellable - locked);
    }
    checkLockOwnersGetTheirLock(c, figures, carved, where);
  }

  /** A locking shop whose listings of a material are all plain gets min(its wanted total, its lock). */
  private static void checkLockOwnersGetTheirLock(Case c, Map<String, Figure> figures, Map<MaterialCode, Map<Long, Long>> carved, String where) {
    carved.forEach((material, byShop) -> byShop.forEach((shop, lock) -> {
      List<Demand> mine = c.demands.stream().filter(d -> d.shopId() == shop)
          .filter(d -> d.components().stream().anyMatch(x -> x.material().equals(material))).toList();
      if (mine.stream().allMatch(d -> d.components().size() == 1 && d.components().get(0).quantity() == 1)) {
        long wanted = mine.stream().mapToLong(d -> figures.get(d.key()).wanted()).sum();
        long published = mine.stream().mapToLong(d -> figures.get(d.key()).published()).sum();
        assertThat(published).as("lock owner " + shop + " on " + material + " " + where).isGreaterThanOrEqualTo(Math.min(wanted, lock));
      }
    }));
  }

  private record Case(Map<MaterialCode, Long> sellable, List<Demand> demands, List<Lock> locks) {}

  private static Case randomCase(Random r) {
    int materialCount = 1 + r.nextInt(4);
    List<MaterialCode> materials = new ArrayList<>();
    Map<MaterialCode, Long> sellable = new LinkedHashMap<>();
    for (int i = 0; i < materialCount; i++) {
      MaterialCode m = new MaterialCode("M" + i);
      materials.add(m);
      sellable.put(m, r.nextInt(10) == 0 ? -r.nextInt(5) : (long) r.nextInt(r.nextBoolean() ? 10 : 500));
    }
    List<Demand> demands = new ArrayList<>();
    int listings = 1 + r.nextInt(8);
    for (int i = 0; i < listings; i++) {
      long shop = 1 + r.nextInt(3);
      List<Component> components = new ArrayList<>();
      int parts = r.nextInt(4) == 0 ? 2 + r.nextInt(2) : 1;
      for (int p = 0; p < parts; p++) {
        components.add(new Component(materials.get(r.nextInt(materialCount)), r.nextInt(3) == 0 ? 1 + r.nextInt(4) : 1));
      }
      Map<MaterialCode, Long> shopSellable = new HashMap<>();
      components.forEach(comp -> shopSellable.put(comp.material(),
          r.nextInt(4) == 0 ? r.nextInt(50) : Math.max(0, sellable.get(comp.material()))));
      demands.add(new Demand(String.format("L%02d", i), shop, components, randomRule(r), shopSellable));
    }
    List<Lock> locks = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      locks.add(new Lock(1 + r.nextInt(3), materials.get(r.nextInt(materialCount)), r.nextInt(300)));
    }
    return new Case(sellable, demands, locks);
  }

  private static RuleSettings randomRule(Random r) {
    if (r.nextBoolean()) {
      return RuleSettings.DEFAULT;
    }
    long min = r.nextInt(3) == 0 ? r.nextInt(20) : 0;
    Long max = r.nextInt(3) == 0 ? min + r.nextInt(50) : null;
    return new RuleSettings(null, r.nextInt(101), r.nextInt(21) - 10, min, max, r.nextInt(3) == 0 ? r.nextInt(30) : 0,
        r.nextInt(4) == 0 ? r.nextInt(5) : 0);
  }
}
